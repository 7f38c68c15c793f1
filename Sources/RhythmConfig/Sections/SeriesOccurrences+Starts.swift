import Foundation
import RhythmCore

extension SeriesOccurrences {
    /// Every start the series has on the local `date` before exceptions (from the rule, or
    /// the start alone when there is none, and from the extra dates), ascending and without
    /// repeats, as the schedule plans them.
    func starts(on date: LocalDate) -> [LocalDateTime] {
        var starts = Set(extraDates.filter { $0.date == date })
        if let rule {
            if let end = LocalDateTime(
                year: date.year, month: date.month, day: date.day, hour: 23, minute: 59, second: 59)
            {
                for local in rule.occurrences(from: start, in: zone, through: end) where local.date == date {
                    starts.insert(local)
                }
            }
        } else if start.date == date {
            starts.insert(start)
        }
        return starts.sorted()
    }
}
