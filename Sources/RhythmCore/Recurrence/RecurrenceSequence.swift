import Foundation

/// The occurrences of a recurrence rule from one DTSTART, as local wall-clock readings in
/// ascending order without repeats, computed lazily as the sequence is iterated.
///
/// A rule without COUNT or UNTIL may be infinite, so callers either pass a `limit` or take a
/// prefix. Readings are not resolved to instants: the caller does that with
/// `TimeZone.instant(for:)`, which also settles readings that fall in a DST gap or overlap.
/// HOURLY, MINUTELY and SECONDLY rules count on the wall clock too, as libical does, so on a
/// spring-forward night a reading in the gap resolves to the same instant as the one after it.
///
/// Every sequence ends, even for a rule that can never produce another date (such as 30
/// February): iteration gives up once 400 years (146,097 days, one full cycle of the Gregorian
/// calendar, after which every pattern of dates repeats) have passed since the last occurrence
/// without a new one, and never goes past the year 9999, the last one RFC 5545 can write.
/// Scanning 400 empty years costs at most about 150,000 cheap day tests.
///
/// Every sequence is also bounded in what it costs, whatever the rule, the DTSTART and the
/// limit (see `Limits`): it ends after `maximumOccurrences` readings, after visiting
/// `maximumPeriods` periods, and at once when one period alone would hold more than
/// `maximumPeriodSize` readings (FREQ=YEARLY with every day, hour, minute and second). The
/// iterator's `isTruncated` then tells the caller that the rule produces more than that.
public struct RecurrenceSequence: Sequence, Sendable {
    /// The most any one expansion may produce or visit, so that no rule can exhaust memory or time.
    public enum Limits {
        /// Readings one sequence produces at most: 273 years of a daily meeting.
        public static let maximumOccurrences = 100_000
        /// Periods (years, months, weeks, days, hours, minutes or seconds) one sequence visits at most.
        public static let maximumPeriods = 5_000_000
        /// Readings one period may hold before BYSETPOS thins them: a year of days at 273 times a day.
        public static let maximumPeriodSize = 100_000
    }

    private let pattern: RecurrencePattern
    private let count: Int?
    private let stop: Stop

    init(rule: RecurrenceRule, start: LocalDateTime, zone: TimeZone, limit: LocalDateTime?) {
        pattern = RecurrencePattern(rule: rule, start: start)
        var untilSeconds: Int?
        var utcUntil: UTCBound?
        switch rule.end {
        case .never:
            count = nil
        case .count(let count):
            self.count = count
        case .until(.date(let date)):
            count = nil
            untilSeconds = date.dayNumber * 86_400 + 86_399
        case .until(.local(let reading)):
            count = nil
            untilSeconds = reading.secondsSinceEpoch
        case .until(.utc(let reading)):
            count = nil
            utcUntil = UTCBound(instant: reading.secondsSinceEpoch, zone: zone)
        }
        let bounds = [untilSeconds, limit?.secondsSinceEpoch].compactMap { $0 }
        stop = Stop(lastWallSecond: bounds.min(), utc: utcUntil)
    }

    /// Starts a fresh pass over the occurrences.
    public func makeIterator() -> Iterator {
        Iterator(pattern: pattern, count: count, stop: stop)
    }

    /// Produces the occurrences one period of the rule at a time.
    public struct Iterator: IteratorProtocol, Sendable {
        private let pattern: RecurrencePattern
        private let count: Int?
        private let stop: Stop
        /// The current period's occurrences as wall-clock seconds, and how many were consumed.
        private var buffer: [Int] = []
        private var position = 0
        private var days: [Int] = []
        private var period = 0
        private var produced = 0
        private var lastProduced: Int
        private var finished = false
        private var startPending = true
        private var visitedPeriods = 0
        /// Whether the sequence ended at one of its `Limits` rather than where the rule ends.
        public private(set) var isTruncated = false

