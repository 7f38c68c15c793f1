import Foundation

/// The meetings of one series that a date can stand for: the one the rule put on it, and
/// one moved onto it from another date. People name a meeting by either date (the calendar
/// shows the new one; links and stored agenda items use the original), so every place that
/// takes a meeting's date asks this.
public struct MeetingOnDate: Sendable {
    /// The occurrence the rule put on the date, wherever it happens now (skipped included).
    public let original: Occurrence?
    /// An occurrence moved onto the date from another one (by an exception or a holiday).
    public let movedHere: Occurrence?

    /// The occurrence the date names. The original date wins, so every occurrence can always
    /// be named by its original date and links made before a move keep working; a date whose
    /// only original occurrence is skipped (not a meeting at all) names the meeting moved onto it.
    public var named: Occurrence? {
        guard let original, !original.status.isSkipped else { return movedHere ?? original }
        return original
    }

    /// The meeting moved onto the date when the date names another one (its original
    /// occurrence, moved away or cancelled): the date is ambiguous, and this one is reached by
    /// its own original date. Nil when the date stands for one meeting only.
    public var alsoMovedHere: Occurrence? {
        guard let original, !original.status.isSkipped else { return nil }
        return movedHere
    }
}

extension Schedule {
    /// What `date` stands for in `series`: see `MeetingOnDate`.
    public func meeting(of series: MeetingSeries, on date: LocalDate) -> MeetingOnDate {
        // A move can come from, or go to, a date far away: look a year and more either side.
        let middle = series.timeZone.instant(for: LocalDateTime(date: date, time: .midnight))
        let window = DateInterval(start: middle.addingTimeInterval(-400 * 86_400), duration: 800 * 86_400)
        let around = occurrences(of: [series], in: window, includingSkipped: true)
        return MeetingOnDate(
            original: around.first { $0.originalStart.date == date },
            movedHere: around.first { $0.localStart.date == date && $0.originalStart.date != date })
    }
}
