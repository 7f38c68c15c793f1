import Foundation
import Testing

/// `rhythm agenda list`, `update`, `move` and `withdraw`, run as a person runs them, on the
/// example configuration and a fresh database: the leadership table meets on the second
/// Tuesday for two hours (13 April and 11 May 2027).
@Suite struct AgendaWorkEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    func rhythm(_ arguments: [String]) async throws -> RhythmProcess.Result {
        try await RhythmProcess.runOffPool(
            arguments + ["--config", RhythmProcess.exampleConfiguration],
            environment: ["RHYTHM_DATABASE": database, "USER": "tester", "SUDO_USER": "", "DOAS_USER": ""])
    }

    /// Runs a command that must succeed and returns its standard output.
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// Runs a command that must fail with 64, and returns its standard error.
    func refused(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await rhythm(arguments)
        #expect(result.status == 64, "\(arguments): \(result.standardOutput)", sourceLocation: sourceLocation)
        return result.standardError
    }

    /// Submits an item for 13 April and returns its id.
    func add(_ title: String, _ options: [String] = []) async throws -> String {
        let output = try await succeed(["agenda", "add", "leadership-table", title, "--date", "2027-04-13"] + options)
        return String(output.prefix { $0 != " " }.dropFirst())
    }

    struct Listing: Decodable {
        struct Item: Decodable {
            let id: Int
            let title: String
            let position: Int
            let occurrenceDate: String
            let withdrawnBy: String?
        }
        struct Budget: Decodable {
            let meetingMinutes: Int
            let plannedMinutes: Int
            let balance: Int
            let summary: String
        }
        let occurrenceDate: String
        let standingItems: [String]
        let items: [Item]
        let budget: Budget
    }

    func list(_ date: String, all: Bool = false) async throws -> Listing {
        let output = try await succeed(
            ["agenda", "list", "leadership-table", date, "--format", "json"] + (all ? ["--all"] : []))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Listing.self, from: Data(output.utf8))
    }

    @Test("list shows the standing items, the items in order with ids and positions, and the time budget")
    func listing() async throws {
        let first = try await add("Youth employment pilot", ["--minutes", "30", "--presenter", "sam-ibrahim"])
        let second = try await add("Transport survey")
        _ = try await add("Budget 2027-28", ["--minutes", "60"])
        let text = try await succeed(["agenda", "list", "leadership-table", "2027-04-13"])
        #expect(text.hasPrefix("Leadership Table, Tue 2027-04-13 10:00–12:00 +10:00\n"), "\(text)")
        #expect(text.contains("  - Progress on the common agenda\n"))
        let rows = text.components(separatedBy: "\n").filter { $0.contains("#") }
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("  1    #\(first)"), "\(text)")
        #expect(rows[0].contains("Sam Ibrahim") && rows[0].contains("cli:tester"))
        #expect(rows[1].hasPrefix("  2    #\(second)") && rows[1].contains(" -  "), "\(text)")
        #expect(
            text.hasSuffix(
                "Time: 90 of 120 minutes planned, 30 to spare. 1 item without minutes: \"Transport survey\".\n"),
            "\(text)")

        let json = try await list("2027-04-13")
        #expect(json.occurrenceDate == "2027-04-13")
        #expect(json.standingItems.count == 3)
        #expect(json.items.map(\.position) == [1, 2, 3])
        #expect(json.budget.balance == 30)

        let next = try await succeed(["agenda", "list", "leadership-table", "--next"])
        #expect(next.contains("Standing items:"))
        #expect(try await refused(["agenda", "list", "leadership-table", "2027-04-14"]).contains("no meeting on"))
        #expect(try await refused(["agenda", "list", "leadership-tabel"]).contains("leadership-table"))
    }

    @Test("move reorders by position, before and after, and defers to another meeting; bad places are named")
    func move() async throws {
        let a = try await add("A", ["--minutes", "30"])
        let b = try await add("B")
        let c = try await add("C", ["--minutes", "60"])
        let moved = try await succeed(["agenda", "move", c, "--position", "1"])
        #expect(moved.contains("position: 1"), "\(moved)")
        #expect(try await list("2027-04-13").items.map(\.title) == ["C", "A", "B"])
        _ = try await succeed(["agenda", "move", "#\(a)", "--after", b])
        #expect(try await list("2027-04-13").items.map(\.title) == ["C", "B", "A"])
        _ = try await succeed(["agenda", "move", a, "--before", c])
        #expect(try await list("2027-04-13").items.map(\.title) == ["A", "C", "B"])

        let deferred = try await succeed(["agenda", "move", b, "--to-next", "--format", "json"])
        #expect(deferred.contains("\"occurrence_date\" : \"2027-05-11\""), "\(deferred)")
        #expect(try await list("2027-04-13").items.map(\.position) == [1, 2])
        _ = try await succeed(["agenda", "move", c, "--to-date", "2027-05-11", "--position", "1"])
        #expect(try await list("2027-05-11").items.map(\.title) == ["C", "B"])
        #expect(try await list("2027-04-13").items.map(\.title) == ["A"])

        let outside = try await refused(["agenda", "move", a, "--position", "3"])
        #expect(outside.contains("--position 3: Position 3 is not on the agenda"), "\(outside)")
        let elsewhere = try await refused(["agenda", "move", a, "--before", c])
        #expect(elsewhere.contains("--before \(c): Item #\(c) is on the agenda of leadership-table 2027-05-11"))
        #expect(try await refused(["agenda", "move", a, "--to-date", "2027-04-14"]).contains("does not meet on"))
        #expect(try await refused(["agenda", "move", a]).contains("Say where the item goes"))
        #expect(try await refused(["agenda", "move", a, "--position", "1", "--after", c]).contains("not 2"))
        #expect(try await refused(["agenda", "move", "999", "--position", "1"]).contains("no agenda item #999"))
        let audit = try await succeed(["audit", "--entity", "agenda-item", "--id", c])
        #expect(audit.contains("cli:tester"))
        #expect(audit.contains("occurrence_date"), "\(audit)")
    }

    @Test("update changes the named fields with the rules of agenda add; withdraw keeps the item off the agenda")
    func updateAndWithdraw() async throws {
        let a = try await add("A", ["--minutes", "30", "--presenter", "sam-ibrahim"])
        let b = try await add("B")
        let updated = try await succeed(["agenda", "update", a, "--minutes", "45", "--presenter", "none"])
        #expect(updated.contains("minutes: 45"))
        #expect(!updated.contains("presenter:"))
        let retitled = try await succeed(["agenda", "update", b, "--title", "B, revised", "--notes", "Slides"])
        #expect(retitled.contains("#\(b) B, revised") && retitled.contains("notes: Slides"))
        #expect(
            try await refused(["agenda", "update", a, "--minutes", "0"]).contains("--minutes: Must be from 1 to 480"))
        #expect(try await refused(["agenda", "update", a, "--minutes", "many"]).contains("--minutes expects"))
        #expect(try await refused(["agenda", "update", a, "--presenter", "sam-ibrahm"]).contains("sam-ibrahim"))
        #expect(try await refused(["agenda", "update", a, "--title", " "]).contains("--title"))
        #expect(try await refused(["agenda", "update", a]).contains("Name something to change"))

        let withdrawn = try await succeed(["agenda", "withdraw", a])
        #expect(withdrawn.contains("withdrawn: ") && withdrawn.contains("by cli:tester"), "\(withdrawn)")
        #expect(try await list("2027-04-13").items.map(\.title) == ["B, revised"])
        #expect(try await list("2027-04-13").items.map(\.position) == [1])
        let all = try await list("2027-04-13", all: true)
        #expect(all.items.map(\.title) == ["B, revised", "A"])
        #expect(all.items.last?.withdrawnBy == "cli:tester")
        let text = try await succeed(["agenda", "list", "leadership-table", "2027-04-13", "--all"])
        #expect(text.contains("Withdrawn:\n  #\(a) A ("), "\(text)")
        let again = try await rhythm(["agenda", "withdraw", a])
        #expect(again.status == 0)
        #expect(again.standardError.hasPrefix("note: #\(a) was already withdrawn"))
        #expect(try await refused(["agenda", "move", a, "--position", "1"]).contains("was withdrawn"))
        #expect(try await refused(["agenda", "withdraw", "999"]).contains("no agenda item #999"))
        let shown = try await succeed(["agenda", "show", "leadership-table", "--date", "2027-04-13"])
        #expect(shown.contains("B, revised") && !shown.contains("  A, 45 min"), "\(shown)")
    }
}
