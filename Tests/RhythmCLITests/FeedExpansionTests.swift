import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// Every feed of the example, read back by independent software (Debian's python3-icalendar
/// and python3-recurring-ical-events), yields exactly the meetings `rhythm upcoming` lists
/// over two years that include four DST changes: moved and cancelled ones included.
@Suite struct FeedExpansionTests {
    /// `public` and every partner, person and group of the example configuration.
    static let feeds: [String] = {
        guard let initiative = try? ConfigurationLoader().load(path: RhythmProcess.exampleConfiguration).initiative
        else { return ["public"] }
        return ["public"] + initiative.partners.map { "partner:\($0.id)" } + initiative.people.map { "person:\($0.id)" }
            + initiative.groups.map { "group:\($0.id)" }
    }()

    struct Meeting: Hashable, CustomStringConvertible {
        let series: String
        let start: String
        let end: String
        let cancelled: Bool
        var description: String { "\(series) \(start)–\(end)\(cancelled ? " cancelled" : "")" }
    }

    struct Upcoming: Decodable {
        struct Entry: Decodable {
            let series: String
            let start: String
            let end: String
            let status: String
        }
        let from: String
        let until: String
        let occurrences: [Entry]
    }

    struct Expanded: Decodable {
        let uid: String
        let start: String
        let end: String
        let status: String
    }

    @Test("the independent expansion of a feed equals rhythm upcoming", arguments: feeds)
    func feedMatchesUpcoming(feed: String) throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let file = directory.appendingPathComponent("feed.ics").path
        let config = RhythmProcess.exampleConfiguration
        let ics = try RhythmProcess.run(
            ["ics", "--config", config, "--feed", feed, "-o", file], environment: environment)
        #expect(ics.status == 0, "\(ics.standardError)")

        var filter: [String] = []
        if let colon = feed.firstIndex(of: ":") {
            filter = ["--\(feed[..<colon])", String(feed[feed.index(after: colon)...])]
        }
        let upcomingRun = try RhythmProcess.run(
            ["upcoming", "--config", config, "--from", "2026-12-01", "--until", "2028-11-30", "--format", "json"]
                + filter)
        #expect(upcomingRun.status == 0, "\(upcomingRun.standardError)")
        let upcoming = try JSONDecoder().decode(Upcoming.self, from: Data(upcomingRun.standardOutput.utf8))
        let expected = Set(
            upcoming.occurrences.map {
                Meeting(series: $0.series, start: $0.start, end: $0.end, cancelled: $0.status == "cancelled")
            })

        let python = try RhythmProcess.runPython(
            script: "expand_feed.py", arguments: [file, upcoming.from, upcoming.until])
        #expect(python.status == 0, "python3-icalendar rejected the feed: \(python.standardError)")
        let expanded = try JSONDecoder().decode([Expanded].self, from: Data(python.standardOutput.utf8))
        let window = try Date(upcoming.from, strategy: .iso8601)..<Date(upcoming.until, strategy: .iso8601)
        let found = Set(
            try expanded.filter { window.contains(try Date($0.start, strategy: .iso8601)) }.map {
                Meeting(
                    series: String($0.uid.prefix { $0 != "@" }), start: $0.start, end: $0.end,
                    cancelled: $0.status == "CANCELLED")
            })
        #expect(!expected.isEmpty || feed.hasPrefix("person:"))
        #expect(found.subtracting(expected).sorted { $0.start < $1.start }.map(\.description) == [], "only in the feed")
        #expect(expected.subtracting(found).sorted { $0.start < $1.start }.map(\.description) == [], "only in upcoming")
    }
}
