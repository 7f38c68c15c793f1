import Testing

@testable import RhythmCore

/// A rule text that must be refused, with the problem a person should be shown.
struct InvalidRuleCase: Sendable, CustomTestStringConvertible {
    var text: String
    var part: String?
    var offset: Int
    /// A piece of the message that tells the person what to do.
    var message: String

    init(_ text: String, _ part: String?, at offset: Int, _ message: String) {
        self.text = text
        self.part = part
        self.offset = offset
        self.message = message
    }

    var testDescription: String { text.isEmpty ? "(empty)" : text }
}

@Suite struct RecurrenceRuleParserTests {
    @Test("a full rule parses into its parts")
    func parsesEveryPart() throws {
        let rule = try RecurrenceRule(
            parsing: "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYSECOND=5;BYMINUTE=30;BYHOUR=9,17;BYDAY=MO,-1FR;"
                + "BYMONTHDAY=1,-1;BYYEARDAY=100;BYMONTH=1,7;BYSETPOS=1,-1;WKST=SU")
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.end == .count(10))
        #expect(rule.bySecond == [5])
        #expect(rule.byMinute == [30])
        #expect(rule.byHour == [9, 17])
        #expect(rule.byDay == [.init(.monday), .init(.friday, ordinal: -1)])
        #expect(rule.byMonthDay == [1, -1])
        #expect(rule.byYearDay == [100])
        #expect(rule.byMonth == [1, 7])
        #expect(rule.bySetPosition == [1, -1])
        #expect(rule.weekStart == .sunday)
    }

    @Test(
        "the RRULE: prefix is optional and names and values ignore case",
        arguments: [
            "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "rrule:freq=monthly;interval=2;byday=2tu",
            "Freq=Monthly;Interval=2;ByDay=+2Tu", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;\r\n",
        ])
    func prefixAndCase(text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule == RecurrenceRule(frequency: .monthly, interval: 2, byDay: [.init(.tuesday, ordinal: 2)]))
    }

    @Test("parts left out take their RFC defaults")
    func defaults() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY")
        #expect(rule == RecurrenceRule(frequency: .daily))
        #expect(rule.interval == 1)
        #expect(rule.end == .never)
        #expect(rule.weekStart == .monday)
    }

    @Test(
        "UNTIL is read in its three RFC forms",
        arguments: [
            ("UNTIL=20271231", RecurrenceRule.Until.date(LocalDate(year: 2027, month: 12, day: 31)!)),
            (
                "UNTIL=20271231T235959",
                .local(LocalDateTime(year: 2027, month: 12, day: 31, hour: 23, minute: 59, second: 59)!)
            ),
            (
                "UNTIL=20271231T235959Z",
                .utc(LocalDateTime(year: 2027, month: 12, day: 31, hour: 23, minute: 59, second: 59)!)
            ),
            (
                "until=20271231t235959z",
                .utc(LocalDateTime(year: 2027, month: 12, day: 31, hour: 23, minute: 59, second: 59)!)
            ),
        ])
    func untilForms(text: String, until: RecurrenceRule.Until) throws {
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;\(text)").end == .until(until))
    }

    static let invalidRules: [InvalidRuleCase] = [
        InvalidRuleCase("", nil, at: 0, "the rule is empty; it needs at least FREQ"),
        InvalidRuleCase("RRULE:", nil, at: 6, "the rule is empty"),
        InvalidRuleCase("BYDAY=MO", "FREQ", at: 0, "FREQ is missing; every rule needs one, for example FREQ=WEEKLY"),
        InvalidRuleCase(
            "FREQ=FORTNIGHTLY", "FREQ", at: 0,
            "FREQ: \"FORTNIGHTLY\" is not a frequency; use SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
        ),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYMONTHDAYS=3", "BYMONTHDAYS", at: 13,
            "\"BYMONTHDAYS\" is not a recurrence rule part; did you mean BYMONTHDAY?"),
        InvalidRuleCase("FREQ=DAILY;FREQUENCY=DAILY", "FREQUENCY", at: 11, "did you mean FREQ?"),
        InvalidRuleCase("FREQ=DAILY;BYHOURS=9", "BYHOURS", at: 11, "did you mean BYHOUR?"),
        InvalidRuleCase(
            "FREQ=DAILY;COLOUR=RED", "COLOUR", at: 11, "is not a recurrence rule part; use one of FREQ, INTERVAL"),
        InvalidRuleCase(
            "FREQ=DAILY;COUNT=3;COUNT=4", "COUNT", at: 19,
            "COUNT is given twice; keep one COUNT part and list all its values in it"),
        InvalidRuleCase(
            "FREQ=DAILY;COUNT", "COUNT", at: 11, "\"COUNT\" has no value; every part is written NAME=VALUE"),
        InvalidRuleCase(
            "FREQ=WEEKLY;BYDAY=", "BYDAY", at: 12,
            "BYDAY has no value after \"=\"; write a value, for example BYDAY=MO,WE"),
        InvalidRuleCase("FREQ=DAILY;;COUNT=2", nil, at: 11, "there is an empty part between two semicolons"),
        InvalidRuleCase("FREQ=WEEKLY;BYDAY=MO,,TU", "BYDAY", at: 12, "BYDAY has an empty value between commas"),
        InvalidRuleCase("FREQ=DAILY;BYHOUR=9,,17", "BYHOUR", at: 11, "BYHOUR has an empty value between commas"),
        InvalidRuleCase(
            "FREQ=DAILY;INTERVAL=0", "INTERVAL", at: 11,
            "INTERVAL: \"0\" is out of range; use a whole number of 1 or more"),
        InvalidRuleCase(
            "FREQ=DAILY;INTERVAL=two", "INTERVAL", at: 11,
            "INTERVAL: \"two\" is not a whole number; write digits, e.g. INTERVAL=2"),
        InvalidRuleCase("FREQ=DAILY;COUNT=0", "COUNT", at: 11, "COUNT: \"0\" is out of range"),
        InvalidRuleCase("FREQ=DAILY;COUNT=-3", "COUNT", at: 11, "COUNT: \"-3\" is out of range"),
        InvalidRuleCase(
            "FREQ=MINUTELY;BYSECOND=61", "BYSECOND", at: 14,
            "BYSECOND: \"61\" is out of range; use a second from 0 to 60"),
        InvalidRuleCase(
            "FREQ=HOURLY;BYMINUTE=60", "BYMINUTE", at: 12, "BYMINUTE: \"60\" is out of range; use a minute from 0 to 59"
        ),
        InvalidRuleCase(
            "FREQ=DAILY;BYHOUR=24", "BYHOUR", at: 11, "BYHOUR: \"24\" is out of range; use an hour from 0 to 23"),
        InvalidRuleCase(
            "FREQ=DAILY;BYHOUR=9am", "BYHOUR", at: 11, "BYHOUR: \"9am\" is not a whole number; use an hour from 0 to 23"
        ),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY", at: 13,
            "BYMONTHDAY: \"0\" is out of range; use 1 to 31, or -1 to -31 to count from the end of the month"),
        InvalidRuleCase("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY", at: 13, "BYMONTHDAY: \"32\" is out of range"),
        InvalidRuleCase("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY", at: 13, "BYMONTHDAY: \"-32\" is out of range"),
        InvalidRuleCase(
            "FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY", at: 12, "BYYEARDAY: \"367\" is out of range; use 1 to 366"),
        InvalidRuleCase("FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY", at: 12, "BYYEARDAY: \"0\" is out of range"),
        InvalidRuleCase(
            "FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO", at: 12, "BYWEEKNO: \"54\" is out of range; use a week from 1 to 53"),
        InvalidRuleCase("FREQ=YEARLY;BYWEEKNO=-54", "BYWEEKNO", at: 12, "BYWEEKNO: \"-54\" is out of range"),
        InvalidRuleCase(
            "FREQ=YEARLY;BYMONTH=13", "BYMONTH", at: 12,
            "BYMONTH: \"13\" is out of range; use a month from 1 (January) to 12"),
        InvalidRuleCase("FREQ=YEARLY;BYMONTH=0", "BYMONTH", at: 12, "BYMONTH: \"0\" is out of range"),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS", at: 22, "BYSETPOS: \"0\" is out of range; use 1 to 366"),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-367", "BYSETPOS", at: 22, "BYSETPOS: \"-367\" is out of range"),
        InvalidRuleCase(
            "FREQ=WEEKLY;BYDAY=2TX", "BYDAY", at: 12,
            "BYDAY: \"2TX\" is not a weekday; use MO, TU, WE, TH, FR, SA or SU, optionally preceded by an ordinal such as 2TU or -1FR"
        ),
        InvalidRuleCase("FREQ=WEEKLY;BYDAY=MONDAY", "BYDAY", at: 12, "BYDAY: \"MONDAY\" is not a weekday"),
        InvalidRuleCase("FREQ=MONTHLY;BYDAY=xMO", "BYDAY", at: 13, "BYDAY: \"xMO\" is not a weekday"),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYDAY=6FR", "BYDAY", at: 13,
            "BYDAY: the ordinal in \"6FR\" is out of range; a month has at most 5 of each weekday; use 1 to 5, or -1 to -5"
        ),
        InvalidRuleCase("FREQ=MONTHLY;BYDAY=0FR", "BYDAY", at: 13, "BYDAY: the ordinal in \"0FR\" is out of range"),
        InvalidRuleCase(
            "FREQ=YEARLY;BYDAY=54MO", "BYDAY", at: 12,
            "BYDAY: the ordinal in \"54MO\" is out of range; use 1 to 53, or -1 to -53"),
        InvalidRuleCase(
            "FREQ=WEEKLY;WKST=XX", "WKST", at: 12, "WKST: \"XX\" is not a weekday; use MO, TU, WE, TH, FR, SA or SU"),
        InvalidRuleCase(
            "FREQ=DAILY;COUNT=5;UNTIL=20270101", "UNTIL", at: 19,
            "COUNT and UNTIL cannot both be given; keep COUNT to stop after a number of occurrences, or UNTIL to stop at a date"
        ),
        InvalidRuleCase("FREQ=DAILY;UNTIL=20270101;COUNT=5", "COUNT", at: 26, "COUNT and UNTIL cannot both be given"),
        InvalidRuleCase(
            "FREQ=DAILY;UNTIL=2027-01-01", "UNTIL", at: 11,
            "UNTIL: \"2027-01-01\" is not a date; write YYYYMMDD (20271231), a local time YYYYMMDDTHHMMSS"),
        InvalidRuleCase("FREQ=DAILY;UNTIL=20270230", "UNTIL", at: 11, "UNTIL: \"20270230\" is not a date"),
        InvalidRuleCase(
            "FREQ=DAILY;UNTIL=20270101T250000", "UNTIL", at: 11, "UNTIL: \"20270101T250000\" is not a date"),
        InvalidRuleCase("FREQ=DAILY;UNTIL=20270101T1000Z", "UNTIL", at: 11, "is not a date"),
        InvalidRuleCase("FREQ=DAILY;UNTIL=20270101T100000+01", "UNTIL", at: 11, "is not a date"),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO", at: 13,
            "BYWEEKNO only works with FREQ=YEARLY, not FREQ=MONTHLY; remove BYWEEKNO or change FREQ to YEARLY"),
        InvalidRuleCase("FREQ=DAILY;BYYEARDAY=3", "BYYEARDAY", at: 11, "BYYEARDAY cannot be used with FREQ=DAILY"),
        InvalidRuleCase("FREQ=WEEKLY;BYYEARDAY=3", "BYYEARDAY", at: 12, "BYYEARDAY cannot be used with FREQ=WEEKLY"),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYYEARDAY=3", "BYYEARDAY", at: 13,
            "BYYEARDAY cannot be used with FREQ=MONTHLY; use FREQ=YEARLY, or pick days with BYMONTHDAY or BYDAY"),
        InvalidRuleCase(
            "FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY", at: 12,
            "BYMONTHDAY cannot be used with FREQ=WEEKLY; pick weekdays with BYDAY, or use FREQ=MONTHLY"),
        InvalidRuleCase(
            "FREQ=WEEKLY;BYDAY=MO,2TU", "BYDAY", at: 12,
            "BYDAY: \"2TU\" has an ordinal, which only works with FREQ=MONTHLY or FREQ=YEARLY, not FREQ=WEEKLY; write TU for every Tuesday"
        ),
        InvalidRuleCase(
            "FREQ=DAILY;BYDAY=-1FR", "BYDAY", at: 11,
            "BYDAY: \"-1FR\" has an ordinal, which only works with FREQ=MONTHLY"),
        InvalidRuleCase(
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "BYDAY", at: 24,
            "BYDAY: \"1MO\" has an ordinal, which cannot be combined with BYWEEKNO; write MO for the Monday of the chosen weeks"
        ),
        InvalidRuleCase(
            "FREQ=MONTHLY;BYSETPOS=-1", "BYSETPOS", at: 13,
            "BYSETPOS picks from the set that other BY parts build, but there are none; add one such as BYDAY or BYMONTHDAY"
        ),
    ]

    @Test("invalid rules are refused with the part, offset and advice a person needs", arguments: invalidRules)
    func invalidRule(_ invalid: InvalidRuleCase) throws {
        let error = try #require(throws: RecurrenceRuleError.self) { try RecurrenceRule(parsing: invalid.text) }
        #expect(error.problems.count == 1, "\(error.problems)")
        let problem = try #require(error.problems.first)
        #expect(problem.part == invalid.part)
        #expect(problem.offset == invalid.offset)
        #expect(problem.message.contains(invalid.message), "\(problem.message)")
    }

    @Test("every problem in the text is reported, in text order, not only the first")
    func reportsAllProblems() throws {
        let text = "FREQ=WEEKLY;BYDAY=2TX;INTERVAL=0;BYHOUR=25;BYMONTHDAY=3;BYWEEKDAY=MO"
        let error = try #require(throws: RecurrenceRuleError.self) { try RecurrenceRule(parsing: text) }
        #expect(error.problems.map(\.part) == ["BYDAY", "INTERVAL", "BYHOUR", "BYMONTHDAY", "BYWEEKDAY"])
        #expect(error.problems.map(\.offset) == [12, 22, 33, 43, 56])
        #expect(error.description.hasPrefix("The recurrence rule is not valid:\n  at character 13: BYDAY: \"2TX\""))
        #expect(error.code == "invalid-recurrence-rule")
    }

    @Test("a part repeated after an invalid first value is still reported as repeated")
    func repeatAfterInvalid() throws {
        let error = try #require(throws: RecurrenceRuleError.self) {
            try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=;BYDAY=MO")
        }
        #expect(error.problems.map(\.offset) == [12, 19])
        #expect(error.problems.last?.message.contains("BYDAY is given twice") == true)
    }

    @Test("offsets count the RRULE: prefix so that they point into the text as given")
    func offsetsIncludePrefix() throws {
        let error = try #require(throws: RecurrenceRuleError.self) {
            try RecurrenceRule(parsing: "RRULE:FREQ=WEEKLY;BYDAY=XX")
        }
        #expect(error.problems.map(\.offset) == [18])
    }

    @Test("a BYSETPOS with another BY part and a BYDAY ordinal within limits are accepted")
    func validCombinations() throws {
        _ = try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=9,17;BYSETPOS=-1")
        _ = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-5FR")
        _ = try RecurrenceRule(parsing: "FREQ=YEARLY;BYDAY=53MO")
        _ = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        _ = try RecurrenceRule(parsing: "FREQ=MINUTELY;BYSECOND=60")
    }

    @Test("suggestions pick the closest part name and none when nothing is close")
    func suggestions() {
        #expect(RecurrenceRuleParser.closestPartName(to: "BYMONHTDAY") == "BYMONTHDAY")
        #expect(RecurrenceRuleParser.closestPartName(to: "INTERVALS") == "INTERVAL")
        #expect(RecurrenceRuleParser.closestPartName(to: "WKSTART") == "WKST")
        #expect(RecurrenceRuleParser.closestPartName(to: "COLOUR") == nil)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array("teh"), Array("the")) == 1)
    }

    @Test(
        "the weekday part's names from other libraries are answered with BYDAY",
        arguments: ["BYWEEKDAY", "byweekday", "BYWEEKDAYS", "WEEKDAY", "BYDAYS"])
    func weekdayAliases(name: String) throws {
        #expect(RecurrenceRuleParser.closestPartName(to: name) == "BYDAY")
        let error = try #require(throws: RecurrenceRuleError.self) {
            try RecurrenceRule(parsing: "FREQ=WEEKLY;\(name)=MO")
        }
        #expect(
            error.problems.map(\.message) == [
                "\"\(name.uppercased())\" is not a recurrence rule part; did you mean BYDAY?"
            ])
    }
}
