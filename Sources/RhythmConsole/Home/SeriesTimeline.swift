import Foundation
import RhythmCore

/// The meetings of one series the home page looks at, laid out once from the schedule: those
/// planned in the look-back period, the last held ones for the attendance chart, and the next.
///
/// "Planned" is every occurrence the series' rule and extra dates gave that started in the
/// look-back period and ended by `now`, cancelled and skipped ones included; "held" is the
/// planned ones neither cancelled nor skipped. A meeting still running counts in neither.
struct SeriesTimeline: Sendable {
    let series: MeetingSeries
    /// Planned in the look-back period, in time order.
    let planned: [Occurrence]
    /// The last held meetings (at most `chartMeetings`, within `chartDays`), oldest first.
    let recentHeld: [Occurrence]
    /// The next meeting that is held and has not ended at `now`.
    let next: Occurrence?

    /// How many held meetings the attendance chart shows.
    static let chartMeetings = 6
    /// How far back the attendance chart looks for them.
    static let chartDays = 366

    init(series: MeetingSeries, schedule: Schedule, now: Date, lookBackDays: Int) {
        let zone = schedule.initiative.timeZone
        let local = zone.wallClock(at: now)
        let since = { (days: Int) in
            zone.instant(for: LocalDateTime(date: local.date.adding(days: -days), time: local.time))
        }
        let lookBackStart = since(lookBackDays)
        let chartStart = since(max(Self.chartDays, lookBackDays))
        let past = schedule.occurrences(
            of: [series], in: DateInterval(start: min(chartStart, now), end: now), includingSkipped: true
        ).filter { $0.end <= now }
        self.series = series
        planned = past.filter { $0.start >= lookBackStart }
        recentHeld = Array(past.filter(\.isHeld).suffix(Self.chartMeetings))
        next = schedule.nextMeeting(of: series, after: now)
    }

    /// The earliest date (as answers and agenda items are stored: the rule's date) any of
    /// these meetings has.
    var earliestDate: LocalDate? {
        (planned + recentHeld + [next].compactMap { $0 }).map(\.originalStart.date).min()
    }
}

extension Occurrence {
    /// Whether the meeting takes place: neither cancelled nor skipped.
    var isHeld: Bool {
        switch status {
        case .scheduled, .moved: true
        case .cancelled, .skipped: false
        }
    }
}
