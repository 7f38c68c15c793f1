import Foundation

extension TimeZone {
    /// The zone's UTC offset at `instant` as ISO 8601 writes it: `+10:00`, `-04:00`, `+05:30`.
    public func offsetText(at instant: Date) -> String {
        let seconds = offsetSeconds(at: Int(instant.timeIntervalSince1970.rounded(.down)))
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(ISO8601Digits.pad(minutes / 60, 2)):\(ISO8601Digits.pad(minutes % 60, 2))"
    }

    /// `instant` as this zone's wall clock with its offset: `2027-04-06T10:00:00+10:00`.
    public func iso8601(_ instant: Date) -> String {
        "\(wallClock(at: instant))\(offsetText(at: instant))"
    }
}
