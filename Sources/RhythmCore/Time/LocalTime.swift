/// A wall-clock time of day with no date and no zone, such as 10:00.
public struct LocalTime: Hashable, Comparable, Sendable {
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Creates a time when the fields are in range (a leap second 60 is not accepted).
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Midnight, the start of a day.
    public static let midnight = LocalTime(unchecked: 0)

    /// The same time without its seconds: 10:41:07 becomes 10:41.
    public var truncatedToMinutes: LocalTime { LocalTime(unchecked: secondsSinceMidnight - second) }

    /// Seconds since midnight.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// Creates the time `seconds` after midnight; `seconds` must be in 0..<86400.
    init(unchecked seconds: Int) {
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        second = seconds % 60
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}

extension LocalTime: CustomStringConvertible {
    /// `10:00:00`.
    public var description: String {
        "\(ISO8601Digits.pad(hour, 2)):\(ISO8601Digits.pad(minute, 2)):\(ISO8601Digits.pad(second, 2))"
    }
}
