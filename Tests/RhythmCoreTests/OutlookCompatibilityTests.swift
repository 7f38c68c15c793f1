import Testing

@testable import RhythmCore

/// Which rules Outlook's recurrence templates can hold (MS-OXCICAL 2.1.3.2.2).
@Suite struct OutlookCompatibilityTests {
    @Test(
        "rules that fit an Outlook template raise nothing",
        arguments: [
            "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;BYDAY=MO",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
            "FREQ=YEARLY;BYMONTH=5;BYDAY=3SA", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=1",
            "FREQ=MONTHLY;INTERVAL=6;BYDAY=3SA",
        ]
    )
    func compatible(rule: String) throws {
        #expect(try RecurrenceRule(parsing: rule).outlookIncompatibilities == [])
    }

    @Test(
        "rules outside the templates say why",
        arguments: [
            ("FREQ=HOURLY;INTERVAL=3", "no hourly recurrence"),
            ("FREQ=DAILY;BYHOUR=9,15", "several times of day"),
            ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "week-number"),
            ("FREQ=YEARLY;BYYEARDAY=1,100", "day-of-year"),
            ("FREQ=DAILY;COUNT=1000", "at most 999"),
            ("FREQ=DAILY;BYDAY=MO,WE", "every day or every weekday"),
            ("FREQ=DAILY;BYMONTH=1", "cannot name months"),
            ("FREQ=YEARLY;BYMONTH=5,10;BYDAY=3SA", "one month per rule"),
            ("FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=1", "cannot be limited to some months"),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", "one day of the month"),
            ("FREQ=MONTHLY;BYMONTHDAY=-3", "only to the last day"),
            ("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "cannot combine a day of the month"),
            ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", "one position per rule"),
            ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "BYSETPOS=-2"),
            ("FREQ=MONTHLY;BYDAY=1SU,-1SU", "one Nth weekday"),
            ("FREQ=MONTHLY;BYDAY=5FR", "first to fourth and the last weekday"),
        ]
    )
    func incompatible(rule: String, reason: String) throws {
        let reasons = try RecurrenceRule(parsing: rule).outlookIncompatibilities
        #expect(reasons.contains { $0.contains(reason) }, "\(reasons)")
    }

    @Test(
        "a day of the month that shorter months lack is one Outlook moves to their last day",
        arguments: [
            ("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31T10:00", "day 31", "28 February"),
            ("FREQ=MONTHLY;BYMONTHDAY=30", "2027-01-30T10:00", "day 30", "28 February"),
            ("FREQ=MONTHLY;BYMONTHDAY=29", "2027-01-29T10:00", "day 29", "28 February"),
            ("FREQ=MONTHLY", "2027-01-31T10:00", "day 31", "28 February"),
            ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", "2027-01-31T10:00", "day 31", "30 April"),
            ("FREQ=YEARLY", "2028-02-29T10:00", "day 29", "28 February"),
            ("FREQ=MONTHLY;BYMONTH=3,6;BYMONTHDAY=31", "2027-03-31T10:00", "day 31", "30 June"),
        ]
    )
    func movedMonthDays(rule: String, start: String, day: String, example: String) throws {
        let start = try #require(LocalDateTime(iso: start))
        let reason = try #require(try RecurrenceRule(parsing: rule).outlookMovedMonthDays(from: start))
        #expect(reason.contains("Outlook moves a meeting on \(day) of the month to the last day"), "\(reason)")
        #expect(reason.contains("such as \(example)"), "\(reason)")
    }

    @Test(
        "days every month in the rule has, and the last day, are left alone",
        arguments: [
            ("FREQ=MONTHLY;BYMONTHDAY=28", "2027-01-28T10:00"), ("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-31T10:00"),
            ("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31", "2027-01-31T10:00"), ("FREQ=YEARLY", "2027-03-31T10:00"),
            ("FREQ=MONTHLY;BYDAY=-1FR", "2027-01-29T10:00"), ("FREQ=WEEKLY", "2027-01-31T10:00"),
            ("FREQ=MONTHLY;BYMONTH=1,3,5;BYMONTHDAY=31", "2027-01-31T10:00"),
        ]
    )
    func unmovedMonthDays(rule: String, start: String) throws {
        let start = try #require(LocalDateTime(iso: start))
        #expect(try RecurrenceRule(parsing: rule).outlookMovedMonthDays(from: start) == nil)
    }
}
