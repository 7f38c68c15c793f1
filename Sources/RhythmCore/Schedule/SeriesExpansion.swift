import Foundation

/// Applies a series' exceptions and the initiative's holidays to the starts its rule
/// produces. One value per series and query; `Schedule` is the public face.
struct SeriesExpansion {
    let series: MeetingSeries
    let holidays: [HolidayPeriod]
    /// The offsets of the series' zone, read once for every series in that zone.
    let offsets: ZoneOffsetTable
    /// The series as its occurrences share it.
    private let reference: SeriesReference

    init(series: MeetingSeries, holidays: [HolidayPeriod], offsets: ZoneOffsetTable) {
        self.series = series
        self.holidays = holidays
        self.offsets = offsets
        reference = SeriesReference(series)
    }

    /// Appends to `found` the occurrences whose start falls inside `window`, skipped ones
    /// only when `includingSkipped` asks for them.
    func appendOccurrences(in window: DateInterval, includingSkipped: Bool, to found: inout [Occurrence]) {
        // A holiday can push an occurrence forward past the window's end only by the
        // holiday's length; an explicit move can come from any date, so reach that far too.
        let windowEnd = offsets.wallClock(at: window.end).adding(seconds: 86_400)
        let latestMoveSource = series.exceptions.compactMap { exception -> LocalDateTime? in
            guard case .move(let date, _) = exception else { return nil }
            return LocalDateTime(date: date, time: LocalTime(unchecked: 86_399))
        }.max()
        let limit = max(windowEnd, latestMoveSource ?? windowEnd)
        let earliestRelevant = offsets.wallClock(at: window.start).adding(seconds: -(longestHolidayDays + 10) * 86_400)

        let planned = series.plannedStarts(through: limit)
        let exceptionsByDate = Dictionary(series.exceptions.map { ($0.originalDate, $0) }) { first, _ in first }
        let candidates = planned.filter { $0 >= earliestRelevant || exceptionsByDate[$0.date] != nil }

        var resolved = candidates.map { start in
            resolve(start, exception: exceptionsByDate.isEmpty ? nil : exceptionsByDate[start.date])
        }
        resolveHolidayCollisions(&resolved)
        for plan in resolved where includingSkipped || !plan.status.isSkipped {
            let startSecond = offsets.instantSeconds(for: plan.localStart)
            let start = Date(timeIntervalSince1970: TimeInterval(startSecond))
            if window.start <= start, start < window.end {
                found.append(makeOccurrence(plan, startSecond: startSecond))
            }
        }
    }

    /// How one planned start ends up, before instants are computed.
    private struct Plan {
        var originalStart: LocalDateTime
        var localStart: LocalDateTime
        var location: String?
        var onlineMeetingURL: URL?
        var status: Occurrence.Status
        /// Set when a holiday moved the occurrence; such moves give way to real meetings.
        var movedByHoliday = false
    }

    private func resolve(_ original: LocalDateTime, exception: SeriesException?) -> Plan {
        var plan = Plan(
            originalStart: original,
            localStart: original,
            location: series.location,
            onlineMeetingURL: series.onlineMeetingURL,
            status: .scheduled
        )
        switch exception {
        case .skip(_, let reason):
            plan.status = .skipped(reason: reason)
        case .cancel(_, let reason):
            plan.status = .cancelled(reason: reason)
        case .move(_, let change):
            plan.localStart = change.start ?? original
            plan.location = change.location ?? series.location
            plan.onlineMeetingURL = change.onlineMeetingURL ?? series.onlineMeetingURL
            plan.status = .moved(from: original, reason: change.reason)
        case nil:
            applyHoliday(to: &plan)
        }
        return plan
    }

    private func applyHoliday(to plan: inout Plan) {
        guard series.holidayPolicy != .ignore, let holiday = holiday(on: plan.originalStart.date) else { return }
        switch series.holidayPolicy {
        case .skip, .ignore:
            plan.status = .skipped(reason: holiday.name)
        case .nextBusinessDay:
            let date = nextBusinessDay(after: plan.originalStart.date)
            plan.localStart = LocalDateTime(date: date, time: plan.originalStart.time)
            plan.status = .moved(from: plan.originalStart, reason: "\(holiday.name): moved to the next business day")
            plan.movedByHoliday = true
        }
    }

    /// Two meetings of one series on one day help nobody: an occurrence that a holiday
    /// pushed onto a day that already has one is skipped instead.
    private func resolveHolidayCollisions(_ plans: inout [Plan]) {
        guard plans.contains(where: \.movedByHoliday) else { return }
        var occupiedDays = Set(
            plans.filter { !$0.movedByHoliday && !$0.status.isSkipped }.map(\.localStart.date)
        )
        for index in plans.indices where plans[index].movedByHoliday {
            let day = plans[index].localStart.date
            if occupiedDays.contains(day) {
                let holidayName = holiday(on: plans[index].originalStart.date)?.name ?? "holiday"
                plans[index].localStart = plans[index].originalStart
                plans[index].status = .skipped(reason: "\(holidayName): the next business day already has this meeting")
                plans[index].movedByHoliday = false
            } else {
                occupiedDays.insert(day)
            }
        }
    }

    private func makeOccurrence(_ plan: Plan, startSecond: Int) -> Occurrence {
        let start = Date(timeIntervalSince1970: TimeInterval(startSecond))
        return Occurrence(
            series: reference,
            originalStart: plan.originalStart,
            localStart: LocalDateTime(secondsSinceEpoch: startSecond + offsets.offsetSeconds(at: startSecond)),
            start: start,
            end: start.addingTimeInterval(series.duration.timeInterval),
            location: plan.location,
            onlineMeetingURL: plan.onlineMeetingURL,
            status: plan.status
        )
    }

    private func holiday(on date: LocalDate) -> HolidayPeriod? {
        holidays.first { $0.contains(date) }
    }

    private func nextBusinessDay(after date: LocalDate) -> LocalDate {
        var candidate = date.adding(days: 1)
        while candidate.weekday.isWeekend || holiday(on: candidate) != nil {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }

    private var longestHolidayDays: Int {
        holidays.map { $0.firstDay.days(to: $0.lastDay) + 1 }.max() ?? 0
    }
}

extension Duration {
    /// The duration in seconds, for `Date` arithmetic.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
