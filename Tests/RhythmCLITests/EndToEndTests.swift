import Foundation
import RhythmCore
import Testing

/// The real binary on the example configuration and on broken input, as a person runs it.
@Suite struct EndToEndTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try RhythmProcess.run(["--version"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "\(RhythmVersion.current)\n")
        let parts = RhythmVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "not MAJOR.MINOR.PATCH")
    }

    @Test("check accepts the example, summarises it and names each series' next meeting")
    func checkExample() throws {
        let result = try RhythmProcess.run(["check", "--config", RhythmProcess.exampleConfiguration])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Brightwater Youth Futures (Australia/Melbourne"))
        #expect(result.standardOutput.contains("8 partners, 13 people, 4 groups, 6 series"))
        for id in ["leadership-table", "attendance-wg", "transitions-wg", "indicator-review", "community-forum"] {
            #expect(result.standardOutput.contains("  \(id) "))
        }
    }

    @Test("check reads RHYTHM_CONFIG when --config is absent")
    func checkFromEnvironment() throws {
        let result = try RhythmProcess.run(
            ["check"], environment: ["RHYTHM_CONFIG": RhythmProcess.exampleConfiguration])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("check reports every error of a broken file with its line and exits 78")
    func checkBrokenFile() throws {
        let path = try RhythmProcess.temporaryFile(
            named: "broken.yaml",
            containing: """
                initiative:
                  name: Broken
                  time_zone: Australia/Melborne
                  domain: example.org
                series:
                  - id: standup
                    title: Stand-up
                    kind: team
                    start: 2027-02-01T09:00
                    duration: 30m
                    rule: FREQ=WEEKLY;BYDAY=MX
                    organiser: nobody

                """
        )
        let result = try RhythmProcess.run(["check", "--config", path])
        #expect(result.status == 78)
        #expect(result.standardError.contains("\(path):3:14: error: initiative.time_zone"))
        #expect(result.standardError.contains("Australia/Melbourne"))
        #expect(result.standardError.contains("\(path):11:"))
        #expect(result.standardError.contains("BYDAY"))
        #expect(result.standardError.contains("\(path):12:5:"))
        #expect(result.standardError.contains("organizer"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("check names a missing file and exits 78")
    func checkMissingFile() throws {
        let result = try RhythmProcess.run(["check", "--config", "/nonexistent/rhythm.yaml"])
        #expect(result.status == 78)
        #expect(result.standardError.contains("/nonexistent/rhythm.yaml"))
    }

    struct UpcomingOutput: Decodable {
        struct Entry: Decodable {
            let series: String
            let status: String
            let start: String
            let originalStart: String
            let reason: String?
            let location: String?
        }
        let occurrences: [Entry]
    }

    @Test("upcoming lists the summer's meetings with the cancellation, the shutdown and a holiday move")
    func upcomingJSON() throws {
        let result = try RhythmProcess.run([
            "upcoming", "--config", RhythmProcess.exampleConfiguration,
            "--from", "2026-12-01", "--until", "2027-01-31", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let output = try decoder.decode(UpcomingOutput.self, from: Data(result.standardOutput.utf8))
        let entries = output.occurrences
        #expect(
            entries.map(\.start)
                == entries.map(\.start).sorted { lhs, rhs in
                    (try? Date(lhs, strategy: .iso8601)) ?? .distantPast < (try? Date(rhs, strategy: .iso8601))
                        ?? .distantPast
                })
        let cancelled = try #require(entries.first { $0.series == "attendance-wg" && $0.start.hasPrefix("2026-12-09") })
        #expect(cancelled.status == "cancelled")
        #expect(cancelled.reason?.contains("regional education summit") == true)
        #expect(!entries.contains { $0.series == "attendance-wg" && $0.start.hasPrefix("2026-12-23") })
        #expect(!entries.contains { $0.series == "backbone-standup" && $0.start.hasPrefix("2026-12-28") })
        let moved = try #require(entries.first { $0.series == "transitions-wg" && $0.status == "moved" })
        #expect(moved.originalStart == "2026-12-31T10:00:00+11:00")
        #expect(moved.start == "2027-01-11T10:00:00+11:00")
    }

    @Test("upcoming in text shows a person's own clock and the moved leadership table")
    func upcomingTextForPerson() throws {
        let result = try RhythmProcess.run([
            "upcoming", "--config", RhythmProcess.exampleConfiguration,
            "--from", "2027-03-01", "--days", "14", "--person", "fiona-mcallister",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        #expect(
            text.contains(
                "Thu 2027-03-11 10:00–12:00 +11:00  Leadership Table (leadership-table) [moved from Tue 2027-03-09 10:00"
            ))
        #expect(text.contains("for Fiona McAllister: Wed 2027-03-10 23:00–2027-03-11 01:00 +00:00"))
        #expect(text.contains("at: Northgate Secondary College"))
        #expect(!text.contains("backbone-standup"))
    }

    @Test("upcoming refuses an unknown partner with a suggestion")
    func upcomingUnknownPartner() throws {
        let result = try RhythmProcess.run([
            "upcoming", "--config", RhythmProcess.exampleConfiguration, "--partner", "brightwater-councl",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("did you mean \"brightwater-council\""))
    }

    @Test("preview prints local date-times with their offsets across a DST change")
    func preview() throws {
        let result = try RhythmProcess.run([
            "preview", "--rule", "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1",
            "--start", "2027-02-25T13:00", "--zone", "Australia/Melbourne", "--count", "4",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.split(separator: "\n") == [
                "2027-02-25T13:00:00+11:00", "2027-05-27T13:00:00+10:00",
                "2027-08-26T13:00:00+10:00", "2027-11-25T13:00:00+11:00",
            ]
        )
    }

    @Test("preview explains a bad rule part by part under a caret, and exits 64")
    func previewBadRule() throws {
        let result = try RhythmProcess.run([
            "preview", "--rule", "FREQ=MONTHLY;BYDAY=2TX;INTERVL=2", "--start", "2027-02-25T13:00",
            "--zone", "Australia/Melbourne",
        ])
        #expect(result.status == 64)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("  FREQ=MONTHLY;BYDAY=2TX;INTERVL=2"))
        #expect(lines.contains { $0.hasPrefix("               ^ ") && $0.contains("2TX") })
        #expect(lines.contains { $0.hasPrefix("                         ^ ") && $0.contains("INTERVAL") })
    }

    @Test("preview refuses a misspelt zone with a suggestion")
    func previewBadZone() throws {
        let result = try RhythmProcess.run([
            "preview", "--rule", "FREQ=WEEKLY", "--start", "2027-02-25T13:00", "--zone", "Europe/Londn",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Did you mean Europe/London?"))
    }
}
