/// A value that is either a DATE or a DATE-TIME, as DTSTART, DTEND, RDATE and EXDATE can be.
public enum DateOrDateTime: Hashable, Sendable {
    /// An all-day value, written with `VALUE=DATE`.
    case date(CalendarDate)
    /// A date and time in one of the three forms.
    case dateTime(DateTime)
}
