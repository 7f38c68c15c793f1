import ArgumentParser
import Foundation
import RhythmStore

extension PersonCommand {
    /// `rhythm person clear-bounce`: lets Rhythm write to a person's address again.
    struct ClearBounce: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear-bounce",
            abstract: "Send e-mail to a person's address again after it bounced.",
            discussion: """
                Clears the bounce of every address of the person that bounces, once the \
                address works again (the mailbox was restored, a typo fixed at the other end). \
                The next reminder goes out; reminders skipped meanwhile are not sent again. \
                The person is not checked against the configuration. The database keeps who \
                cleared the bounce and when (the audit trail records work, not addresses).

                Example:
                  rhythm person clear-bounce mei-lin
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The person's id.", valueName: "person-id"))
        var personID: String

        func run() throws {
            let store = try options.open(try options.databaseLocation())
            let cleared = try DatabaseOptions.checked { () throws(StoreError) in
                try store.clearBounce(personID: personID, actor: WorkArguments.actor(), now: Date())
            }
            guard !cleared.isEmpty else {
                print("No address of \(personID) bounces; nothing was changed.")
                return
            }
            for bounce in cleared {
                print("Cleared the bounce of \(bounce.address) (\(personID)); the next e-mail to it goes out.")
            }
        }
    }
}
