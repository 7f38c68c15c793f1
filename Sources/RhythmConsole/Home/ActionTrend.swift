import Foundation
import RhythmCore

/// Actions opened and closed per month, and how old the open ones were at each month's end:
/// whether the initiative keeps up with what it commits to.
///
/// Months are the initiative's calendar months; the current one runs to `now`. Closed means
/// done or dropped, at the last time the status became so (from the audit trail).
public struct ActionTrend: Hashable, Sendable {
    /// One month of the trend.
    public struct Month: Hashable, Sendable {
        /// The month's first day.
        public let firstDay: LocalDate
        /// Actions created in the month.
        public let opened: Int
        /// Actions whose last closing falls in the month.
        public let closed: Int
        /// Actions open at the month's end (at `now` for the current month).
        public let openAtEnd: Int
        /// The median age in days of those actions, from creation to the month's end; nil
        /// when none was open.
        public let medianOpenAgeDays: Double?
        /// Whether the month is the current one, counted up to now.
        public let isCurrent: Bool
    }

    /// The last `monthCount` months, oldest first.
    public let months: [Month]

    /// How many months the trend shows.
    static let monthCount = 6

    init(actions: [Action], closedAt: [Int64: Date], zone: TimeZone, now: Date) {
        let firstDays = Self.firstDays(today: zone.wallClock(at: now).date)
        let start = { (date: LocalDate) in zone.instant(for: LocalDateTime(date: date, time: .midnight)) }
        months = firstDays.enumerated().map { offset, firstDay in
            let isCurrent = offset == firstDays.count - 1
            let from = start(firstDay)
            let end =
                isCurrent
                ? now : start(firstDay.adding(days: LocalDate.daysIn(month: firstDay.month, year: firstDay.year)))
            let inMonth = { (instant: Date) in instant >= from && instant < end }
            let ages = actions.compactMap { action -> Double? in
                guard action.createdAt < end, closedAt[action.id].map({ $0 >= end }) ?? action.status.isOpen
                else { return nil }
                return (end.timeIntervalSince(action.createdAt) / 86_400).rounded(.down)
            }
            return Month(
                firstDay: firstDay, opened: actions.filter { inMonth($0.createdAt) }.count,
                closed: actions.filter { closedAt[$0.id].map(inMonth) ?? false }.count, openAtEnd: ages.count,
                medianOpenAgeDays: Self.median(ages), isCurrent: isCurrent)
        }
    }

    /// The first days of the months the trend shows, oldest first, the last being `today`'s.
    static func firstDays(today: LocalDate) -> [LocalDate] {
        (0..<monthCount).reversed().map { back in
            let index = today.year * 12 + (today.month - 1) - back
            return LocalDate(year: index / 12, month: index % 12 + 1, day: 1) ?? today
        }
    }

    /// The middle value, or the mean of the two middle ones; nil for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
