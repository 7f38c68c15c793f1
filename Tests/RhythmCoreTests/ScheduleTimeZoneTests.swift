import Foundation
import Testing

@testable import RhythmCore

/// A meeting keeps its local time when clocks change, in both hemispheres; readings that
/// do not exist or exist twice follow RFC 5545.
@Suite struct ScheduleTimeZoneTests {
    typealias F = ScheduleFixtures

    @Test(
        "a weekly meeting keeps its wall-clock time across DST changes",
        arguments: [
            // Melbourne: DST ends on the first Sunday of April 2027 (+11 to +10).
            (
                "Australia/Melbourne", "2027-03-30T10:00", "FREQ=WEEKLY",
                ["2027-03-29T23:00:00Z", "2027-04-06T00:00:00Z"]
            ),
            // Melbourne: DST starts on the first Sunday of October 2027 (+10 to +11).
            (
                "Australia/Melbourne", "2027-09-28T10:00", "FREQ=WEEKLY",
                ["2027-09-28T00:00:00Z", "2027-10-04T23:00:00Z"]
            ),
            // London: BST starts on the last Sunday of March 2027.
            ("Europe/London", "2027-03-22T09:00", "FREQ=WEEKLY", ["2027-03-22T09:00:00Z", "2027-03-29T08:00:00Z"]),
            // London: BST ends on the last Sunday of October 2027.
            ("Europe/London", "2027-10-25T09:00", "FREQ=WEEKLY", ["2027-10-25T08:00:00Z", "2027-11-01T09:00:00Z"]),
            // New York: EDT starts on the second Sunday of March 2027.
            ("America/New_York", "2027-03-10T09:00", "FREQ=WEEKLY", ["2027-03-10T14:00:00Z", "2027-03-17T13:00:00Z"]),
            // Brisbane has no DST at all.
            (
                "Australia/Brisbane", "2027-03-30T10:00", "FREQ=WEEKLY",
                ["2027-03-30T00:00:00Z", "2027-04-06T00:00:00Z"]
            ),
        ]
    )
    func keepsLocalTime(zone: String, start: String, rule: String, expected: [String]) {
        let series = F.series(start: start, zone: zone, rule: rule + ";COUNT=2")
        let found = F.schedule([series]).occurrences(in: F.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"))
        #expect(found.map(\.start) == expected.map(F.instant))
        #expect(found.map(\.localStart.time) == Array(repeating: F.local(start).time, count: 2))
    }

    @Test("a start in the spring-forward gap moves forward by the gap's length")
    func springForwardGap() throws {
        // Melbourne, 3 October 2027: 02:00 AEST becomes 03:00 AEDT.
        let series = F.series(start: "2027-10-02T02:30", rule: "FREQ=DAILY;COUNT=3")
        let found = F.schedule([series]).occurrences(in: F.window("2027-10-01T00:00:00Z", "2027-10-06T00:00:00Z"))
        try #require(found.count == 3)
        #expect(found[1].originalStart == F.local("2027-10-03T02:30"))
        #expect(found[1].localStart == F.local("2027-10-03T03:30"))
        #expect(found[1].start == F.instant("2027-10-02T16:30:00Z"))
        #expect(found[2].start == F.instant("2027-10-03T15:30:00Z"))
    }

    @Test(
        "a start in the repeated hour takes the first instant",
        arguments: [
            ("Europe/London", "2027-10-31T01:30", "2027-10-31T00:30:00Z"),
            ("Australia/Melbourne", "2027-04-04T02:30", "2027-04-03T15:30:00Z"),
            ("America/New_York", "2027-11-07T01:30", "2027-11-07T05:30:00Z"),
        ])
    func ambiguousHour(zone: String, start: String, expected: String) throws {
        let series = F.series(start: start, zone: zone, rule: nil)
        let found = F.schedule([series]).occurrences(in: F.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"))
        #expect(found.map(\.start) == [F.instant(expected)])
    }

    @Test("the end instant is the start plus the duration, even when clocks change during the meeting")
    func endAcrossTransition() throws {
        let series = F.series(start: "2027-04-04T01:30", rule: nil, duration: .seconds(7200))
        let found = F.schedule([series]).occurrences(in: F.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"))
        let occurrence = try #require(found.first)
        #expect(occurrence.end.timeIntervalSince(occurrence.start) == 7200)
        #expect(F.zone("Australia/Melbourne").wallClock(at: occurrence.end) == F.local("2027-04-04T02:30"))
    }
}
