import Foundation

extension MeetingSeries {
    /// The local starts the rule and the extra dates produce, before any exception or
    /// holiday, ascending and without repeats, up to and including `limit`.
    public func plannedStarts(through limit: LocalDateTime) -> [LocalDateTime] {
        var starts: [LocalDateTime] = []
        if let recurrence {
            for local in recurrence.occurrences(from: start, in: timeZone, through: limit) {
                starts.append(local)
            }
        } else if start <= limit {
            starts.append(start)
        }
        guard !extraDates.isEmpty else { return starts }
        let extras = Set(extraDates.filter { $0 <= limit }).subtracting(starts)
        guard !extras.isEmpty else { return starts }
        return (starts + extras).sorted()
    }
}
