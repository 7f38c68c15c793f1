import Foundation

/// The initiative's meetings laid out in time: every occurrence of every series, with
/// exceptions and holidays applied.
///
/// A pure function of the initiative: no clock, no files. Ask it for a window of instants.
public struct Schedule: Sendable {
    public let initiative: Initiative

    public init(initiative: Initiative) {
        self.initiative = initiative
    }

    /// Every occurrence that starts inside `window` (start included, end excluded), in
    /// time order; ties are broken by series id so the order never changes between runs.
    ///
    /// Skipped occurrences (a skip exception, or a holiday under the `skip` policy) are
    /// left out unless `includingSkipped` asks for them; cancelled ones are always there.
    public func occurrences(in window: DateInterval, includingSkipped: Bool = false) -> [Occurrence] {
        occurrences(of: initiative.series, in: window, includingSkipped: includingSkipped)
    }

    /// The occurrences of the given series that start inside `window`, in time order.
    public func occurrences(
        of series: [MeetingSeries],
        in window: DateInterval,
        includingSkipped: Bool = false
    ) -> [Occurrence] {
        let found = series.flatMap { series in
            SeriesExpansion(series: series, holidays: initiative.holidays).occurrences(in: window)
                .filter { includingSkipped || !$0.status.isSkipped }
        }
        return found.sorted { ($0.start, $0.series.id) < ($1.start, $1.series.id) }
    }

    /// The first occurrence of `series` that starts at or after `instant` and is not
    /// skipped, looking up to `horizonDays` ahead.
    public func nextOccurrence(of series: MeetingSeries, after instant: Date, horizonDays: Int = 800) -> Occurrence? {
        let window = DateInterval(start: instant, duration: TimeInterval(horizonDays) * 86_400)
        return occurrences(of: [series], in: window).first
    }

    /// The next meeting of `series` that is held (neither cancelled nor skipped) and has not
    /// ended at `instant`: the one whose agenda people need now.
    public func nextMeeting(of series: MeetingSeries, after instant: Date, horizonDays: Int = 800) -> Occurrence? {
        let window = DateInterval(
            start: instant.addingTimeInterval(-86_400), duration: TimeInterval(horizonDays) * 86_400)
        return occurrences(of: [series], in: window).first { occurrence in
            if case .cancelled = occurrence.status { return false }
            return occurrence.end > instant
        }
    }

    /// The occurrence of `series` the rule put on the local `date` (its RECURRENCE-ID date),
    /// wherever it moved to; skipped ones only when `includingSkipped` asks for them.
    public func occurrence(of series: MeetingSeries, originalDate date: LocalDate, includingSkipped: Bool = false)
        -> Occurrence?
    {
        let middle = series.timeZone.instant(for: LocalDateTime(date: date, time: .midnight))
        let window = DateInterval(start: middle.addingTimeInterval(-400 * 86_400), duration: 800 * 86_400)
        return occurrences(of: [series], in: window, includingSkipped: includingSkipped)
            .first { $0.originalStart.date == date }
    }
}
