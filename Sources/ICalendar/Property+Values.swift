import Foundation

/// Typed constructors, so that callers never format or escape a value by hand.
///
/// Parameters a value type needs (`VALUE=DATE`, `TZID=...`) come first, then the caller's own,
/// so the written bytes depend only on the inputs.
extension Property {
    /// A TEXT property (SUMMARY, DESCRIPTION, LOCATION, X-WR-CALNAME), escaped for the wire.
    public static func text(_ name: String, _ text: String, parameters: [Parameter] = []) -> Property {
        Property(name, parameters: parameters, value: TextEscaping.escaped(text))
    }

    /// A DATE property with `VALUE=DATE`, for all-day events and holidays.
    public static func date(_ name: String, _ date: CalendarDate, parameters: [Parameter] = []) -> Property {
        Property(name, parameters: [.valueDate] + parameters, value: date.rfc5545Text)
    }

    /// A DATE-TIME property; a zoned value gets its `TZID` parameter, which must name a
    /// VTIMEZONE in the same calendar.
    public static func dateTime(_ name: String, _ value: DateTime, parameters: [Parameter] = []) -> Property {
        let zone = value.timeZoneID.map { [Parameter.timeZoneID($0)] } ?? []
        return Property(name, parameters: zone + parameters, value: value.rfc5545Text)
    }

    /// A DURATION property (DURATION, TRIGGER, REFRESH-INTERVAL, X-PUBLISHED-TTL).
    public static func duration(_ name: String, _ value: DurationValue, parameters: [Parameter] = []) -> Property {
        Property(name, parameters: parameters, value: value.rfc5545Text)
    }

    /// A list of PERIOD values; RDATE gets `VALUE=PERIOD`, which FREEBUSY must not have
    /// because PERIOD is its only type.
    public static func periods(_ name: String, _ periods: [Period], parameters: [Parameter] = []) -> Property {
        let normalized = ContentName.normalized(name)
        let value = normalized == "RDATE" ? [Parameter.valuePeriod] : []
        return Property(
            normalized, parameters: value + parameters, value: periods.map(\.rfc5545Text).joined(separator: ","))
    }

    /// A UTC-OFFSET property (TZOFFSETFROM, TZOFFSETTO).
    public static func utcOffset(_ name: String, _ offset: UTCOffset) -> Property {
        Property(name, value: offset.rfc5545Text)
    }

    /// A URI or CAL-ADDRESS property (URL, ORGANIZER, ATTENDEE): written as given, since RFC
    /// 5545 does not escape these types; control characters are removed.
    public static func uri(_ name: String, _ uri: String, parameters: [Parameter] = []) -> Property {
        Property(name, parameters: parameters, value: uri)
    }

    /// An INTEGER property (SEQUENCE, PRIORITY, REPEAT).
    public static func integer(_ name: String, _ value: Int, parameters: [Parameter] = []) -> Property {
        Property(name, parameters: parameters, value: String(value))
    }

    /// A list of dates with `VALUE=DATE`, for RDATE and EXDATE of all-day series.
    public static func dates(_ name: String, _ dates: [CalendarDate], parameters: [Parameter] = []) -> Property {
        Property(name, parameters: [.valueDate] + parameters, value: dates.map(\.rfc5545Text).joined(separator: ","))
    }

    /// A list of local date-times sharing one zone (or floating when `timeZoneID` is nil), for
    /// RDATE and EXDATE; RFC 5545 allows only one TZID per property.
    public static func dateTimes(
        _ name: String, _ clocks: [WallClock], timeZoneID: String?, parameters: [Parameter] = []
    ) -> Property {
        let zone = timeZoneID.map { [Parameter.timeZoneID($0)] } ?? []
        return Property(name, parameters: zone + parameters, value: clocks.map(\.rfc5545Text).joined(separator: ","))
    }

    /// A list of UTC date-times, for RDATE and EXDATE of series stated in UTC.
    public static func dateTimes(_ name: String, utc instants: [Date], parameters: [Parameter] = []) -> Property {
        Property(
            name, parameters: parameters,
            value: instants.map { DateTime.utc($0).rfc5545Text }.joined(separator: ","))
    }

    /// A RECUR property from a rule the caller has already formatted (Rhythm's RRULE type
    /// owns that grammar); written as given, minus control characters.
    public static func recurrenceRule(_ rule: String, name: String = "RRULE") -> Property {
        Property(name, value: rule)
    }
}
