import Foundation

extension QuietHours {
    /// `instant` itself when the clocks of `zone` then read outside the quiet span;
    /// otherwise the instant the span ends.
    ///
    /// The end is found on the wall clock (the right local day when the span crosses
    /// midnight), then turned into an instant with `TimeZone.instant(for:)`, so a night on
    /// which the clocks change still ends at the local time people set. An end that falls in
    /// a spring-forward gap moves forward by the gap, as RFC 5545 reads such times.
    public func deferring(_ instant: Date, in zone: TimeZone) -> Date {
        let local = zone.wallClock(at: instant)
        guard contains(local.time) else { return instant }
        let crossesMidnight = end < start
        let endDate = crossesMidnight && local.time >= start ? local.date.adding(days: 1) : local.date
        return zone.instant(for: LocalDateTime(date: endDate, time: end))
    }
}
