import Foundation
import Testing

@testable import ICalendar

/// Evaluates a VTIMEZONE the way a client would, independently of `VTimeZoneBuilder`: it reads
/// the written observances back, expands their DTSTART, RDATEs and yearly RRULEs with
/// Foundation's Gregorian calendar, and answers "what offset is in force at this instant".
///
/// It understands the subset the builder writes (`FREQ=YEARLY;BYMONTH=m;BYDAY=nDD`, optional
/// `UNTIL`) and fails the test on anything else rather than guessing.
struct ObservanceEvaluator {
    /// One onset: the instant an observance starts and the offset it brings.
    struct Onset {
        var instant: Date
        var offset: Int
    }

    let onsets: [Onset]

    /// Expands every observance of `timeZone` up to `end`.
    init(_ timeZone: Component, through end: Date) throws {
        var onsets: [Onset] = []
        for observance in timeZone.components {
            let from = try #require(observance.property("TZOFFSETFROM")).utcOffsetValue().seconds
            let to = try #require(observance.property("TZOFFSETTO")).utcOffsetValue().seconds
            guard
                case .dateTime(.floating(let start)) = try #require(observance.property("DTSTART"))
                    .dateOrDateTimeValue()
            else {
                Issue.record("DTSTART of an observance must be a local date-time")
                continue
            }
            var locals = [start]
            for rdate in observance.properties("RDATE") {
                for case .dateTime(.floating(let clock)) in try rdate.dateOrDateTimeListValue() { locals.append(clock) }
            }
            if let rule = observance.property("RRULE") {
                locals += try Self.expand(rule.value, from: start, offset: from, through: end)
            }
            onsets += locals.map { Onset(instant: Self.instant($0, offset: from), offset: to) }
        }
        self.onsets = onsets.sorted { $0.instant < $1.instant }
    }

    /// The offset of the latest onset at or before `instant`, nil before the first one.
    func offset(at instant: Date) -> Int? {
        onsets.last { $0.instant <= instant }?.offset
    }

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func instant(_ clock: WallClock, offset: Int) -> Date {
        let components = DateComponents(
            year: clock.date.year, month: clock.date.month, day: clock.date.day,
            hour: clock.hour, minute: clock.minute, second: clock.second)
        return gregorian.date(from: components)!.addingTimeInterval(TimeInterval(-offset))
    }

    /// The local readings of a yearly BYMONTH/BYDAY rule after `start`, until UNTIL or `end`.
    private static func expand(_ rule: String, from start: WallClock, offset: Int, through end: Date) throws
        -> [WallClock]
    {
        var parts: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            parts[String(pair[0])] = String(pair[1])
        }
        #expect(Set(parts.keys).isSubset(of: ["FREQ", "BYMONTH", "BYDAY", "UNTIL"]), "unexpected RRULE \(rule)")
        #expect(parts["FREQ"] == "YEARLY")
        let month = try #require(parts["BYMONTH"].flatMap { Int($0) })
        let byDay = try #require(parts["BYDAY"])
        let weekdayNames = ["SU": 1, "MO": 2, "TU": 3, "WE": 4, "TH": 5, "FR": 6, "SA": 7]
        let weekday = try #require(weekdayNames[String(byDay.suffix(2))])
        let ordinal = try #require(Int(byDay.dropLast(2)))
        let until = try parts["UNTIL"].map { text -> Date in
            guard case .utc(let date) = try DateTime(rfc5545Text: text, timeZoneID: nil) else {
                throw ICalendarError(code: .invalidValue, line: nil, message: "UNTIL must be UTC")
            }
            return date
        }
        var result: [WallClock] = []
        var year = start.date.year + 1
        while true {
            var components = DateComponents(year: year, month: month, weekday: weekday, weekdayOrdinal: ordinal)
            components.hour = start.hour
            components.minute = start.minute
            components.second = start.second
            let date = try #require(gregorian.date(from: components))
            let fields = gregorian.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let clock = try #require(
                WallClock(
                    year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!,
                    minute: fields.minute!, second: fields.second!))
            let onset = instant(clock, offset: offset)
            if onset > end || until.map({ onset > $0 }) == true { break }
            result.append(clock)
            year += 1
        }
        return result
    }
}
