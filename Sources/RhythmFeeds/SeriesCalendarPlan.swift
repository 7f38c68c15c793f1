import Foundation
import RhythmCore

/// How one series is expressed in iCalendar: the rule (with UNTIL in UTC, as RFC 5545
/// requires next to a DTSTART with TZID), the extra dates, the dates taken out, and the
/// occurrences that differ from the rule and need an overriding VEVENT.
struct SeriesCalendarPlan: Sendable {
    let series: MeetingSeries
    /// The rule as the feed writes it, or nil for a one-off meeting.
    let rule: RecurrenceRule?
    /// Original starts left out of the calendar (EXDATE): skipped, and cancelled when the
    /// feed hides cancellations.
    let excludedStarts: [LocalDateTime]
    /// Occurrences that happen differently (moved) or are shown cancelled.
    let overrides: [Occurrence]

    init(series: MeetingSeries, schedule: Schedule, cancelled: FeedSettings.CancelledOccurrences) {
        self.series = series
        rule = series.recurrence.map { Self.calendarRule($0, zone: series.timeZone) }
        let changed = schedule.occurrences(
            of: [series], in: Self.changeSpan(of: series, schedule: schedule), includingSkipped: true
        )
        .filter { $0.status != .scheduled }
        excludedStarts = changed.filter { occurrence in
            switch occurrence.status {
            case .skipped: true
            case .cancelled: cancelled == .hide
            case .scheduled, .moved: false
            }
        }.map(\.originalStart).sorted()
        overrides = changed.filter { occurrence in
            switch occurrence.status {
            case .moved: true
            case .cancelled: cancelled == .show
            case .scheduled, .skipped: false
            }
        }.sorted { $0.originalStart < $1.originalStart }
    }

    /// The span in which exceptions and holidays can change an occurrence: from the first
    /// meeting to two months past the last holiday or exception, so a holiday move at the end
    /// of a long shutdown is still seen.
    private static func changeSpan(of series: MeetingSeries, schedule: Schedule) -> DateInterval {
        let zone = series.timeZone
        var lastDate = series.start.date
        for holiday in schedule.initiative.holidays { lastDate = max(lastDate, holiday.lastDay) }
        for exception in series.exceptions {
            lastDate = max(lastDate, exception.originalDate)
            if case .move(_, let change) = exception, let start = change.start { lastDate = max(lastDate, start.date) }
        }
        let start = zone.instant(for: series.start).addingTimeInterval(-86_400)
        let end = zone.instant(for: LocalDateTime(date: lastDate.adding(days: 62), time: .midnight))
        return DateInterval(start: start, end: max(start, end))
    }

    /// RFC 5545 3.3.10: with a zoned DTSTART, UNTIL must be written in UTC.
    private static func calendarRule(_ rule: RecurrenceRule, zone: TimeZone) -> RecurrenceRule {
        var written = rule
        let lastInstant: Date
        switch rule.end {
        case .never, .count, .until(.utc):
            return rule
        case .until(.date(let date)):
            lastInstant = zone.instant(
                for: LocalDateTime(date: date, time: LocalTime(hour: 23, minute: 59, second: 59)!))
        case .until(.local(let reading)):
            lastInstant = zone.instant(for: reading)
        }
        written.end = .until(.utc(TimeZone.gmt.wallClock(at: lastInstant)))
        return written
    }
}
