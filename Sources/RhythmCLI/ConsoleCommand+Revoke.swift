import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

extension ConsoleCommand {
    /// `rhythm console revoke`: ends console sessions at once.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "End console sessions.",
            discussion: """
                Names sessions by the start of the id `rhythm console sessions` shows (at least \
                4 hex digits, matching exactly one session), every session of a person with \
                --person, or every session with --all. The next request of a revoked session \
                is sent to the sign-in page. Each revocation is audited.

                Examples:
                  rhythm console revoke 3f9a0c12
                  rhythm console revoke --person priya-natarajan
                  rhythm console revoke --all
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The start of a session's id.", valueName: "session-id-prefix"))
        var prefix: String?

        @Option(help: ArgumentHelp("End every session of this person.", valueName: "person-id"))
        var person: String?

        @Flag(help: "End every console session.")
        var all = false

        func validate() throws {
            let given = [prefix != nil, person != nil, all].filter { $0 }.count
            guard given == 1 else {
                throw ValidationError("Name sessions by an id prefix, --person ID or --all (exactly one of them).")
            }
            if let prefix, prefix.count < 4 || !prefix.allSatisfy(\.isHexDigit) {
                throw ValidationError(
                    "\"\(prefix)\" is not a session id: give at least 4 hex digits of the id "
                        + "`rhythm console sessions` shows.")
            }
        }

        func run() throws {
            let location = try options.databaseLocation()
            let store = try options.open(location)
            let now = Date()
            let selection: ConsoleSessionSelection
            if let prefix {
                let matching = try DatabaseOptions.checked { () throws(StoreError) in
                    try store.activeConsoleSessions(now: now)
                }.filter { $0.publicID.hasPrefix(prefix.lowercased()) }
                guard matching.count == 1 else {
                    throw ValidationError(
                        matching.isEmpty
                            ? "No active console session's id starts with \"\(prefix)\"; "
                                + "see `rhythm console sessions`."
                            : "\(matching.count) sessions' ids start with \"\(prefix)\"; give more digits.")
                }
                selection = .publicIDPrefix(prefix)
            } else if let person {
                selection = .person(person)
            } else {
                selection = .all
            }
            let revoked = try DatabaseOptions.checked { () throws(StoreError) in
                try store.revokeConsoleSessions(selection, actor: WorkArguments.actor(), now: now)
            }
            guard !revoked.isEmpty else {
                print("No active console session matched; nothing was changed.")
                return
            }
            let names = revoked.map { "\($0.publicID) (\($0.personID))" }.joined(separator: ", ")
            print("Ended \(Plural.phrase(revoked.count, "console session")): \(names).")
        }
    }
}
