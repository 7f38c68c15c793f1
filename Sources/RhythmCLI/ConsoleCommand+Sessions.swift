import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension ConsoleCommand {
    /// `rhythm console sessions`: the console sessions that still sign in.
    struct Sessions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sessions",
            abstract: "List the active console sessions.",
            discussion: """
                Shows each active session's id (the first 8 hex digits of its cookie's hash: \
                it names the session for `rhythm console revoke` and signs nothing in), person, \
                when it began and was last seen, and when it ends if left unused (8 hours after \
                it was last seen) and at the latest (7 days after sign-in), in the initiative's \
                time zone, newest first.

                Examples:
                  rhythm console sessions
                  rhythm console sessions --format json
                """
        )

        @OptionGroup var options: RhythmOptions

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func run() throws {
            let loaded = try options.load()
            let store = try options.openDatabase(for: loaded)
            let policy = ConsoleSessionPolicy()
            let now = Date()
            let sessions = try DatabaseOptions.checked { () throws(StoreError) in
                try store.activeConsoleSessions(now: now, policy: policy)
            }
            let list = ConsoleSessionList(initiative: loaded.initiative, sessions: sessions, policy: policy)
            switch format {
            case .text: print(list.text(path: options.databaseLocation(for: loaded).path))
            case .json: print(try JSONOutput.encoded(list.json))
            }
        }
    }
}

/// `rhythm console sessions`'s two forms.
struct ConsoleSessionList {
    let initiative: Initiative
    let sessions: [ConsoleSession]
    let policy: ConsoleSessionPolicy

    func text(path: String) -> String {
        guard !sessions.isEmpty else {
            return "No active console sessions in \(path). Sign in at /console/sign-in, or issue a link with "
                + "`rhythm console link PERSON`."
        }
        let header = ["ID", "PERSON", "SIGNED IN", "LAST SEEN", "IDLE END", "ENDS"]
        let rows = sessions.map { session in
            [
                session.publicID, session.personID, time(session.createdAt), time(session.lastSeenAt),
                time(session.idleExpiry(policy)), time(session.expiresAt),
            ]
        }
        let summary =
            "\(Plural.phrase(sessions.count, "active console session")) in \(path); "
            + "times in \(initiative.timeZone.identifier)"
        return ([summary, ""] + TextTable.lines(header: header, rows: rows)).joined(separator: "\n")
    }

    var json: ConsoleSessionListJSON {
        ConsoleSessionListJSON(
            sessions: sessions.map { session in
                ConsoleSessionListJSON.Entry(
                    id: session.publicID, personId: session.personID,
                    personName: initiative.people.first { $0.id == session.personID }?.name,
                    createdAt: ISO8601Format.utc(session.createdAt), lastSeenAt: ISO8601Format.utc(session.lastSeenAt),
                    idleExpiresAt: ISO8601Format.utc(session.idleExpiry(policy)),
                    expiresAt: ISO8601Format.utc(session.expiresAt))
            })
    }

    /// `2026-11-24 23:50`, on the initiative's clocks.
    private func time(_ instant: Date) -> String {
        let local = initiative.timeZone.wallClock(at: instant)
        return "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
    }
}

/// The JSON form of `rhythm console sessions`: UTC times, no secrets.
struct ConsoleSessionListJSON: Encodable {
    struct Entry: Encodable {
        let id: String
        let personId: String
        /// Null when the person is no longer in the configuration.
        let personName: String?
        let createdAt: String
        let lastSeenAt: String
        let idleExpiresAt: String
        let expiresAt: String
    }

    let sessions: [Entry]
}
