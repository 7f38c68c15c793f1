import Foundation
import RhythmCore
import RhythmStore
import Testing

/// `rhythm attendance`, run as a person runs it, on the example configuration and a fresh
/// database named by RHYTHM_DATABASE.
@Suite struct AttendanceEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            arguments + ["--config", RhythmProcess.exampleConfiguration],
            environment: ["RHYTHM_DATABASE": database, "USER": "tester", "SUDO_USER": "", "DOAS_USER": ""])
    }

    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    struct Listed: Decodable {
        struct Answer: Decodable {
            let seriesId: String
            let occurrenceDate: String
            let personId: String
            let response: String
            let note: String?
            let delegateId: String?
            let answeredBy: String
        }
        let answers: [Answer]
        let total: Int
    }

    func list(_ filters: [String] = []) throws -> Listed {
        let output = try succeed(["attendance", "list", "--format", "json"] + filters)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Listed.self, from: Data(output.utf8))
    }

    @Test("set records apologies with a note and a colleague, audited as cli:<user>; setting again replaces them")
    func setAndReplace() throws {
        let recorded = try succeed([
            "attendance", "set", "leadership-table", "2027-02-09", "amara-okafor", "--response", "apologies",
            "--note", "At the budget hearing", "--delegate", "daniel-rossi",
        ])
        #expect(recorded.hasPrefix("Amara Okafor (amara-okafor): apologies for Leadership Table, Tue 2027-02-09 10:00"))
        #expect(recorded.contains("  coming instead: Daniel Rossi (daniel-rossi)\n"))
        #expect(recorded.contains("  note: At the budget hearing\n"))
        #expect(recorded.contains("  recorded by cli:tester"))

        let first = try list()
        #expect(first.total == 1)
        #expect(first.answers.first?.delegateId == "daniel-rossi")
        #expect(first.answers.first?.answeredBy == "cli:tester")

        _ = try succeed([
            "attendance", "set", "leadership-table", "2027-02-09", "amara-okafor", "--response", "attending",
        ])
        let second = try list(["--series", "leadership-table", "--date", "2027-02-09", "--person", "amara-okafor"])
        #expect(second.answers.map(\.response) == ["attending"])
        #expect(second.answers.first?.delegateId == nil)
        #expect(second.answers.first?.note == nil)

        let audit = try succeed(["audit", "--entity", "attendance"])
        #expect(audit.contains("cli:tester"))
        #expect(audit.contains("response: \"apologies\" → \"attending\""), "\(audit)")
        #expect(try succeed(["attendance", "list"]).contains("leadership-table  amara-okafor  attending"))
    }

    @Test("set takes a moved meeting's new date and stores the answer under its original one")
    func movedMeeting() throws {
        let recorded = try succeed([
            "attendance", "set", "leadership-table", "2027-03-11", "amara-okafor", "--response", "tentative",
        ])
        #expect(recorded.contains("[moved from Tue 2027-03-09 10:00"))
        #expect(try list(["--date", "2027-03-09"]).answers.map(\.personId) == ["amara-okafor"])
        #expect(try list(["--date", "2027-03-11"]).total == 0)
    }

    @Test("set names every problem at once, exits with 64 and writes nothing")
    func refused() throws {
        let wrong = try rhythm([
            "attendance", "set", "leadership-table", "2027-02-10", "sam-ibrahim", "--response", "apologies",
            "--delegate", "amara-okafor",
        ])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("Leadership Table (leadership-table) has no meeting on 2027-02-10."))
        #expect(wrong.standardError.contains("The nearest meetings are 2027-02-09 and 2027-03-09."))
        #expect(wrong.standardError.contains("Sam Ibrahim (sam-ibrahim) is not invited to Leadership Table"))
        #expect(wrong.standardError.contains("Amara Okafor (amara-okafor) is not from Sam Ibrahim's partner"))

        let cancelled = try rhythm([
            "attendance", "set", "attendance-wg", "2026-12-09", "sam-ibrahim", "--response", "attending",
        ])
        #expect(cancelled.status == 64)
        #expect(
            cancelled.standardError.contains("meeting of 2026-12-09 is cancelled (Most members are at the regional"))

        let typo = try rhythm([
            "attendance", "set", "leadership-tabel", "2027-02-09", "amara-okafor", "--response", "attending",
        ])
        #expect(
            typo.standardError.contains(#"There is no series "leadership-tabel"; did you mean "leadership-table"?"#))

        #expect(try succeed(["attendance", "list"]) == "No answers recorded.\n")
        #expect(try AppDatabase.open(path: database).attendance(seriesID: nil, occurrenceDate: nil).isEmpty)
    }

    @Test("list refuses a series or person the configuration does not have, with a suggestion")
    func listUnknown() throws {
        let result = try rhythm(["attendance", "list", "--person", "amara-okafr"])
        #expect(result.status == 64)
        #expect(result.standardError.contains(#"did you mean "amara-okafor"?"#))
    }
}