        fileprivate init(pattern: RecurrencePattern, count: Int?, stop: Stop) {
            self.pattern = pattern
            self.count = count
            self.stop = stop
            lastProduced = pattern.startSeconds
            finished = count.map { $0 < 1 } ?? false
        }

        /// The next occurrence, or nil once COUNT, UNTIL or the limit is reached or the rule
        /// can produce nothing more.
        public mutating func next() -> LocalDateTime? {
            guard !finished else { return nil }
            if startPending {
                // RFC 5545: DTSTART is always the first occurrence, whether or not it matches the rule.
                startPending = false
                return accept(pattern.startSeconds)
            }
            while true {
                while position < buffer.count {
                    let candidate = buffer[position]
                    position += 1
                    if candidate > pattern.startSeconds { return accept(candidate) }
                }
                guard refill() else {
                    finished = true
                    return nil
                }
            }
        }

        /// Ends the sequence at one of its limits.
        private mutating func truncate() -> LocalDateTime? {
            finished = true
            isTruncated = true
            return nil
        }

        private mutating func accept(_ seconds: Int) -> LocalDateTime? {
            guard stop.allows(seconds) else {
                finished = true
                return nil
            }
            guard produced < Limits.maximumOccurrences else { return truncate() }
            produced += 1
            lastProduced = seconds
            if let count, produced >= count { finished = true }
            return LocalDateTime(secondsSinceEpoch: seconds)
        }

        /// Loads the next period with any occurrences; false when there is none worth looking for.
        private mutating func refill() -> Bool {
            guard !pattern.isEmpty else { return false }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            while buffer.isEmpty {
                guard let periodStart = pattern.periodStart(period), stop.mayReach(periodStart),
                    periodStart - lastProduced <= RecurrenceSequence.emptySpan
                else { return false }
                guard pattern.largestPeriodSize <= Limits.maximumPeriodSize, visitedPeriods < Limits.maximumPeriods
                else {
                    isTruncated = true
                    return false
                }
                visitedPeriods += 1
                period = pattern.appendOccurrences(ofPeriod: period, startingAt: periodStart, to: &buffer, days: &days)
            }
            return true
        }
    }

    /// How long iteration looks for a next occurrence before concluding there is none:
    /// 400 years of wall-clock seconds.
    static let emptySpan = 146_097 * 86_400

    /// Where the sequence ends, apart from COUNT.
    fileprivate struct Stop: Sendable {
        /// The last wall-clock second allowed by a DATE or local UNTIL and by the caller's limit.
        var lastWallSecond: Int?
        var utc: UTCBound?

        func allows(_ seconds: Int) -> Bool {
            if let lastWallSecond, seconds > lastWallSecond { return false }
            return utc?.allows(seconds) ?? true
        }

        /// Whether a period starting at `seconds` could still hold an allowed occurrence.
        func mayReach(_ seconds: Int) -> Bool {
            if let lastWallSecond, seconds > lastWallSecond { return false }
            if let utc, seconds > utc.approximateWallSecond + UTCBound.margin { return false }
            return true
        }
    }

    /// A UTC UNTIL, compared with wall-clock readings by resolving them in the rule's zone.
    ///
    /// Resolving costs a few offset look-ups, so readings more than two days from the UNTIL's
    /// own wall-clock reading are decided without it: no two UTC offsets differ by a day.
    fileprivate struct UTCBound: Sendable {
        static let margin = 2 * 86_400
        var instant: Int
        var approximateWallSecond: Int
        var zone: TimeZone

        init(instant: Int, zone: TimeZone) {
            self.instant = instant
            self.zone = zone
            approximateWallSecond = instant + zone.offsetSeconds(at: instant)
        }

        func allows(_ seconds: Int) -> Bool {
            if seconds < approximateWallSecond - Self.margin { return true }
            if seconds > approximateWallSecond + Self.margin { return false }
            let resolved = zone.instant(for: LocalDateTime(secondsSinceEpoch: seconds))
            return resolved.timeIntervalSince1970 <= TimeInterval(instant)
        }
    }
}
