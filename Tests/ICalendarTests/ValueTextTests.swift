import Foundation
import Testing

@testable import ICalendar

@Suite struct ValueTextTests {
    static let instant = Date(timeIntervalSince1970: 1_806_969_600)  // 2027-04-06T00:00:00Z
    static let clock = WallClock(year: 2027, month: 4, day: 6, hour: 10, minute: 30)!

    @Test("DATE is written as eight digits with VALUE=DATE")
    func date() throws {
        let property = Property.date("DTSTART", try #require(CalendarDate(year: 2027, month: 4, day: 6)))
        #expect(property.contentLine == "DTSTART;VALUE=DATE:20270406")
        #expect(try property.dateOrDateTimeValue() == .date(CalendarDate(year: 2027, month: 4, day: 6)!))
    }

    @Test("DATE-TIME is written in its UTC, floating and zoned forms")
    func dateTimes() throws {
        let utc = Property.dateTime("DTSTAMP", .utc(Self.instant.addingTimeInterval(0.75)))
        #expect(utc.contentLine == "DTSTAMP:20270406T000000Z")
        #expect(try utc.dateTimeValue() == .utc(Self.instant))
        let floating = Property.dateTime("DTSTART", .floating(Self.clock))
        #expect(floating.contentLine == "DTSTART:20270406T103000")
        #expect(try floating.dateTimeValue() == .floating(Self.clock))
        let zoned = Property.dateTime("DTSTART", .zoned(Self.clock, timeZoneID: "Australia/Melbourne"))
        #expect(zoned.contentLine == "DTSTART;TZID=Australia/Melbourne:20270406T103000")
        #expect(try zoned.dateTimeValue() == .zoned(Self.clock, timeZoneID: "Australia/Melbourne"))
        #expect(try zoned.dateOrDateTimeValue() == .dateTime(.zoned(Self.clock, timeZoneID: "Australia/Melbourne")))
    }

    @Test("UTC date-times before 1970 and at the end of a day are exact")
    func utcEdges() {
        #expect(DateTime.utc(Date(timeIntervalSince1970: -1)).rfc5545Text == "19691231T235959Z")
        #expect(DateTime.utc(Date(timeIntervalSince1970: 951_782_400)).rfc5545Text == "20000229T000000Z")
    }

    @Test(
        "DURATION has the exact text of RFC 5545 3.3.6",
        arguments: [
            (DurationValue(hours: 1, minutes: 30), "PT1H30M"),
            (DurationValue(days: 1), "P1D"),
            (DurationValue(minutes: -15), "-PT15M"),
            (DurationValue(minutes: 15, negative: true), "-PT15M"),
            (DurationValue(weeks: 2), "P2W"),
            (DurationValue(days: 14), "P2W"),
            (DurationValue(days: 1, hours: 2), "P1DT2H"),
            (DurationValue(hours: 1, seconds: 5), "PT1H0M5S"),
            (DurationValue(seconds: 90), "PT1M30S"),
            (DurationValue(), "PT0S"),
        ])
    func duration(value: DurationValue, text: String) throws {
        #expect(value.rfc5545Text == text)
        #expect(try DurationValue(rfc5545Text: text) == value)
    }

    @Test("DURATION reads weeks, a plus sign and nominal seconds")
    func durationReading() throws {
        #expect(try DurationValue(rfc5545Text: "+P1W").nominalSeconds == 604_800)
        #expect(try DurationValue(rfc5545Text: "-P1DT1S").nominalSeconds == -86_401)
        #expect(try Property("TRIGGER", value: "-PT15M").durationValue() == DurationValue(minutes: -15))
    }

    @Test(
        "malformed durations are rejected",
        arguments: ["", "P", "PT", "P1DT", "1H", "PT1D", "P1H", "PT1M1H", "P1W1D", "P1WT1H", "PT-1H"])
    func badDuration(text: String) {
        #expect(throws: ICalendarError.self) { try DurationValue(rfc5545Text: text) }
    }

    @Test("PERIOD is written start/end or start/duration, with VALUE=PERIOD on RDATE only")
    func periods() {
        let explicit = Period(start: Self.instant, end: .at(Self.instant.addingTimeInterval(3600)))
        let relative = Period(start: Self.instant, end: .after(DurationValue(hours: 1, minutes: 30)))
        #expect(
            Property.periods("RDATE", [explicit, relative]).contentLine
                == "RDATE;VALUE=PERIOD:20270406T000000Z/20270406T010000Z,20270406T000000Z/PT1H30M")
        #expect(Property.periods("FREEBUSY", [relative]).contentLine == "FREEBUSY:20270406T000000Z/PT1H30M")
    }

