import Foundation
import RhythmCore
import RhythmStore
import Testing

/// `rhythm proposals`, run as the organiser runs it, on the example configuration and a
/// database seeded through the store as the calendar reply handler fills it.
@Suite struct ProposalsEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            arguments + ["--config", RhythmProcess.exampleConfiguration], environment: ["RHYTHM_DATABASE": database])
    }

    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// Two proposals from Amara: Wednesday 10 February 2027 14:00–15:00 in Melbourne instead of
    /// the leadership table of the 9th, and one about the whole series with no time.
    func seed() throws -> [CalendarProposal] {
        let store = try AppDatabase.open(path: database)
        let received = Date(timeIntervalSince1970: 1_801_483_200)
        return [
            try store.recordCalendarProposal(
                NewCalendarProposal(
                    seriesID: "leadership-table", occurrenceDate: LocalDate(iso: "2027-02-09"),
                    personID: "amara-okafor", proposedStart: Date(timeIntervalSince1970: 1_802_228_400),
                    proposedEnd: Date(timeIntervalSince1970: 1_802_232_000),
                    comment: "Could we meet on Wednesday afternoon instead?", stamp: received,
                    messageID: "counter-1@mail.example"),
                now: received),
            try store.recordCalendarProposal(
                NewCalendarProposal(
                    seriesID: "leadership-table", occurrenceDate: nil, personID: "amara-okafor", proposedStart: nil,
                    proposedEnd: nil, comment: nil, stamp: received, messageID: nil),
                now: received + 60),
        ]
    }

    struct Listed: Decodable {
        struct Proposal: Decodable {
            let id: Int64
            let seriesId: String
            let occurrenceDate: String?
            let proposedStart: String?
            let comment: String?
            let dismissedAt: String?
        }
        let proposals: [Proposal]
    }

    func listed(_ arguments: [String] = []) throws -> Listed {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let output = try succeed(["proposals", "list", "--format", "json"] + arguments)
        return try decoder.decode(Listed.self, from: Data(output.utf8))
    }

    @Test("list shows the waiting proposals on the series' clock; dismiss takes one off the list, --all still shows it")
    func listAndDismiss() throws {
        #expect(try succeed(["proposals", "list"]) == "No time proposals waiting.\n")
        let seeded = try seed()
        let text = try succeed(["proposals", "list", "--series", "leadership-table"])
        #expect(text.hasPrefix("2 time proposals waiting\n"), "\(text)")
        #expect(text.contains("2027-02-09  amara-okafor  Wed 2027-02-10 14:00–15:00 +11:00"), "\(text)")
        #expect(text.contains("\"Could we meet on Wednesday afternoon ...\""), "\(text)")
        #expect(text.contains("series      amara-okafor  -"), "\(text)")
        let json = try listed()
        #expect(json.proposals.map(\.id) == seeded.map(\.id))
        #expect(json.proposals.first?.proposedStart == "2027-02-10T03:00:00Z")

        let dismissed = try succeed(["proposals", "dismiss", String(seeded[0].id)])
        #expect(dismissed == "Time proposal \(seeded[0].id) (leadership-table, person amara-okafor) dismissed.\n")
        #expect(try listed().proposals.map(\.id) == [seeded[1].id])
        #expect(try listed(["--all"]).proposals.map { $0.dismissedAt != nil } == [true, false])
        let again = try succeed(["proposals", "dismiss", String(seeded[0].id)])
        #expect(again.hasSuffix("was already dismissed; nothing changed.\n"))
    }

    @Test("dismissing an id that does not exist exits with 64 and names the way to find one")
    func unknownID() throws {
        let result = try rhythm(["proposals", "dismiss", "42"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("There is no time proposal 42"), "\(result.standardError)")
    }

    @Test("status counts the proposals waiting and names the command that lists them")
    func status() throws {
        _ = try seed()
        let result = try rhythm(["status"])
        #expect(
            result.standardOutput.contains("\n2 time proposals from attendees waiting: rhythm proposals list\n"),
            "\(result.standardOutput)")
    }
}
