import ArgumentParser
import Foundation
import RhythmStore

extension ProposalsCommand {
    /// `rhythm proposals dismiss`: marks a proposal as decided, so that it stops waiting.
    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Mark a time proposal as dealt with.",
            discussion: """
                The proposal stays in the database (`rhythm proposals list --all` shows it); \
                it no longer counts as waiting in `rhythm status`.

                Example:
                  rhythm proposals dismiss 3
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The proposal's id, as `rhythm proposals list` shows it.", valueName: "id"))
        var id: Int64

        func run() throws {
            let store = try options.openDatabase()
            let now = Date()
            let (before, after) = try DatabaseOptions.checked { () throws(StoreError) in
                let before = try store.calendarProposals(seriesID: nil, includeDismissed: true).first { $0.id == id }
                return (before, try store.dismissCalendarProposal(id: id, now: now))
            }
            guard let before, let after else {
                throw ValidationError(
                    "There is no time proposal \(id); `rhythm proposals list --all` lists the ones there are.")
            }
            let what = "Time proposal \(id) (\(after.seriesID), person \(after.personID))"
            print(before.dismissedAt == nil ? "\(what) dismissed." : "\(what) was already dismissed; nothing changed.")
        }
    }
}
