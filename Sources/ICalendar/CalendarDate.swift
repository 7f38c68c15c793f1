/// A calendar day with no time and no zone, the iCalendar DATE type (`20270406`).
///
/// All-day events and public holidays are dates, not instants: 25 December is the same day in
/// every zone. The library keeps its own small type so that it depends on Foundation only.
public struct CalendarDate: Hashable, Comparable, Sendable {
    /// The proleptic Gregorian year, 1...9999 so that it fits the four digits RFC 5545 allows.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date when it exists in the Gregorian calendar and has a four-digit year.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date `dayNumber` days after 1970-01-01 (negative before it).
    init(dayNumber: Int) {
        // Civil-from-days over 400-year eras (the Gregorian cycle), valid for any day number.
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        self.day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        self.month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01, the basis for weekday and offset arithmetic.
    var dayNumber: Int {
        Self.dayNumber(year: year, month: month, day: day)
    }

    /// The ISO weekday, 1 = Monday ... 7 = Sunday.
    var isoWeekday: Int {
        Self.isoWeekday(dayNumber: dayNumber)
    }

    /// Days from 1970-01-01 to a Gregorian date given as fields (days-from-civil over 400-year
    /// eras), for arithmetic on fields the caller knows to be valid.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO weekday of a day number (1970-01-01 was a Thursday).
    static func isoWeekday(dayNumber: Int) -> Int {
        let remainder = (dayNumber + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    /// The number of days in `month` of `year` in the Gregorian calendar.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Orders dates chronologically.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
