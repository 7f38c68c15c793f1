import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension FeedCommand {
    /// `rhythm feed list`: every feed token, without its secret.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the private feed tokens.",
            discussion: """
                Shows each token's public id, subject, the subject's name in the \
                configuration, and when it was created, last used (to the minute) and \
                revoked, in the initiative's time zone. Tokens whose subject is no longer in \
                the configuration are flagged; revoke them with `rhythm feed revoke --subject`.

                Examples:
                  rhythm feed list
                  rhythm feed list --format json
                """
        )

        /// The two output forms.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        @OptionGroup var options: RhythmOptions

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: Format = .text

        func run() throws {
            let loaded = try options.load()
            let initiative = loaded.initiative
            let store = try options.openDatabase(for: loaded)
            let tokens = try DatabaseOptions.checked { () throws(StoreError) in try store.feedTokens() }
            switch format {
            case .text:
                print(
                    FeedListText(
                        initiative: initiative, path: options.databaseLocation(for: loaded).path, tokens: tokens
                    ).text)
            case .json:
                print(try FeedListJSON(initiative: initiative, tokens: tokens).encoded())
            }
            let orphans = Set(tokens.filter { $0.isActive && initiative.name(of: $0.subject) == nil }.map(\.subject))
            for subject in orphans.sorted(by: { $0.description < $1.description }) {
                StandardError.print(
                    "warning: \(subject) is no longer in the configuration but still has an active feed token; "
                        + "revoke it with `rhythm feed revoke --subject \(subject)`.")
            }
        }
    }
}
