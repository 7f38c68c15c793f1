import Foundation
import Testing

/// The "quorum at risk" warning through the real binary: `rhythm simulate` lists it for the
/// organiser, and `rhythm dispatch --once` puts it in the outbox under its own subject.
@Suite struct QuorumEndToEndTests {
    struct Line: Decodable {
        let key: String
        let due: String
        let recipient: String
        let kind: String
        let about: String
    }

    struct Entry: Decodable {
        let key: String
        let status: String
        let subject: String?
    }

    /// Ann organises, Ann and Ben are invited, both must come; answers are counted two days ahead.
    static func configuration(start: String) -> String {
        """
        initiative: { name: Quorum Test, time_zone: Europe/London, domain: quorum.example }
        people:
          - { id: ann, name: Ann, email: ann@quorum.example }
          - { id: ben, name: Ben, email: ben@quorum.example }
        series:
          - id: table
            title: Leadership Table
            kind: leadership
            start: \(start)
            duration: 1h
            organizer: ann
            attendees: { people: [ann, ben] }
            quorum: { people: 2, check: 2d }
        channels:
          - { id: email, type: email, from: Backbone <backbone@quorum.example> }

        """
    }

    @Test("simulate lists the warning to the organiser two days before, at the meeting's time")
    func simulateListsIt() throws {
        let config = try RhythmProcess.temporaryFile(
            named: "rhythm.yaml", containing: Self.configuration(start: "2027-03-09T10:00"))
        let database = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("rhythm.sqlite")
        let result = try RhythmProcess.run([
            "simulate", "--config", config, "--database", database.path, "--from", "2027-03-01", "--until",
            "2027-03-10", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try JSONDecoder().decode([Line].self, from: Data(result.standardOutput.utf8))
        let warning = try #require(lines.first { $0.key.hasPrefix("quorum|") }, "\(result.standardOutput)")
        #expect(warning.key == "quorum|series:table@2027-03-09T10:00:00|person:ann|email")
        #expect(warning.due == "Sun 2027-03-07 10:00 +00:00")
        #expect(warning.recipient == "Ann <ann@quorum.example>")
        #expect(warning.kind == "reminder")
        #expect(warning.about.hasPrefix("quorum at risk: Leadership Table, Tue 2027-03-09 10:00"))
        #expect(warning.about.hasSuffix("(0 of 2 people confirmed)"))
    }

    @Test("a dispatch round plans the coming warning into the outbox, which lists it by its subject")
    func outboxListsIt() throws {
        // A meeting three days from now at 10:00: the warning falls due within the two days planned ahead.
        let zone = TimeZone(identifier: "Europe/London")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let day = calendar.dateComponents([.year, .month, .day], from: Date() + 3 * 86_400)
        let start = String(format: "%04d-%02d-%02dT10:00", day.year!, day.month!, day.day!)
        let config = try RhythmProcess.temporaryFile(named: "rhythm.yaml", containing: Self.configuration(start: start))
        let database = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("rhythm.sqlite")
        let dispatch = try RhythmProcess.run(["dispatch", "--once", "--config", config, "--database", database.path])
        #expect(dispatch.status == 0, "\(dispatch.standardError)")
        let list = try RhythmProcess.run([
            "outbox", "list", "--config", config, "--database", database.path, "--format", "json",
        ])
        #expect(list.status == 0, "\(list.standardError)")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(list.standardOutput.utf8))
        let warning = try #require(entries.first { $0.key.hasPrefix("quorum|") }, "\(list.standardOutput)")
        #expect(warning.status == "pending")
        #expect(warning.subject?.hasPrefix("Quorum at risk: Leadership Table, ") == true)
    }
}
