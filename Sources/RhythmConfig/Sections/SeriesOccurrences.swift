import Foundation
import RhythmCore

/// Which dates a series meets on, before exceptions and holidays: the start, the rule's
/// dates and the extra dates.
struct SeriesOccurrences {
    let start: LocalDateTime
    let zone: TimeZone
    let rule: RecurrenceRule?
    let extraDates: [LocalDateTime]

    func contains(_ date: LocalDate) -> Bool {
        if start.date == date || extraDates.contains(where: { $0.date == date }) { return true }
        return ruleDates(through: date).contains(date)
    }

    /// The meeting dates closest to `date` on either side, for "did you mean" hints.
    func neighbours(of date: LocalDate) -> (before: LocalDate?, after: LocalDate?) {
        var dates = ruleDates(through: date.adding(days: 400)) + [start.date] + extraDates.map(\.date)
        dates.sort()
        return (dates.last { $0 < date }, dates.first { $0 > date })
    }

    private func ruleDates(through date: LocalDate) -> [LocalDate] {
        guard let rule,
            let end = LocalDateTime(year: date.year, month: date.month, day: date.day, hour: 23, minute: 59, second: 59)
        else { return [] }
        return rule.occurrences(from: start, in: zone, through: end).map(\.date)
    }
}
