import Foundation
import RhythmCore

/// This week and the next as an agenda: every day from Monday to Sunday, in the initiative's
/// zone, with the meetings that start on it (cancelled ones included, skipped ones left out).
public struct HomeCalendar: Hashable, Sendable {
    /// One day and its meetings, in time order.
    public struct Day: Hashable, Sendable {
        /// The day, in the initiative's zone.
        public let date: LocalDate
        /// The meetings that start on it there, in time order.
        public let meetings: [Occurrence]
    }

    /// Seven days from a Monday.
    public struct Week: Hashable, Sendable {
        /// Monday to Sunday.
        public let days: [Day]

        /// The Monday the week starts on.
        public var monday: LocalDate { days[0].date }
    }

    /// Today in the initiative's zone.
    public let today: LocalDate
    /// This week, then the next.
    public let weeks: [Week]

    /// The two weeks around `now` in `schedule`'s initiative's zone. A meeting belongs to the
    /// day it starts on there, even when its series keeps another zone's clock.
    init(schedule: Schedule, now: Date) {
        let zone = schedule.initiative.timeZone
        today = zone.wallClock(at: now).date
        let monday = today.adding(days: -today.weekday.isoIndex)
        let dates = (0..<14).map { monday.adding(days: $0) }
        let midnight = { (date: LocalDate) in zone.instant(for: LocalDateTime(date: date, time: .midnight)) }
        let window = DateInterval(start: midnight(monday), end: midnight(monday.adding(days: 14)))
        let byDay = Dictionary(grouping: schedule.occurrences(in: window)) { zone.wallClock(at: $0.start).date }
        let days = dates.map { Day(date: $0, meetings: byDay[$0] ?? []) }
        weeks = [Week(days: Array(days[0..<7])), Week(days: Array(days[7..<14]))]
    }
}
