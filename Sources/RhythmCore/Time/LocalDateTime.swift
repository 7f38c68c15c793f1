/// A date and wall-clock time with no zone: "10:00 on 6 April 2027", before anyone says where.
///
/// Meetings are defined in local time; the instant follows from the meeting's zone through
/// `TimeZone.instant(for:)`.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Creates a date-time when every field is in range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = LocalDate(year: year, month: month, day: day),
            let time = LocalTime(hour: hour, minute: minute, second: second)
        else { return nil }
        self.init(date: date, time: time)
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock (no zone applied).
    public var secondsSinceEpoch: Int { date.dayNumber * 86_400 + time.secondsSinceMidnight }

    /// Creates the wall-clock reading `seconds` after 1970-01-01T00:00:00.
    public init(secondsSinceEpoch seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.date = LocalDate(dayNumber: days)
        self.time = LocalTime(unchecked: seconds - days * 86_400)
    }

    /// The wall-clock reading `seconds` later, ignoring any zone.
    public func adding(seconds: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.time < rhs.time
    }
}

extension LocalDateTime: CustomStringConvertible {
    /// ISO 8601 extended form without offset, `2027-04-06T10:00:00`.
    public var description: String { "\(date)T\(time)" }
}
