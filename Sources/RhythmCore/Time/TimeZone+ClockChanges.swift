import Foundation

/// How a zone's clocks show one local reading on a day they change: never (the hour skipped
/// when they go forward) or twice (the hour repeated when they go back).
public enum ClockChange: Hashable, Sendable {
    /// The reading lies in the gap; `instant(for:)` shifts it forward by the gap's length,
    /// to the reading `shiftedTo`, as RFC 5545 section 3.3.5 asks.
    case skipped(shiftedTo: LocalDateTime, gapSeconds: Int)
    /// The reading happens twice; `instant(for:)` takes the `first` instant, as RFC 5545 asks.
    case repeated(first: Date, second: Date)
}

extension TimeZone {
    /// Whether `local` is a reading the clocks skip or show twice; nil when they show it once.
    public func clockChange(at local: LocalDateTime) -> ClockChange? {
        let first = instant(for: local)
        let shown = wallClock(at: first)
        if shown != local {
            return .skipped(shiftedTo: shown, gapSeconds: shown.secondsSinceEpoch - local.secondsSinceEpoch)
        }
        let wallSeconds = local.secondsSinceEpoch
        let offsets = Set([offsetSeconds(at: wallSeconds - 86_400), offsetSeconds(at: wallSeconds + 86_400)])
        for offset in offsets {
            let candidate = Date(timeIntervalSince1970: TimeInterval(wallSeconds - offset))
            if candidate > first, offsetSeconds(at: wallSeconds - offset) == offset {
                return .repeated(first: first, second: candidate)
            }
        }
        return nil
    }

    /// The reading that every calendar resolves the same way: `local` itself, or the reading
    /// the clocks really show at its instant when `local` lies in a gap.
    public func existingReading(for local: LocalDateTime) -> LocalDateTime {
        wallClock(at: instant(for: local))
    }
}
