import Foundation
import Synchronization

/// A zone's UTC offsets over a span of years, asked of Foundation once and then looked up
/// by binary search.
///
/// On Linux every `TimeZone.secondsFromGMT(for:)` goes through ICU behind a lock and costs
/// about a microsecond; expanding thousands of meetings asks it several times per meeting.
/// A zone changes its offset only a few times a year, so the table keeps the instants of
/// those changes (Foundation's `nextDaylightSavingTimeTransition(after:)`, which ICU reports
/// for every change of offset, not only daylight-saving ones) and the offset that follows
/// each. Instants outside the span are answered by Foundation itself.
public struct ZoneOffsetTable: Sendable {
    /// The zone the offsets belong to.
    public let zone: TimeZone
    /// The calendar years (in UTC) the table answers without asking Foundation.
    public let years: ClosedRange<Int>
    /// The first UTC second the table covers, and the first one past it.
    private let lowerBound: Int
    private let upperBound: Int
    /// The UTC seconds at which the offset changes, ascending.
    private let transitions: [Int]
    /// `offsets[0]` holds before `transitions[0]`; `offsets[i + 1]` from `transitions[i]` on.
    private let offsets: [Int]

    /// Reads the offsets of `zone` from Foundation for the UTC years `years`, plus two days
    /// either side, so that a wall-clock reading near the span's edge resolves in the table.
    public init(zone: TimeZone, years: ClosedRange<Int>) {
        self.zone = zone
        self.years = years
        lowerBound = LocalDate(uncheckedYear: years.lowerBound, month: 1, day: 1).dayNumber * 86_400 - 2 * 86_400
        upperBound = LocalDate(uncheckedYear: years.upperBound + 1, month: 1, day: 1).dayNumber * 86_400 + 2 * 86_400
        var transitions: [Int] = []
        var offsets = [zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(lowerBound)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(lowerBound))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor {
            let second = Int(next.timeIntervalSince1970.rounded(.down))
            guard second < upperBound else { break }
            let offset = zone.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                transitions.append(second)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offset from UTC in seconds at the instant `secondsSince1970`.
    public func offsetSeconds(at secondsSince1970: Int) -> Int {
        guard secondsSince1970 >= lowerBound, secondsSince1970 < upperBound else {
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
        }
        // The number of transitions at or before the instant is the index of its offset.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= secondsSince1970 { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The instant (seconds since 1970) at which the zone's clocks read `local`, by the RFC
    /// 5545 rules that `TimeZone.instant(for:)` documents.
    public func instantSeconds(for local: LocalDateTime) -> Int {
        let wallSeconds = local.secondsSinceEpoch
        // The offsets in force a day either side bracket any transition near `local`.
        let offsetBefore = offsetSeconds(at: wallSeconds - 86_400)
        let offsetAfter = offsetSeconds(at: wallSeconds + 86_400)
        // Trying the larger offset first finds the earlier instant of a repeated reading.
        let larger = max(offsetBefore, offsetAfter)
        let smaller = min(offsetBefore, offsetAfter)
        if offsetSeconds(at: wallSeconds - larger) == larger {
            return wallSeconds - larger
        }
        if smaller != larger, offsetSeconds(at: wallSeconds - smaller) == smaller {
            return wallSeconds - smaller
        }
        // In the gap: read the clock with the offset from before the transition, which lands
        // the same distance past the transition as the reading lies past its start.
        return wallSeconds - offsetBefore
    }

    /// The instant at which the zone's clocks read `local`; see `instantSeconds(for:)`.
    public func instant(for local: LocalDateTime) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instantSeconds(for: local)))
    }

    /// What the zone's clocks read at `instant`, to the second.
    public func wallClock(at instant: Date) -> LocalDateTime {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(secondsSinceEpoch: seconds + offsetSeconds(at: seconds))
    }
}

extension ZoneOffsetTable {
    /// The years a shared table may span: far enough back for any meeting still on record
    /// and forward for any window someone asks about. Instants outside go to Foundation.
    static let sharedYears = 1900...2200

    /// How many years a shared table is extended by at a time, so that a process asking about
    /// one year after another reads the zone only a few times.
    static let sharedChunk = 8

    /// The tables read so far, by zone identifier; a zone's offsets never change while a
    /// process runs, so a table once read serves every later caller.
    private static let sharedTables = Mutex<[String: ZoneOffsetTable]>([:])

    /// A table for `zone` that covers `years` (as far as `sharedYears` allows), read once per
    /// process and extended when a later caller needs more years.
    public static func shared(for zone: TimeZone, covering years: ClosedRange<Int>) -> ZoneOffsetTable {
        let identifier = zone.identifier
        if let table = sharedTables.withLock({ $0[identifier] }), table.years.encloses(years) {
            return table
        }
        let wanted = years.clamped(to: sharedYears)
        return sharedTables.withLock { tables -> ZoneOffsetTable in
            if let table = tables[identifier], table.years.encloses(wanted) { return table }
            let span: ClosedRange<Int>
            if let existing = tables[identifier]?.years {
                // Grow by a chunk beyond what is asked, so that a caller walking year by year
                // past either end rereads the zone once in a while, not at every step.
                let lower =
                    wanted.lowerBound < existing.lowerBound ? wanted.lowerBound - sharedChunk : existing.lowerBound
                let upper =
                    wanted.upperBound > existing.upperBound ? wanted.upperBound + sharedChunk : existing.upperBound
                span = (lower...upper).clamped(to: sharedYears)
            } else {
                span = wanted
            }
            let table = ZoneOffsetTable(zone: zone, years: span)
            tables[identifier] = table
            return table
        }
    }

    /// The shared table for `zone` that answers for the UTC second `secondsSince1970`.
    static func shared(for zone: TimeZone, at secondsSince1970: Int) -> ZoneOffsetTable {
        let year = LocalDateTime(secondsSinceEpoch: secondsSince1970).date.year
        return shared(for: zone, covering: year...year + sharedChunk)
    }
}

extension ZoneOffsetTable {
    /// The UTC years a window of instants touches, with a year either side for meetings that
    /// a holiday or a move brings in from just outside it: what a table for the window covers.
    public static func years(around window: DateInterval) -> ClosedRange<Int> {
        func year(_ instant: Date) -> Int {
            LocalDateTime(secondsSinceEpoch: Int(instant.timeIntervalSince1970.rounded(.down))).date.year
        }
        return (year(window.start) - 1)...(year(window.end) + 1)
    }
}

extension ClosedRange where Bound == Int {
    /// Whether every value of `other` lies in this range.
    fileprivate func encloses(_ other: ClosedRange<Int>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}
