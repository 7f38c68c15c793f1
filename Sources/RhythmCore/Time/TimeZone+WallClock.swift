import Foundation

extension TimeZone {
    /// The instant at which this zone's clocks read `local`, by the RFC 5545 rules.
    ///
    /// - A reading that happens twice (the hour repeated when clocks go back) takes the
    ///   first instant.
    /// - A reading that never happens (the hour skipped when clocks go forward) is moved
    ///   forward by the length of the gap: 02:30 on a spring-forward night with a one-hour
    ///   gap becomes 03:30. RFC 5545 section 3.3.5 asks for exactly this.
    public func instant(for local: LocalDateTime) -> Date {
        let wallSeconds = local.secondsSinceEpoch
        // The offsets in force a day either side bracket any transition near `local`.
        let offsetBefore = offsetSeconds(at: wallSeconds - 86_400)
        let offsetAfter = offsetSeconds(at: wallSeconds + 86_400)
        // Trying the larger offset first finds the earlier instant of a repeated reading.
        let larger = max(offsetBefore, offsetAfter)
        let smaller = min(offsetBefore, offsetAfter)
        if offsetSeconds(at: wallSeconds - larger) == larger {
            return Date(timeIntervalSince1970: TimeInterval(wallSeconds - larger))
        }
        if smaller != larger, offsetSeconds(at: wallSeconds - smaller) == smaller {
            return Date(timeIntervalSince1970: TimeInterval(wallSeconds - smaller))
        }
        // In the gap: read the clock with the offset from before the transition, which lands
        // the same distance past the transition as the reading lies past its start.
        return Date(timeIntervalSince1970: TimeInterval(wallSeconds - offsetBefore))
    }

    /// What this zone's clocks read at `instant`, to the second.
    public func wallClock(at instant: Date) -> LocalDateTime {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(secondsSinceEpoch: seconds + offsetSeconds(at: seconds))
    }

    /// The offset from UTC in seconds at the instant `secondsSince1970`.
    func offsetSeconds(at secondsSince1970: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }
}
