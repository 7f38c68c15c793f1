/// An RFC 5545 recurrence rule (the value of an RRULE property), as plain data.
///
/// Parse one with `RecurrenceRule(parsing:)`, write one with `rfc5545Text`, and expand it with
/// `occurrences(from:in:through:)`.
///
/// Every `by…` list is empty when the rule does not name that part.
public struct RecurrenceRule: Hashable, Sendable {
    /// FREQ: the unit that the rule repeats in.
    public enum Frequency: String, CaseIterable, Hashable, Sendable {
        case secondly = "SECONDLY"
        case minutely = "MINUTELY"
        case hourly = "HOURLY"
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// One BYDAY entry: a weekday, optionally with an ordinal (`2TU`, `-1FR`).
    public struct WeekdayOccurrence: Hashable, Sendable {
        /// 1 for the first in the month or year, -1 for the last; nil for every one.
        public var ordinal: Int?
        public var weekday: Weekday

        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    /// UNTIL: the last instant a rule may produce, in one of the forms RFC 5545 allows.
    public enum Until: Hashable, Sendable {
        /// `UNTIL=20271231`: through the end of that local date.
        case date(LocalDate)
        /// `UNTIL=20271231T235959`: a local wall-clock reading in the rule's zone.
        case local(LocalDateTime)
        /// `UNTIL=20271231T235959Z`: a UTC reading.
        case utc(LocalDateTime)
    }

    /// How the rule ends: never, after a number of occurrences, or at a date.
    public enum End: Hashable, Sendable {
        case never
        case count(Int)
        case until(Until)
    }

    public var frequency: Frequency
    /// INTERVAL, at least 1.
    public var interval: Int
    public var end: End
    public var bySecond: [Int]
    public var byMinute: [Int]
    public var byHour: [Int]
    public var byDay: [WeekdayOccurrence]
    /// BYMONTHDAY, 1...31 or -31...-1.
    public var byMonthDay: [Int]
    /// BYYEARDAY, 1...366 or -366...-1.
    public var byYearDay: [Int]
    /// BYWEEKNO, 1...53 or -53...-1 (ISO-style weeks that start on `weekStart`).
    public var byWeekNumber: [Int]
    /// BYMONTH, 1...12.
    public var byMonth: [Int]
    /// BYSETPOS, 1...366 or -366...-1.
    public var bySetPosition: [Int]
    /// WKST, Monday unless the rule says otherwise.
    public var weekStart: Weekday

    public init(
        frequency: Frequency,
        interval: Int = 1,
        end: End = .never,
        bySecond: [Int] = [],
        byMinute: [Int] = [],
        byHour: [Int] = [],
        byDay: [WeekdayOccurrence] = [],
        byMonthDay: [Int] = [],
        byYearDay: [Int] = [],
        byWeekNumber: [Int] = [],
        byMonth: [Int] = [],
        bySetPosition: [Int] = [],
        weekStart: Weekday = .monday
    ) {
        self.frequency = frequency
        self.interval = interval
        self.end = end
        self.bySecond = bySecond
        self.byMinute = byMinute
        self.byHour = byHour
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byYearDay = byYearDay
        self.byWeekNumber = byWeekNumber
        self.byMonth = byMonth
        self.bySetPosition = bySetPosition
        self.weekStart = weekStart
    }
}
