/// A reading of a wall clock, date plus time of day with no zone: "10:00 on 6 April 2027".
///
/// iCalendar writes local times as wall-clock readings and names the zone separately (the TZID
/// parameter), because the instant of a future meeting depends on time-zone rules that may
/// change before it happens. Seconds are 0...59; RFC 5545 leap seconds are not modelled.
public struct WallClock: Hashable, Comparable, Sendable {
    /// The calendar day.
    public let date: CalendarDate
    /// The hour, 0...23.
    public let hour: Int
    /// The minute, 0...59.
    public let minute: Int
    /// The second, 0...59.
    public let second: Int

    /// Creates a reading when every field is in range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// Creates a reading on `date` when the time fields are in range.
    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Creates the reading `seconds` after 1970-01-01T00:00:00 on the same clock.
    init(secondsSinceEpoch seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        self.date = CalendarDate(dayNumber: days)
        self.hour = secondOfDay / 3600
        self.minute = secondOfDay / 60 % 60
        self.second = secondOfDay % 60
    }

    /// Seconds since 1970-01-01T00:00:00 on the same clock, for offset arithmetic.
    var secondsSinceEpoch: Int {
        date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Orders readings as the clock would show them.
    public static func < (lhs: WallClock, rhs: WallClock) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
