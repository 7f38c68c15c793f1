import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension ConsoleCommand {
    /// `rhythm console link`: a sign-in link printed on the server.
    struct SignInLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Issue a one-time console sign-in link for a person and print its URL.",
            discussion: """
                Prints <base>/console/s/<token> on standard output, once: Rhythm keeps only a \
                hash of its token. The link works once, for 15 minutes. The person must be \
                marked `console: true` in the configuration.

                Examples:
                  rhythm console link priya-natarajan
                  rhythm console link priya-natarajan --base-url https://rhythm.example.org
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The person's id in the configuration.", valueName: "person-id"))
        var person: String

        @Option(
            help: ArgumentHelp(
                "The public address of the Rhythm server, which the URL starts with.",
                discussion: "Defaults to service.public_url in the configuration, then its listening address.",
                valueName: "url"))
        var baseURL: String?

        func validate() throws {
            try baseURL.map(BaseURLArgument.check)
        }

        func run() throws {
            let loaded = try options.load()
            let found = try loaded.initiative.checkedPerson(person)
            guard found.consoleAccess else {
                throw ValidationError(
                    "\(found.id) may not sign in to the console: add `console: true` to their entry under people: "
                        + "in the configuration, reload, then issue the link again.")
            }
            let store = try options.openDatabase(for: loaded)
            let policy = ConsoleSessionPolicy()
            let token = try DatabaseOptions.checked { () throws(StoreError) in
                try store.issueConsoleSignInLink(personID: found.id, now: Date(), policy: policy)
            }
            print("\(BaseURLArgument.trimmed(baseURL ?? loaded.service.baseURL))/console/s/\(token)")
            StandardError.print(
                "Issued a console sign-in link for \(found.name) (\(found.id)); it works once, for "
                    + "\(Int(policy.signInLinkLifetime / 60)) minutes. The URL is shown only this once.")
        }
    }
}
