import Foundation
import Testing

@testable import RhythmCore

/// Every expansion is bounded, whatever the rule: none can exhaust memory or time.
@Suite struct ExpansionLimitTests {
    static let utc = TimeZone(identifier: "UTC")!
    typealias Limits = RecurrenceSequence.Limits

    @Test("an endless rule stops after the most occurrences one expansion may produce, marked truncated")
    func stopsAtMaximumOccurrences() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=SECONDLY")
        let start = try #require(LocalDateTime(iso: "2027-01-05T10:00"))
        var iterator = rule.occurrences(from: start, in: Self.utc).makeIterator()
        var produced = 0
        while iterator.next() != nil, produced <= Limits.maximumOccurrences { produced += 1 }
        #expect(produced == Limits.maximumOccurrences)
        #expect(iterator.isTruncated)
    }

    @Test("a rule whose every period holds millions of readings produces only its start, marked truncated")
    func refusesHugePeriods() throws {
        let days = (1...31).map(String.init).joined(separator: ",")
        let hours = (0...23).map(String.init).joined(separator: ",")
        let minutes = (0...59).map(String.init).joined(separator: ",")
        let rule = try RecurrenceRule(
            parsing: "FREQ=YEARLY;BYMONTHDAY=\(days);BYHOUR=\(hours);BYMINUTE=\(minutes);BYSECOND=\(minutes)")
        let start = try #require(LocalDateTime(iso: "2027-01-05T10:00"))
        var iterator = rule.occurrences(from: start, in: Self.utc).makeIterator()
        let first = iterator.next()
        let second = iterator.next()
        #expect(first == start)
        #expect(second == nil)
        #expect(iterator.isTruncated)
        #expect(!rule.matches(start.adding(seconds: 1), from: start))
    }

    @Test("a rule that ends by itself is not marked truncated")
    func endsNormally() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")
        let start = try #require(LocalDateTime(iso: "2027-01-05T10:00"))
        var iterator = rule.occurrences(from: start, in: Self.utc).makeIterator()
        while iterator.next() != nil {}
        #expect(!iterator.isTruncated)
    }

    @Test("a series with many extra dates plans each once, in order")
    func manyExtraDates() throws {
        let start = try #require(LocalDateTime(iso: "2027-01-05T10:00"))
        let extras = (0..<20_000).map { start.adding(seconds: $0 * 86_400) }
        let series = MeetingSeries(
            id: "s", title: "S", kind: .team, start: start, duration: .seconds(3600), timeZone: Self.utc,
            recurrence: try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=10000"),
            extraDates: Array(extras.reversed()) + extras)
        let planned = series.plannedStarts(through: start.adding(seconds: 30_000 * 86_400))
        #expect(planned == extras)
    }
}