    @Test(
        "UTC-OFFSET is signed HHMM with seconds only when non-zero",
        arguments: [(36_000, "+1000"), (-16_200, "-0430"), (0, "+0000"), (20_730, "+054530"), (-37, "-000037")])
    func utcOffset(seconds: Int, text: String) throws {
        #expect(UTCOffset(seconds: seconds).rfc5545Text == text)
        #expect(try Property.utcOffset("TZOFFSETTO", UTCOffset(seconds: seconds)).utcOffsetValue().seconds == seconds)
    }

    @Test("URI and CAL-ADDRESS are written unescaped")
    func uri() {
        #expect(
            Property.uri("URL", "https://example.org/a,b;c?d=e").contentLine == "URL:https://example.org/a,b;c?d=e")
        #expect(
            Property.uri("ORGANIZER", "mailto:ann@example.org", parameters: [Parameter("CN", "Ann")]).contentLine
                == "ORGANIZER;CN=Ann:mailto:ann@example.org")
    }

    @Test("INTEGER is written in decimal and read back with a sign")
    func integer() throws {
        #expect(Property.integer("SEQUENCE", 12).contentLine == "SEQUENCE:12")
        #expect(try Property("PRIORITY", value: "+3").integerValue() == 3)
        #expect(throws: ICalendarError.self) { try Property("SEQUENCE", value: "one").integerValue() }
    }

    @Test("RDATE and EXDATE lists share one TZID and read back in order")
    func lists() throws {
        let second = WallClock(year: 2027, month: 4, day: 13, hour: 10, minute: 30)!
        let zoned = Property.dateTimes("EXDATE", [Self.clock, second], timeZoneID: "Europe/London")
        #expect(zoned.contentLine == "EXDATE;TZID=Europe/London:20270406T103000,20270413T103000")
        #expect(
            try zoned.dateOrDateTimeListValue() == [
                .dateTime(.zoned(Self.clock, timeZoneID: "Europe/London")),
                .dateTime(.zoned(second, timeZoneID: "Europe/London")),
            ])
        let dates = Property.dates("EXDATE", [Self.clock.date, second.date])
        #expect(dates.contentLine == "EXDATE;VALUE=DATE:20270406,20270413")
        #expect(try dates.dateOrDateTimeListValue() == [.date(Self.clock.date), .date(second.date)])
        let utc = Property.dateTimes("RDATE", utc: [Self.instant, Self.instant.addingTimeInterval(86_400)])
        #expect(utc.contentLine == "RDATE:20270406T000000Z,20270407T000000Z")
        #expect(Property.dateTimes("RDATE", [Self.clock], timeZoneID: nil).contentLine == "RDATE:20270406T103000")
    }

    @Test("RECUR is taken as the caller formatted it")
    func recur() {
        #expect(
            Property.recurrenceRule("FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T130000Z").contentLine
                == "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T130000Z")
    }

    @Test(
        "malformed dates and date-times are rejected with the property name",
        arguments: ["2027-04-06", "20270230", "2027040", "20270406T25000", "20270406T240000", "20270406T1030"])
    func badDates(text: String) {
        #expect {
            _ = try Property("DTSTART", value: text).dateTimeValue()
        } throws: { error in
            (error as? ICalendarError)?.code == .invalidValue && "\(error)".hasPrefix("DTSTART: expected")
        }
    }

    @Test("wall-clock readings validate their fields, including leap days")
    func wallClockValidation() {
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(WallClock(year: 2027, month: 4, day: 6, hour: 24) == nil)
        #expect(WallClock(year: 2027, month: 4, day: 6, minute: 60) == nil)
    }
}
