import Foundation

/// Typed accessors, the reading side of `Property+Values.swift`, for importing other people's
/// calendars (public holidays) and for round-trip tests.
///
/// Each accessor throws `ICalendarError` with code `invalidValue` and a message naming the
/// property when the value does not have the requested form.
extension Property {
    /// The TEXT value with its escapes undone.
    public var textValue: String {
        TextEscaping.unescaped(value)
    }

    /// The DATE value, for properties with `VALUE=DATE`.
    public func dateValue() throws(ICalendarError) -> CalendarDate {
        do { return try CalendarDate(rfc5545Text: value) } catch { throw named(error) }
    }

    /// The DATE-TIME value, zoned when the property has a TZID parameter.
    public func dateTimeValue() throws(ICalendarError) -> DateTime {
        do { return try DateTime(rfc5545Text: value, timeZoneID: zoneID) } catch { throw named(error) }
    }

    /// A DTSTART-like value, a DATE when `VALUE=DATE` says so, otherwise a DATE-TIME.
    public func dateOrDateTimeValue() throws(ICalendarError) -> DateOrDateTime {
        do { return try Self.dateOrDateTime(Substring(value), isDate: isDate, timeZoneID: zoneID) } catch {
            throw named(error)
        }
    }

    /// The comma-separated values of RDATE or EXDATE, all in the property's one zone.
    public func dateOrDateTimeListValue() throws(ICalendarError) -> [DateOrDateTime] {
        var values: [DateOrDateTime] = []
        for item in value.split(separator: ",") {
            do { values.append(try Self.dateOrDateTime(item, isDate: isDate, timeZoneID: zoneID)) } catch {
                throw named(error)
            }
        }
        return values
    }

    /// The DURATION value.
    public func durationValue() throws(ICalendarError) -> DurationValue {
        do { return try DurationValue(rfc5545Text: value) } catch { throw named(error) }
    }

    /// The UTC-OFFSET value of TZOFFSETFROM or TZOFFSETTO.
    public func utcOffsetValue() throws(ICalendarError) -> UTCOffset {
        do { return try UTCOffset(rfc5545Text: value) } catch { throw named(error) }
    }

    /// The INTEGER value, with an optional sign as RFC 5545 §3.3.8 allows.
    public func integerValue() throws(ICalendarError) -> Int {
        guard let number = Int(value) else {
            throw ICalendarError(
                code: .invalidValue, line: nil, message: "\(name): expected an INTEGER, found '\(value)'")
        }
        return number
    }

    private var isDate: Bool { parameter("VALUE")?.value.uppercased() == "DATE" }

    private var zoneID: String? { parameter("TZID")?.value }

    private static func dateOrDateTime(
        _ text: Substring, isDate: Bool, timeZoneID: String?
    ) throws(ICalendarError) -> DateOrDateTime {
        if isDate { return .date(try CalendarDate(rfc5545Text: text)) }
        return .dateTime(try DateTime(rfc5545Text: text, timeZoneID: timeZoneID))
    }

    /// `error` with the property name in front, so the message says which property failed.
    private func named(_ error: ICalendarError) -> ICalendarError {
        ICalendarError(code: error.code, line: error.line, message: "\(name): \(error.message)")
    }
}
