import Foundation
import Testing

@testable import RhythmCore

/// Which local readings a zone's clocks skip or show twice, and how Rhythm resolves them.
@Suite struct ClockChangeTests {
    static func reading(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(iso: text))
    }

    @Test(
        "a reading in the gap is shifted forward by the gap's length",
        arguments: [
            ("Europe/London", "2027-03-28T01:30", "2027-03-28T02:30:00", 3600),
            ("Australia/Melbourne", "2027-10-03T02:30", "2027-10-03T03:30:00", 3600),
            ("Australia/Lord_Howe", "2027-10-03T02:15", "2027-10-03T02:45:00", 1800),
        ])
    func skipped(zone: String, local: String, shifted: String, gap: Int) throws {
        let zone = try #require(TimeZone(identifier: zone))
        let change = zone.clockChange(at: try Self.reading(local))
        #expect(change == .skipped(shiftedTo: try Self.reading(shifted), gapSeconds: gap))
        #expect(zone.existingReading(for: try Self.reading(local)) == (try Self.reading(shifted)))
    }

    @Test(
        "a reading in the repeated hour is found twice, an hour apart, and the first is used",
        arguments: [
            ("Europe/London", "2027-10-31T01:30", "2027-10-31T00:30:00Z"),
            ("Australia/Melbourne", "2027-04-04T02:30", "2027-04-03T15:30:00Z"),
        ])
    func repeated(zone: String, local: String, firstUTC: String) throws {
        let zone = try #require(TimeZone(identifier: zone))
        let first = try Date(firstUTC, strategy: .iso8601)
        let reading = try Self.reading(local)
        #expect(zone.clockChange(at: reading) == .repeated(first: first, second: first.addingTimeInterval(3600)))
        #expect(zone.instant(for: reading) == first)
        #expect(zone.existingReading(for: reading) == reading)
    }

    @Test("an ordinary reading, and any reading in a zone without daylight saving, has no clock change")
    func ordinary() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        #expect(london.clockChange(at: try Self.reading("2027-03-28T03:30")) == nil)
        #expect(london.clockChange(at: try Self.reading("2027-10-31T02:30")) == nil)
        let brisbane = try #require(TimeZone(identifier: "Australia/Brisbane"))
        #expect(brisbane.clockChange(at: try Self.reading("2027-04-04T02:30")) == nil)
    }
}
