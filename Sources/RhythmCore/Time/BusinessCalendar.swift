/// Which days are working days for the initiative: Monday to Friday, outside its holidays
/// and shutdown periods.
///
/// Deadlines such as "data is due five business days before the review" count in these
/// days, so they never land on a weekend or in the Christmas shutdown. Reminder offsets count
/// weekdays only and use this calendar to place what lands on a non-business day (see
/// `ReminderRule.NonBusinessDays`).
public struct BusinessCalendar: Hashable, Sendable {
    public var holidays: [HolidayPeriod]

    public init(holidays: [HolidayPeriod]) {
        self.holidays = holidays
    }

    /// Whether `date` is a weekday that no holiday covers.
    public func isBusinessDay(_ date: LocalDate) -> Bool {
        !date.weekday.isWeekend && !holidays.contains { $0.contains(date) }
    }

    /// The business day `count` business days before `date`: with `count` 5 and a Thursday
    /// review, the Thursday a week earlier. `count` 0 gives `date` itself, whatever it is.
    public func date(businessDays count: Int, before date: LocalDate) -> LocalDate {
        var day = date
        var remaining = max(count, 0)
        while remaining > 0 {
            day = day.adding(days: -1)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The business day `count` business days after `date`; `count` 0 gives `date` itself.
    public func date(businessDays count: Int, after date: LocalDate) -> LocalDate {
        var day = date
        var remaining = max(count, 0)
        while remaining > 0 {
            day = day.adding(days: 1)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// `date` when it is a business day, otherwise the first business day after it.
    public func businessDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// How many business days lie after `start` up to and including `end`: 0 when `end`
    /// is not after `start`. From a Friday to the next Monday is 1.
    public func businessDays(from start: LocalDate, to end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isBusinessDay(day) { count += 1 }
        }
        return count
    }
}
