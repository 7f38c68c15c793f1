import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore
import Testing

/// `rhythm changes export` gives entries that, pasted into the file, make the same schedule;
/// the live changes are then superseded by the file.
@Suite struct ChangesExportEndToEndTests {
    static let yaml = """
        initiative:
          name: Export Test
          time_zone: Australia/Melbourne
          domain: export.example
        people:
          - id: ann
            name: Ann
            email: ann@export.example
        series:
          - id: weekly
            title: Weekly
            kind: team
            start: 2027-01-05T10:00
            duration: 1h
            location: Room 1
            attendees: { people: [ann] }
            rule: FREQ=WEEKLY;BYDAY=TU
            on_holiday: ignore

        """

    /// `rhythm upcoming --format json`'s occurrences in the first quarter, without who changed them.
    static func schedule(config: String, database: String) async throws -> [[String: String]] {
        let result = try await RhythmProcess.runOffPool([
            "upcoming", "--config", config, "--database", database, "--from", "2027-01-01", "--until", "2027-03-31",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let occurrences = object?["occurrences"] as? [[String: Any]] ?? []
        return occurrences.map { entry in
            entry.filter { $0.key != "live_change" }.mapValues { "\($0)" }
        }
    }

    @Test("exported changes pasted into the file give the same schedule, and are then superseded")
    func roundTrip() async throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("rhythm.yaml").path
        let database = directory.appendingPathComponent("rhythm.sqlite").path
        try Self.yaml.write(toFile: config, atomically: true, encoding: .utf8)
        let file = try ConfigurationLoader().load(path: config).initiative
        let store = try AppDatabase.open(path: database)
        let requests: [LiveChange.Kind] = [
            .cancel(originalDate: LocalDate(iso: "2027-01-12")!, reason: "Chair ill: \"flu\" # again"),
            .move(
                originalDate: LocalDate(iso: "2027-01-19")!,
                OccurrenceChange(
                    start: LocalDateTime(iso: "2027-01-21T14:00"), location: "Library, level 2",
                    onlineMeetingURL: URL(string: "https://meet.example.org/weekly"), reason: "Room taken")),
            .extra(start: LocalDateTime(iso: "2027-01-28T09:30")!, location: "Hall", reason: "Budget"),
        ]
        for kind in requests {
            _ = try store.makeLiveChange(
                LiveChangeRequest(seriesID: "weekly", kind: kind), over: file, actor: "console:ann", now: Date())
        }
        let live = try await Self.schedule(config: config, database: database)
        #expect(live.contains { $0["status"] == "cancelled" && $0["reason"] == "Chair ill: \"flu\" # again" })

        let export = try await RhythmProcess.runOffPool([
            "changes", "export", "--config", config, "--database", database,
        ])
        #expect(export.status == 0, "\(export.standardError)")
        let lines = export.standardOutput.components(separatedBy: "\n")
        let block = try #require(lines.firstIndex(of: "  - id: weekly"))
        let pasted = Self.yaml + lines[(block + 1)...].joined(separator: "\n") + "\n"
        let edited = directory.appendingPathComponent("edited.yaml").path
        try pasted.write(toFile: edited, atomically: true, encoding: .utf8)

        #expect(try await Self.schedule(config: edited, database: database) == live)
        let listed = try await RhythmProcess.runOffPool([
            "changes", "list", "--config", edited, "--database", database, "--format", "json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [String: Any]
        let states = (object?["changes"] as? [[String: Any]] ?? []).map { $0["state"] as? String }
        #expect(states == ["superseded", "superseded", "superseded"], "\(listed.standardOutput)")
        let check = try await RhythmProcess.runOffPool(["check", "--config", edited, "--database", database])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("Live changes superseded by the file"))
        #expect(check.standardOutput.contains("#1 weekly 2027-01-12  cancelled live by console:ann"))
    }
}
