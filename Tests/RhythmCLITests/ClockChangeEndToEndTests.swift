import Foundation
import Testing

/// Meetings on the nights clocks change: the feed read by python3-icalendar and
/// python3-recurring-ical-events gives the instants `rhythm upcoming` lists, and `upcoming`
/// shows an end in the repeated hour with its own offset.
@Suite struct ClockChangeEndToEndTests {
    /// Two series whose first meeting ends in the repeated hour (Melbourne's on the first Sunday
    /// of April, London's on the last Sunday of October), an extra date and a move into London's
    /// skipped hour, and a series that starts in Melbourne's repeated hour. (python's
    /// recurring-ical-events lets an extra date replace a rule's meeting on the same day, so no
    /// extra date shares a day with one.)
    static let configuration = """
        initiative:
          name: Clock changes
          time_zone: Australia/Melbourne
          domain: example.org
        series:
          - id: melbourne-back
            title: Night handover
            kind: team
            start: 2027-04-04T01:30
            duration: 1h
            rule: FREQ=WEEKLY;COUNT=3
          - id: london-back
            title: London night desk
            kind: team
            time_zone: Europe/London
            start: 2027-10-31T00:45
            duration: 1h
            rule: FREQ=WEEKLY;COUNT=2
          - id: london-forward
            title: London early desk
            kind: team
            time_zone: Europe/London
            start: 2027-03-13T09:00
            duration: 30m
            rule: FREQ=WEEKLY;COUNT=3
            extra_dates: [2027-03-28T01:30]
          - id: london-moved
            title: London late desk
            kind: team
            time_zone: Europe/London
            start: 2027-03-20T09:00
            duration: 30m
            rule: FREQ=WEEKLY;COUNT=2
            exceptions:
              - move: 2027-03-27
                to: 2027-03-28T01:45
          - id: melbourne-night
            title: Clocks-back night
            kind: team
            start: 2027-04-04T02:30
            duration: 1h

        """

    struct Upcoming: Decodable {
        struct Entry: Decodable {
            let series: String
            let start: String
            let end: String
        }
        let from: String
        let until: String
        let occurrences: [Entry]
    }

    struct Expanded: Decodable {
        let uid: String
        let start: String
        let end: String
    }

    struct Meeting: Hashable, CustomStringConvertible {
        let series: String
        let start: Date
        let end: Date
        var description: String { "\(series) \(start)–\(end)" }
    }

    @Test("python's expansion of the feed has the instants upcoming lists, ends in the repeated hour included")
    func feedMatchesUpcoming() throws {
        let config = try RhythmProcess.temporaryFile(named: "rhythm.yaml", containing: Self.configuration)
        let directory = try RhythmProcess.temporaryDirectory()
        let feed = directory.appendingPathComponent("feed.ics").path
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let ics = try RhythmProcess.run(["ics", "--config", config, "-o", feed], environment: environment)
        #expect(ics.status == 0, "\(ics.standardError)")
        let text = try String(contentsOfFile: feed, encoding: .utf8)
        #expect(text.contains("DURATION:PT1H\r\n"))
        #expect(text.contains("RDATE;TZID=Europe/London:20270328T023000\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/London:20270328T024500\r\n"))

        let upcomingRun = try RhythmProcess.run(
            ["upcoming", "--config", config, "--from", "2027-03-01", "--until", "2027-11-30", "--format", "json"])
        #expect(upcomingRun.status == 0, "\(upcomingRun.standardError)")
        let upcoming = try JSONDecoder().decode(Upcoming.self, from: Data(upcomingRun.standardOutput.utf8))
        // python3-icalendar reads a start in the repeated hour as the second of the two, where
        // RFC 5545 (and Rhythm) take the first, so the series that starts there is left out here.
        let expected = Set(
            try upcoming.occurrences.filter { $0.series != "melbourne-night" }.map {
                Meeting(
                    series: $0.series, start: try Date($0.start, strategy: .iso8601),
                    end: try Date($0.end, strategy: .iso8601))
            })
        #expect(expected.count == 11)

        let python = try RhythmProcess.runPython(
            script: "expand_feed.py", arguments: [feed, upcoming.from, upcoming.until])
        #expect(python.status == 0, "python3-icalendar rejected the feed: \(python.standardError)")
        let found = Set(
            try JSONDecoder().decode([Expanded].self, from: Data(python.standardOutput.utf8)).filter {
                !$0.uid.hasPrefix("melbourne-night@")
            }.map {
                Meeting(
                    series: String($0.uid.prefix { $0 != "@" }), start: try Date($0.start, strategy: .iso8601),
                    end: try Date($0.end, strategy: .iso8601))
            })
        #expect(found.subtracting(expected).map(\.description).sorted() == [], "only in the feed")
        #expect(expected.subtracting(found).map(\.description).sorted() == [], "only in upcoming")
    }

    @Test("upcoming shows an end in the repeated hour with its own offset")
    func upcomingShowsBothOffsets() throws {
        let config = try RhythmProcess.temporaryFile(named: "rhythm.yaml", containing: Self.configuration)
        let run = try RhythmProcess.run(
            [
                "upcoming", "--config", config, "--from", "2027-04-04", "--until", "2027-04-04", "--series",
                "melbourne-night",
            ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Sun 2027-04-04 02:30 +11:00–02:30 +10:00"), "\(run.standardOutput)")
    }

    @Test("check warns about each time the clocks skip or repeat, naming the place and the instant used")
    func checkWarns() throws {
        let config = try RhythmProcess.temporaryFile(named: "rhythm.yaml", containing: Self.configuration)
        let run = try RhythmProcess.run(["check", "--config", config])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n")
        #expect(
            lines.contains { $0.hasPrefix("\(config):40:12: warning") && $0.contains("uses the first, 02:30 +11:00") })
        #expect(
            lines.contains { $0.hasPrefix("\(config):26:19: warning") && $0.contains("so Rhythm uses 02:30 +01:00") })
        #expect(
            lines.contains { $0.hasPrefix("\(config):36:13: warning") && $0.contains("so Rhythm uses 02:45 +01:00") })
    }
}
