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
        ZoneOffsetTable.shared(for: self, at: local.secondsSinceEpoch).instant(for: local)
    }

    /// What this zone's clocks read at `instant`, to the second.
    public func wallClock(at instant: Date) -> LocalDateTime {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(secondsSinceEpoch: seconds + offsetSeconds(at: seconds))
    }

    /// The offset from UTC in seconds at the instant `secondsSince1970`.
    func offsetSeconds(at secondsSince1970: Int) -> Int {
        ZoneOffsetTable.shared(for: self, at: secondsSince1970).offsetSeconds(at: secondsSince1970)
    }
}
