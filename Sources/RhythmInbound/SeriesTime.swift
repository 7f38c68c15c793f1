import Foundation
import ICalendar
import RhythmCore

/// Reads the times of a reply (RECURRENCE-ID, a proposed DTSTART) on a series' clock.
struct SeriesTime {
    let series: MeetingSeries

    /// The reading of `value` on the series' wall clock.
    ///
    /// A DATE is midnight of that day; a UTC value is converted to the series' zone; a floating
    /// value is taken as the series' own clock. A zoned value in another IANA zone is converted
    /// through its instant; a TZID that is no IANA name (Outlook writes Windows names such as
    /// `GMT Standard Time`, defined by a VTIMEZONE in the same message) is taken to be the
    /// series' zone, since the reply answers an invitation written in that zone.
    func localDateTime(_ value: DateOrDateTime) -> LocalDateTime {
        switch value {
        case .date(let date):
            return LocalDateTime(date: Self.localDate(date), time: .midnight)
        case .dateTime(.utc(let instant)):
            return series.timeZone.wallClock(at: instant)
        case .dateTime(.floating(let clock)):
            return Self.localDateTime(clock)
        case .dateTime(.zoned(let clock, let identifier)):
            guard let zone = TimeZone.named(identifier), zone.identifier != series.timeZone.identifier else {
                return Self.localDateTime(clock)
            }
            return series.timeZone.wallClock(at: zone.instant(for: Self.localDateTime(clock)))
        }
    }

    /// The instant `value` names, read as `localDateTime(_:)` reads it.
    func instant(_ value: DateOrDateTime) -> Date {
        if case .dateTime(.utc(let instant)) = value { return instant }
        return series.timeZone.instant(for: localDateTime(value))
    }

    private static func localDate(_ date: CalendarDate) -> LocalDate {
        // Both types hold only valid Gregorian dates with four-digit years.
        LocalDate(year: date.year, month: date.month, day: date.day)!
    }

    private static func localDateTime(_ clock: WallClock) -> LocalDateTime {
        LocalDateTime(
            date: localDate(clock.date), time: LocalTime(hour: clock.hour, minute: clock.minute, second: clock.second)!)
    }
}
