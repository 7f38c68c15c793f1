import Foundation
import RhythmCore

/// Which dates a series meets on, before exceptions and holidays: the start, the rule's
/// dates and the extra dates.
///
/// The rule's dates are expanded once, through the latest date asked about (doubling the
/// span when a later one comes), so that a file with many exceptions costs one expansion,
/// not one per exception.
final class SeriesOccurrences {
    let start: LocalDateTime
    let zone: TimeZone
    let rule: RecurrenceRule?
    let extraDates: [LocalDateTime]
    private let extraDays: Set<LocalDate>
    /// The rule's dates through `expandedThrough`, ascending.
    private var ruleDates: [LocalDate] = []
    private var ruleDateSet: Set<LocalDate> = []
    private var expandedThrough: LocalDate?

    init(start: LocalDateTime, zone: TimeZone, rule: RecurrenceRule?, extraDates: [LocalDateTime]) {
        self.start = start
        self.zone = zone
        self.rule = rule
        self.extraDates = extraDates
        extraDays = Set(extraDates.map(\.date))
    }

    func contains(_ date: LocalDate) -> Bool {
        if start.date == date || extraDays.contains(date) { return true }
        expand(through: date)
        return ruleDateSet.contains(date)
    }

    /// The meeting dates closest to `date` on either side, for "did you mean" hints.
    func neighbours(of date: LocalDate) -> (before: LocalDate?, after: LocalDate?) {
        expand(through: date.adding(days: 400))
        let dates = ruleDates + [start.date] + extraDays
        return (dates.filter { $0 < date }.max(), dates.filter { $0 > date }.min())
    }

    private func expand(through date: LocalDate) {
        guard let rule, expandedThrough.map({ date > $0 }) ?? true else { return }
        let span = expandedThrough.map { start.date.days(to: $0) * 2 } ?? 0
        let target = max(date, start.date.adding(days: span))
        guard
            let end = LocalDateTime(
                year: target.year, month: target.month, day: target.day, hour: 23, minute: 59, second: 59)
        else { return }
        ruleDates = rule.occurrences(from: start, in: zone, through: end).map(\.date)
        ruleDateSet = Set(ruleDates)
        expandedThrough = target
    }
}
