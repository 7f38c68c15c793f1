import Foundation
import RhythmCore
import RhythmStore
import Testing

/// `rhythm action`, `agenda add`, `indicator record`, `audit` and `api-token`, run as a
/// person runs them, on the example configuration and a fresh database named by
/// RHYTHM_DATABASE.
@Suite struct WorkEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    /// Runs `rhythm` as `user`, not through sudo unless `environment` says so.
    func rhythm(
        _ arguments: [String], user: String = "tester", configured: Bool = true, environment: [String: String] = [:]
    ) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            arguments + (configured ? ["--config", RhythmProcess.exampleConfiguration] : []),
            environment: ["RHYTHM_DATABASE": database, "USER": user, "SUDO_USER": "", "DOAS_USER": ""].merging(
                environment
            ) { $1 })
    }

    /// Runs a command that must succeed and returns its standard output.
    func succeed(_ arguments: [String], configured: Bool = true, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let result = try rhythm(arguments, configured: configured)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// The number `#12` at the start of what `add` printed.
    func id(in output: String) throws -> Int {
        let word = output.prefix { $0 != " " }
        return try #require(word.hasPrefix("#") ? Int(word.dropFirst()) : nil, "unexpected output: \(output)")
    }

    struct ActionList: Decodable {
        struct Entry: Decodable {
            let id: Int
            let title: String
            let ownerId: String
            let partnerId: String?
            let groupId: String?
            let due: String?
            let status: String
            let overdue: Bool
            let details: String?
        }
        let actions: [Entry]
        let total: Int
    }

    func listActions(_ arguments: [String] = []) throws -> ActionList {
        let output = try succeed(["action", "list", "--format", "json"] + arguments)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ActionList.self, from: Data(output.utf8))
    }

    @Test("actions are added, listed with filters, updated, done and dropped")
    func actionLifecycle() throws {
        let added = try succeed(
            ["action", "add", "Draft the data-sharing agreement", "--owner", "amara-okafor", "--due", "2020-01-15"])
        let late = try id(in: added)
        #expect(added.contains("Draft the data-sharing agreement"))
        #expect(added.contains("Amara Okafor (amara-okafor)"))
        #expect(added.contains("brightwater-council"))
        #expect(added.contains("2020-01-15 overdue"))
        let later = try id(
            in: succeed([
                "action", "add", "Share term 1 attendance", "--owner", "sam-ibrahim", "--group", "attendance-wg",
                "--series", "attendance-wg", "--raised-on", "2027-02-17", "--due", "2099-03-03", "--details",
                "All schools",
            ]))
        let undated = try id(
            in: succeed([
                "action", "add", "Find a venue", "--owner", "priya-natarajan", "--partner", "harbour-foundation",
            ]))

        let all = try listActions()
        #expect(all.actions.map(\.id) == [late, later, undated])
        #expect(all.total == 3)
        #expect(all.actions[0].partnerId == "brightwater-council")
        #expect(all.actions[0].overdue)
        #expect(!all.actions[1].overdue)
        #expect(try listActions(["--owner", "sam-ibrahim"]).actions.map(\.id) == [later])
        #expect(try listActions(["--partner", "harbour-foundation"]).actions.map(\.id) == [undated])
        #expect(try listActions(["--group", "attendance-wg"]).actions.map(\.id) == [later])
        #expect(try listActions(["--overdue"]).actions.map(\.id) == [late])
        #expect(try listActions(["--due-before", "2050-01-01"]).actions.map(\.id) == [late])
        #expect(try listActions(["--limit", "1"]).total == 3)

        let text = try succeed(["action", "list"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("3 actions; today is ") == true)
        #expect(lines.contains { $0.hasPrefix("ID ") && $0.contains("DUE") && $0.contains("OWNER") })
        #expect(lines.contains { $0.hasPrefix("#\(late) ") && $0.contains("2020-01-15 overdue") })

        let updated = try succeed([
            "action", "update", "\(later)", "--due", "none", "--status", "in-progress", "--title", "Share attendance",
        ])
        #expect(updated.contains("in-progress"))
        #expect(updated.contains("Share attendance"))
        let entry = try #require(try listActions().actions.first { $0.id == later })
        #expect(entry.due == nil)
        #expect(entry.status == "in-progress")
        #expect(try listActions().actions.map(\.id) == [late, later, undated])

        #expect(try succeed(["action", "done", "\(late)"]).contains("done"))
        let dropped = try succeed(["action", "drop", "#\(undated)", "--reason", "The council offered its hall"])
        #expect(dropped.contains("Dropped: The council offered its hall"))
        #expect(try listActions().actions.map(\.id) == [later])
        #expect(try listActions(["--all"]).actions.count == 3)
        #expect(try listActions(["--status", "done", "dropped"]).actions.map(\.id) == [late, undated])

        let shown = try succeed(["action", "show", "\(undated)"])
        #expect(shown.hasPrefix("#\(undated) Find a venue"))
        #expect(shown.contains("dropped"))
        #expect(shown.contains("The council offered its hall"))
    }

    @Test("unknown ids are refused with a suggestion and exit 64, and nothing is written")
    func unknownIDs() throws {
        let cases: [([String], String)] = [
            (["action", "add", "x", "--owner", "amara-okafer"], "did you mean \"amara-okafor\"?"),
            (["action", "add", "x", "--owner", "amara-okafor", "--partner", "kinfolk"], "There is no partner"),
            (["action", "add", "x", "--owner", "amara-okafor", "--group", "atendance-wg"], "\"attendance-wg\""),
            (["action", "list", "--series", "leadership-tabel"], "did you mean \"leadership-table\"?"),
            (["action", "list", "--status", "opne"], "did you mean \"open\"?"),
            (["agenda", "add", "leadership-tabel", "x", "--next"], "did you mean \"leadership-table\"?"),
            (["agenda", "add", "leadership-table", "x", "--next", "--presenter", "sam-ibrahm"], "\"sam-ibrahim\""),
            (
                ["indicator", "record", "school-attendence", "--period", "2027-Q1", "--value", "1"],
                "\"school-attendance\""
            ),
            (["api-token", "create", "x", "--scope", "read", "--partner", "apex-logistic"], "\"apex-logistics\""),
            (["action", "show", "999"], "There is no action #999"),
        ]
        for (arguments, message) in cases {
            let result = try rhythm(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        let store = try AppDatabase.open(path: database)
        #expect(try store.changeCounter() == 0)
        #expect(try store.apiTokens().isEmpty)
    }

    @Test("agenda add takes the next meeting, or a date the series meets on (old or new), and refuses a cancelled one")
    func agendaAdd() throws {
        let next = try succeed([
            "agenda", "add", "leadership-table", "Term 1 attendance", "--next", "--presenter", "sam-ibrahim",
            "--minutes", "15", "--format", "json",
        ])
        #expect(next.contains("\"series_id\" : \"leadership-table\""))
        #expect(next.contains("\"submitted_by\" : \"cli:tester\""))
        #expect(next.contains("\"minutes\" : 15"))

        let moved = try succeed(["agenda", "add", "leadership-table", "Budget", "--date", "2027-03-09"])
        #expect(moved.contains("Thu 2027-03-11 10:00"))
        #expect(moved.contains("moved from Tue 2027-03-09"))
        // The same meeting by the date it moved to, as `upcoming` shows it.
        let byNewDate = try succeed(["agenda", "add", "leadership-table", "Budget, again", "--date", "2027-03-11"])
        #expect(byNewDate.contains("Thu 2027-03-11 10:00"))
        #expect(byNewDate.contains("moved from Tue 2027-03-09"))
        for date in ["2027-03-09", "2027-03-11"] {
            let agenda = try succeed(["agenda", "show", "leadership-table", "--date", date])
            #expect(agenda.contains("Budget") && agenda.contains("Budget, again"), "\(date): \(agenda)")
        }

        let cancelled = try rhythm(["agenda", "add", "attendance-wg", "x", "--date", "2026-12-09"])
        #expect(cancelled.status == 64)
        #expect(cancelled.standardError.contains("is cancelled"), "\(cancelled.standardError)")
        #expect(cancelled.standardError.contains("nearest meetings are 2026-11-25 and "))

        let notAMeeting = try rhythm(["agenda", "add", "attendance-wg", "x", "--date", "2026-12-10"])
        #expect(notAMeeting.status == 64)
        #expect(notAMeeting.standardError.contains("does not meet on 2026-12-10"), "\(notAMeeting.standardError)")
        #expect(notAMeeting.standardError.contains("2026-12-09") == false)

        let neither = try rhythm(["agenda", "add", "attendance-wg", "x"])
        #expect(neither.status == 64)
        let store = try AppDatabase.open(path: database)
        #expect(try store.countAgendaItems(seriesID: nil, occurrenceDate: nil) == 3)
        #expect(
            try store.countAgendaItems(seriesID: "leadership-table", occurrenceDate: LocalDate(iso: "2027-03-09")) == 2)
    }

    @Test("a date that one meeting moved away from and another moved onto names the first, with a note")
    func ambiguousDate() throws {
        // The 13 April leadership table moves onto 9 March, which the 9 March one left for the 11th.
        let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
        let moved = "        reason: The Civic Centre is closed for the state budget briefing.\n"
        #expect(example.contains(moved))
        let config = try RhythmProcess.temporaryFile(
            named: "rhythm.yaml",
            containing: example.replacingOccurrences(
                of: moved, with: moved + "      - move: 2027-04-13\n        to: 2027-03-09T14:00\n"))
        let added = try rhythm(
            ["agenda", "add", "leadership-table", "Budget", "--date", "2027-03-09", "--config", config],
            configured: false)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("Thu 2027-03-11 10:00"), "\(added.standardOutput)")
        #expect(
            added.standardError
                == "note: 2027-03-09 is the original date of this leadership-table meeting (moved), which is the one "
                + "taken; the meeting moved onto 2027-03-09 is reached with --date 2027-04-13.\n")
        let other = try rhythm(
            ["agenda", "add", "leadership-table", "Youth panel", "--date", "2027-04-13", "--config", config],
            configured: false)
        #expect(other.standardOutput.contains("Tue 2027-03-09 14:00"), "\(other.standardOutput)")
        #expect(other.standardError.isEmpty)
        let shown = try rhythm(
            ["agenda", "show", "leadership-table", "--date", "2027-03-09", "--config", config], configured: false)
        #expect(shown.standardOutput.contains("Budget") && !shown.standardOutput.contains("Youth panel"))
        #expect(shown.standardError.hasPrefix("note: 2027-03-09 is the original date"))
    }

    @Test("indicator record stores a value, replaces it, and refuses a period of the wrong kind")
    func indicatorRecord() throws {
        let first = try succeed(["indicator", "record", "school-attendance", "--period", "2026-Q1", "--value", "90"])
        #expect(first.contains("2026-Q1: 90 %"))
        let second = try succeed([
            "indicator", "record", "school-attendance", "--period", "2026-q1", "--value", "91.5", "--note", "final",
        ])
        #expect(second.contains("replaces 90"))
        let wrong = try rhythm(["indicator", "record", "school-attendance", "--period", "2027-03", "--value", "1"])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("reported by quarter"), "\(wrong.standardError)")
        #expect(wrong.standardError.contains("2027-Q1"))
        let garbage = try rhythm(["indicator", "record", "school-attendance", "--period", "Q1", "--value", "1"])
        #expect(garbage.status == 64)
        let store = try AppDatabase.open(path: database)
        let results = try store.indicatorResults(indicatorID: "school-attendance", limit: 10, offset: 0)
        #expect(results.map(\.value) == [91.5])
        #expect(results.first?.note == "final")
        #expect(results.first?.recordedBy == "cli:tester")
    }

    @Test("indicator record refuses a period that has not begun in the initiative's zone, and records nothing")
    func futurePeriod() throws {
        let future = try rhythm(["indicator", "record", "school-attendance", "--period", "2099-Q2", "--value", "95"])
        #expect(future.status == 64)
        #expect(
            future.standardError.contains(
                "The period 2099-Q2 has not started: it begins on 2099-04-01, and today is "),
            "\(future.standardError)")
        #expect(future.standardError.contains("in Australia/Melbourne. Record its value once the period has begun."))
        let store = try AppDatabase.open(path: database)
        #expect(try store.allIndicatorResults().isEmpty)
    }

    @Test("a change made through sudo or doas is audited as the account and the person who ran it")
    func sudoActor() throws {
        let cases: [([String: String], String)] = [
            (["USER": "rhythm", "LOGNAME": "rhythm", "SUDO_USER": "alice"], "cli:rhythm (sudo: alice)"),
            (["USER": "alice", "LOGNAME": "alice", "SUDO_USER": "alice"], "cli:alice"),
            (["USER": "rhythm", "LOGNAME": "rhythm", "DOAS_USER": "carol"], "cli:rhythm (doas: carol)"),
            (["USER": "carol", "LOGNAME": "carol", "DOAS_USER": "carol"], "cli:carol"),
            (["USER": "", "LOGNAME": "bob"], "cli:bob"),
        ]
        for (environment, _) in cases {
            let result = try rhythm(
                ["action", "add", "Book the hall", "--owner", "tom-whitfield"], environment: environment)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let store = try AppDatabase.open(path: database)
        let actors = try store.auditEntries(entity: nil, entityID: nil, limit: 10).map(\.actor)
        #expect(actors == cases.reversed().map(\.1))
        let audit = try succeed(["audit"])
        #expect(audit.contains("cli:rhythm (sudo: alice)"))
        #expect(audit.contains("cli:rhythm (doas: carol)"))
    }

    @Test("audit lists every change with its actor, newest first, filtered by entity and id")
    func audit() throws {
        let action = try id(in: succeed(["action", "add", "Book the hall", "--owner", "tom-whitfield"]))
        _ = try succeed(["action", "update", "\(action)", "--due", "2027-05-01"])
        _ = try succeed(["indicator", "record", "work-placements", "--period", "2026-Q1", "--value", "48"])

        let text = try succeed(["audit"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("WHEN") && $0.contains("WHO") })
        let rows = lines.filter { $0.contains("cli:tester") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("indicator-result #"))
        #expect(rows[1].contains("action #\(action)") && rows[1].contains("updated"))
        #expect(rows[1].contains("due: none → \"2027-05-01\""))
        #expect(rows[2].contains("created"))

        let json = try succeed(["audit", "--entity", "action", "--id", "\(action)", "--format", "json"])
        struct Entries: Decodable {
            struct Entry: Decodable {
                let actor: String
                let change: String
                let entityId: Int
                let details: [String: [String: String?]]
            }
            let entries: [Entry]
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let entries = try decoder.decode(Entries.self, from: Data(json.utf8)).entries
        #expect(entries.map(\.change) == ["updated", "created"])
        #expect(entries.allSatisfy { $0.actor == "cli:tester" && $0.entityId == action })
        #expect(entries[0].details["due"]?["new"] == "2027-05-01")
        #expect(try succeed(["audit", "--entity", "agenda-item"]).contains("No changes recorded."))
    }

    @Test("api-token create prints the secret once, list shows it without, revoke stops it")
    func apiTokens() throws {
        let created = try rhythm([
            "api-token", "create", "Partner portal", "--scope", "write", "--partner", "kinfolk-health",
        ])
        #expect(created.status == 0, "\(created.standardError)")
        let secret = created.standardOutput.trimmingCharacters(in: .newlines)
        #expect(secret.hasPrefix("rhy_"))
        #expect(secret.count == 47)
        #expect(created.standardError.contains("shown only this once"))
        #expect(!created.standardError.contains(secret))

        let store = try AppDatabase.open(path: database)
        let record = try #require(try store.apiToken(forSecret: secret, now: Date()))
        #expect(record.scope == .write)
        #expect(record.partnerID == "kinfolk-health")

        let list = try succeed(["api-token", "list"])
        #expect(list.contains(record.publicID))
        #expect(list.contains("Partner portal"))
        #expect(list.contains("kinfolk-health"))
        #expect(!list.contains(secret))
        let json = try succeed(["api-token", "list", "--format", "json"])
        #expect(json.contains("\"public_id\" : \"\(record.publicID)\""))
        #expect(!json.contains(secret))

        let typo = try rhythm(["api-token", "revoke", String(record.publicID.dropLast()) + "0"], configured: false)
        #expect(typo.status == 64)
        #expect(typo.standardError.contains("did you mean \"\(record.publicID)\"?"))
        let revoked = try succeed(["api-token", "revoke", record.publicID], configured: false)
        #expect(revoked.contains("Revoked API token \(record.publicID)"))
        #expect(try store.apiToken(forSecret: secret, now: Date()) == nil)
        #expect(try succeed(["api-token", "revoke", record.publicID], configured: false).contains("already revoked"))
    }

    @Test("the actor falls back to cli without a USER")
    func actorWithoutUser() throws {
        let result = try rhythm(["action", "add", "x", "--owner", "raj-patel"], user: "")
        #expect(result.status == 0, "\(result.standardError)")
        let store = try AppDatabase.open(path: database)
        #expect(try store.auditEntries(entity: nil, entityID: nil, limit: 1).first?.actor == "cli")
    }
}
