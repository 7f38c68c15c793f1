import Foundation
import Testing

@testable import RhythmCore

/// A recurring meeting in one zone and the UTC instants its occurrences must resolve to.
struct ZonedSeriesCase: Sendable, CustomTestStringConvertible {
    var name: String
    var zone: String
    var rule: String
    var start: String
    /// UTC readings, `2027-04-05T00:00:00`.
    var expectedUTC: [String]

    var testDescription: String { name }
}

@Suite struct WallClockTests {
    /// The instant whose UTC reading is `text`.
    static func utc(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(LocalDateTime(iso: text)!.secondsSinceEpoch))
    }

    static let series: [ZonedSeriesCase] = [
        ZonedSeriesCase(
            name: "Melbourne: a weekly 10:00 meeting moves from UTC+11 to UTC+10 when DST ends on 4 April",
            zone: "Australia/Melbourne", rule: "FREQ=WEEKLY;COUNT=3", start: "20270329T100000",
            expectedUTC: ["2027-03-28T23:00:00", "2027-04-05T00:00:00", "2027-04-12T00:00:00"]),
        ZonedSeriesCase(
            name: "Melbourne: a weekly 10:00 meeting moves from UTC+10 to UTC+11 when DST starts on 3 October",
            zone: "Australia/Melbourne", rule: "FREQ=WEEKLY;COUNT=3", start: "20270927T100000",
            expectedUTC: ["2027-09-27T00:00:00", "2027-10-03T23:00:00", "2027-10-10T23:00:00"]),
        ZonedSeriesCase(
            name: "London: a weekly 10:00 meeting moves from GMT to BST on the last Sunday of March",
            zone: "Europe/London", rule: "FREQ=WEEKLY;BYDAY=FR;COUNT=3", start: "20270319T100000",
            expectedUTC: ["2027-03-19T10:00:00", "2027-03-26T10:00:00", "2027-04-02T09:00:00"]),
        ZonedSeriesCase(
            name: "London: a weekly 10:00 meeting moves from BST to GMT on the last Sunday of October",
            zone: "Europe/London", rule: "FREQ=WEEKLY;BYDAY=FR;COUNT=3", start: "20271022T100000",
            expectedUTC: ["2027-10-22T09:00:00", "2027-10-29T09:00:00", "2027-11-05T10:00:00"]),
        ZonedSeriesCase(
            name: "New York: a weekly 10:00 meeting moves from EST to EDT on 14 March",
            zone: "America/New_York", rule: "FREQ=WEEKLY;BYDAY=WE;COUNT=2", start: "20270310T100000",
            expectedUTC: ["2027-03-10T15:00:00", "2027-03-17T14:00:00"]),
        ZonedSeriesCase(
            name: "New York: a weekly 10:00 meeting moves from EDT to EST on 7 November",
            zone: "America/New_York", rule: "FREQ=WEEKLY;BYDAY=WE;COUNT=2", start: "20271103T100000",
            expectedUTC: ["2027-11-03T14:00:00", "2027-11-10T15:00:00"]),
        ZonedSeriesCase(
            name: "Melbourne: a daily 02:30 meeting falls in the spring-forward gap on 3 October and runs at 03:30",
            zone: "Australia/Melbourne", rule: "FREQ=DAILY;COUNT=3", start: "20271002T023000",
            expectedUTC: ["2027-10-01T16:30:00", "2027-10-02T16:30:00", "2027-10-03T15:30:00"]),
        ZonedSeriesCase(
            name: "London: a daily 01:30 meeting in the repeated hour on 31 October takes the first (BST) instant",
            zone: "Europe/London", rule: "FREQ=DAILY;COUNT=3", start: "20271030T013000",
            expectedUTC: ["2027-10-30T00:30:00", "2027-10-31T00:30:00", "2027-11-01T01:30:00"]),
        ZonedSeriesCase(
            name: "New York: a daily 02:30 meeting falls in the gap on 14 March and runs at 03:30 EDT",
            zone: "America/New_York", rule: "FREQ=DAILY;COUNT=3", start: "20270313T023000",
            expectedUTC: ["2027-03-13T07:30:00", "2027-03-14T07:30:00", "2027-03-15T06:30:00"]),
        ZonedSeriesCase(
            name: "Kolkata, without DST, keeps UTC+05:30 all year",
            zone: "Asia/Kolkata", rule: "FREQ=MONTHLY;BYMONTH=3,4,10,11;COUNT=4", start: "20270310T100000",
            expectedUTC: ["2027-03-10T04:30:00", "2027-04-10T04:30:00", "2027-10-10T04:30:00", "2027-11-10T04:30:00"]),
        ZonedSeriesCase(
            name: "Brisbane, without DST while Melbourne changes, keeps UTC+10",
            zone: "Australia/Brisbane", rule: "FREQ=WEEKLY;COUNT=2", start: "20270929T100000",
            expectedUTC: ["2027-09-29T00:00:00", "2027-10-06T00:00:00"]),
    ]

    @Test("meetings keep their local time across DST changes and resolve to the right instants", arguments: series)
    func zonedSeries(_ example: ZonedSeriesCase) throws {
        let zone = try #require(TimeZone(identifier: example.zone))
        let rule = try RecurrenceRule(parsing: example.rule)
        let start = try #require(LocalDateTime(iso: example.start))
        let occurrences = Array(rule.occurrences(from: start, in: zone))
        #expect(occurrences.allSatisfy { $0.time == start.time })
        #expect(occurrences.map { zone.instant(for: $0) } == example.expectedUTC.map(Self.utc))
    }

    @Test("a reading in a spring-forward gap moves forward by the gap, and reads back as the later time")
    func gapReadsBack() throws {
        let melbourne = try #require(TimeZone(identifier: "Australia/Melbourne"))
        let inGap = try #require(LocalDateTime(iso: "20271003T023000"))
        let instant = melbourne.instant(for: inGap)
        #expect(instant == Self.utc("2027-10-02T16:30:00"))
        #expect(melbourne.wallClock(at: instant) == LocalDateTime(iso: "20271003T033000"))
    }

    @Test("a repeated reading takes the first instant, an hour before the second")
    func overlapTakesFirst() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let repeated = try #require(LocalDateTime(iso: "20271031T013000"))
        let first = london.instant(for: repeated)
        #expect(first == Self.utc("2027-10-31T00:30:00"))
        #expect(london.wallClock(at: first.addingTimeInterval(3600)) == repeated)
        #expect(london.secondsFromGMT(for: first) == 3600)
    }

    @Test("sub-daily rules count on the wall clock through a DST change, as libical does")
    func subDailyOnWallClock() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let rule = try RecurrenceRule(parsing: "FREQ=HOURLY;COUNT=4")
        let start = try #require(LocalDateTime(iso: "20270314T010000"))
        let occurrences = Array(rule.occurrences(from: start, in: newYork))
        #expect(occurrences.map(\.time.hour) == [1, 2, 3, 4])
        // 02:00 does not exist that night and resolves to 03:00 EDT, the same instant as 03:00.
        #expect(
            occurrences.map { newYork.instant(for: $0) } == [
                Self.utc("2027-03-14T06:00:00"), Self.utc("2027-03-14T07:00:00"), Self.utc("2027-03-14T07:00:00"),
                Self.utc("2027-03-14T08:00:00"),
            ])
    }

    @Test("a UTC UNTIL is compared with each occurrence's instant across a DST change")
    func utcUntilAcrossDST() throws {
        // 10:00 in London is 10:00Z in March before the change and 09:00Z after it. An UNTIL of
        // 09:30Z on 2 April ends after the 2 April occurrence (09:00Z), although 09:30 < 10:00.
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;UNTIL=20270402T093000Z")
        let start = try #require(LocalDateTime(iso: "20270319T100000"))
        #expect(
            rule.occurrences(from: start, in: london).map(\.date.description) == [
                "2027-03-19", "2027-03-26", "2027-04-02",
            ])
    }
}
