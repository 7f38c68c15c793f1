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
        let years = ZoneOffsetTable.years(around: window)
        var tables: [String: ZoneOffsetTable] = [:]
        let ranks = Self.ranksByID(series)
        var found: [Occurrence] = []
        var keys: [OrderKey] = []
        for (index, member) in series.enumerated() {
            let zone = member.timeZone.identifier
            let offsets = tables[zone] ?? ZoneOffsetTable.shared(for: member.timeZone, covering: years)
            tables[zone] = offsets
            let expansion = SeriesExpansion(series: member, holidays: initiative.holidays, offsets: offsets)
            let first = found.count
            expansion.appendOccurrences(in: window, includingSkipped: includingSkipped, to: &found)
            for position in first..<found.count {
                keys.append(OrderKey(start: found[position].start, rank: ranks[index], position: position))
            }
        }
        keys.sort()
        Self.arrange(&found, as: keys)
        return found
    }

    /// Moves each occurrence to the place its key has in `keys`, in place, following the
    /// permutation's cycles: the first occurrence of a cycle is lifted out, each place is filled
    /// from the one whose occurrence belongs there, and the lifted one closes the cycle. Every
    /// occurrence is moved once, as memory: no copies, no retains and releases of its series
    /// and strings, a third of the moves that swapping takes.
    private static func arrange(_ occurrences: inout [Occurrence], as keys: [OrderKey]) {
        var placed = [Bool](repeating: false, count: keys.count)
        occurrences.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                placed[start] = true
                guard keys[start].position != start else { continue }
                let lifted = (base + start).move()
                var place = start
                while keys[place].position != start {
                    let source = keys[place].position
                    (base + place).moveInitialize(from: base + source, count: 1)
                    placed[source] = true
                    place = source
                }
                (base + place).initialize(to: lifted)
            }
        }
    }

    /// Where an occurrence goes in time order: by start, then by series id (as a rank among
    /// the ids, so that sorting compares numbers), then as found, so the order never changes.
    private struct OrderKey: Comparable {
        var start: Date
        var rank: Int
        var position: Int

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            (lhs.start, lhs.rank, lhs.position) < (rhs.start, rhs.rank, rhs.position)
        }
    }

    /// Each series' place among the series ids in ascending order; equal ids share a place.
    private static func ranksByID(_ series: [MeetingSeries]) -> [Int] {
        let ids = Set(series.map(\.id)).sorted()
        let rankOfID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return series.map { rankOfID[$0.id] ?? 0 }
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
