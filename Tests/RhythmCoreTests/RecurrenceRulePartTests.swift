import Foundation
import Testing

@testable import RhythmCore

/// A rule, a DTSTART and the first occurrences it must give (DTSTART first, as RFC 5545 asks).
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var start: String
    var expected: [String]

    init(_ rule: String, from start: String, _ expected: [String]) {
        self.rule = rule
        self.start = start
        self.expected = expected
    }

    var testDescription: String { "\(rule) from \(start)" }
}

@Suite struct RecurrenceRulePartTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// Each part alone and in combination, for every frequency. The expected dates were
    /// worked out independently of this implementation (and checked against python-dateutil,
    /// adding DTSTART where it does not match the rule).
    static let cases: [RuleCase] = [
        RuleCase(
            "FREQ=SECONDLY;INTERVAL=20", from: "20270105T100050",
            ["2027-01-05T10:00:50", "2027-01-05T10:01:10", "2027-01-05T10:01:30", "2027-01-05T10:01:50"]),
        RuleCase(
            "FREQ=SECONDLY;BYSECOND=0,30", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-05T10:00:30", "2027-01-05T10:01:00", "2027-01-05T10:01:30"]),
        RuleCase(
            "FREQ=MINUTELY;BYMINUTE=0,30", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-05T10:30:00", "2027-01-05T11:00:00", "2027-01-05T11:30:00"]),
        RuleCase(
            "FREQ=MINUTELY;BYSECOND=0,30", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-05T10:00:30", "2027-01-05T10:01:00", "2027-01-05T10:01:30"]),
        RuleCase(
            "FREQ=HOURLY;BYHOUR=9,17", from: "20270105T090000",
            ["2027-01-05T09:00:00", "2027-01-05T17:00:00", "2027-01-06T09:00:00", "2027-01-06T17:00:00"]),
        RuleCase(
            "FREQ=HOURLY;BYMINUTE=0,30", from: "20270105T090000",
            ["2027-01-05T09:00:00", "2027-01-05T09:30:00", "2027-01-05T10:00:00", "2027-01-05T10:30:00"]),
        RuleCase(
            "FREQ=HOURLY;INTERVAL=5;BYHOUR=10,20", from: "20270105T000000",
            ["2027-01-05T00:00:00", "2027-01-05T10:00:00", "2027-01-05T20:00:00", "2027-01-10T10:00:00"]),
        RuleCase(
            "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=15", from: "20270105T091500",
            ["2027-01-05T09:15:00", "2027-01-05T17:15:00", "2027-01-06T09:15:00", "2027-01-06T17:15:00"]),
        RuleCase(
            "FREQ=DAILY;BYDAY=MO,WE,FR", from: "20270105T100000",
            [
                "2027-01-05T10:00:00", "2027-01-06T10:00:00", "2027-01-08T10:00:00", "2027-01-11T10:00:00",
                "2027-01-13T10:00:00",
            ]),
        RuleCase(
            "FREQ=DAILY;BYMONTHDAY=1,15", from: "20270105T100000",
            [
                "2027-01-05T10:00:00", "2027-01-15T10:00:00", "2027-02-01T10:00:00", "2027-02-15T10:00:00",
                "2027-03-01T10:00:00",
            ]),
        RuleCase(
            "FREQ=DAILY;BYMONTH=3", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-03-01T10:00:00", "2027-03-02T10:00:00", "2027-03-03T10:00:00"]),
        RuleCase(
            "FREQ=DAILY;BYHOUR=9,12,17;BYSETPOS=2", from: "20270105T090000",
            ["2027-01-05T09:00:00", "2027-01-05T12:00:00", "2027-01-06T12:00:00"]),
        RuleCase(
            "FREQ=WEEKLY;BYDAY=MO,FR", from: "20270105T100000",
            [
                "2027-01-05T10:00:00", "2027-01-08T10:00:00", "2027-01-11T10:00:00", "2027-01-15T10:00:00",
                "2027-01-18T10:00:00",
            ]),
        RuleCase(
            "FREQ=WEEKLY;BYMONTH=2", from: "20270105T100000",
            [
                "2027-01-05T10:00:00", "2027-02-02T10:00:00", "2027-02-09T10:00:00", "2027-02-16T10:00:00",
                "2027-02-23T10:00:00", "2028-02-01T10:00:00",
            ]),
        RuleCase(
            "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9,14", from: "20270105T090000",
            [
                "2027-01-05T09:00:00", "2027-01-05T14:00:00", "2027-01-07T09:00:00", "2027-01-07T14:00:00",
                "2027-01-12T09:00:00", "2027-01-12T14:00:00",
            ]),
        RuleCase(
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-09T10:00:00", "2027-01-30T10:00:00", "2027-02-20T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY;BYMONTHDAY=-1", from: "20270131T100000",
            [
                "2027-01-31T10:00:00", "2027-02-28T10:00:00", "2027-03-31T10:00:00", "2027-04-30T10:00:00",
                "2027-05-31T10:00:00",
            ]),
        RuleCase(
            "FREQ=MONTHLY;BYMONTHDAY=-1", from: "20280131T100000",
            ["2028-01-31T10:00:00", "2028-02-29T10:00:00", "2028-03-31T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY", from: "20270131T100000",
            [
                "2027-01-31T10:00:00", "2027-03-31T10:00:00", "2027-05-31T10:00:00", "2027-07-31T10:00:00",
                "2027-08-31T10:00:00",
            ]),
        RuleCase(
            "FREQ=MONTHLY;BYMONTHDAY=30", from: "20270130T100000",
            ["2027-01-30T10:00:00", "2027-03-30T10:00:00", "2027-04-30T10:00:00", "2027-05-30T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY;BYDAY=-1FR", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-29T10:00:00", "2027-02-26T10:00:00", "2027-03-26T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-01-25T10:00:00", "2027-02-22T10:00:00", "2027-03-29T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY;BYMONTH=1,6", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-06-05T10:00:00", "2028-01-05T10:00:00", "2028-06-05T10:00:00"]),
        RuleCase(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", from: "20270101T100000",
            [
                "2027-01-01T10:00:00", "2027-01-29T10:00:00", "2027-02-01T10:00:00", "2027-02-26T10:00:00",
                "2027-03-01T10:00:00",
            ]),
        RuleCase(
            "FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=MO", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-02-01T10:00:00", "2027-03-01T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY", from: "20280229T100000",
            ["2028-02-29T10:00:00", "2032-02-29T10:00:00", "2036-02-29T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYYEARDAY=-1", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-12-31T10:00:00", "2028-12-31T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYYEARDAY=60", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-03-01T10:00:00", "2028-02-29T10:00:00"]),
        // RFC 5545 3.3.10: without BYDAY, the day of the week comes from DTSTART (a Monday), as in libical.
        RuleCase(
            "FREQ=YEARLY;BYWEEKNO=1", from: "20270104T100000",
            ["2027-01-04T10:00:00", "2028-01-03T10:00:00", "2029-01-01T10:00:00", "2029-12-31T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYWEEKNO=20,-1", from: "20270512T090000",
            ["2027-05-12T09:00:00", "2027-05-19T09:00:00", "2027-12-29T09:00:00", "2028-05-17T09:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=TH", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-12-30T10:00:00", "2028-12-28T10:00:00", "2029-12-27T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU", from: "20270101T100000",
            ["2027-01-01T10:00:00", "2027-01-04T10:00:00", "2028-01-03T10:00:00", "2029-01-01T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", from: "20270101T100000",
            ["2027-01-01T10:00:00", "2032-12-27T10:00:00", "2037-12-28T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYMONTH=2;BYDAY=-1SU", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-02-28T10:00:00", "2028-02-27T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYDAY=-1SU", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-12-26T10:00:00", "2028-12-31T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYMONTHDAY=1;BYMONTH=1,4", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-04-01T10:00:00", "2028-01-01T10:00:00", "2028-04-01T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYMONTH=1;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2028-01-03T10:00:00", "2029-01-01T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1;BYHOUR=8,20", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-03-31T08:00:00", "2027-03-31T20:00:00", "2028-03-31T08:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYDAY=1MO,-1FR", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-12-31T10:00:00", "2028-01-03T10:00:00", "2028-12-29T10:00:00"]),
        RuleCase(
            "FREQ=YEARLY;BYYEARDAY=1,-1;BYDAY=FR", from: "20270105T100000",
            ["2027-01-05T10:00:00", "2027-12-31T10:00:00", "2032-12-31T10:00:00"]),
    ]

    @Test("each rule part, alone and combined, expands and limits as RFC 5545 p. 44 says", arguments: cases)
    func rulePart(_ example: RuleCase) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        let start = try #require(LocalDateTime(iso: example.start))
        let occurrences = rule.occurrences(from: start, in: Self.utc).prefix(example.expected.count)
        #expect(occurrences.map(\.description) == example.expected)
    }

    @Test(
        "written rules parse back to the same rule",
        arguments: [
            "FREQ=DAILY", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE,FR;WKST=SU",
            "FREQ=YEARLY;UNTIL=20271231;BYDAY=-1SU;BYMONTH=3", "FREQ=DAILY;UNTIL=20271231T235959;BYHOUR=9,17",
            "FREQ=HOURLY;UNTIL=20271231T235959Z;BYSECOND=0;BYMINUTE=0,30",
            "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,-1", "FREQ=YEARLY;BYDAY=MO;BYWEEKNO=20,-1",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=-1,-2;BYSETPOS=-1", "FREQ=SECONDLY;BYSECOND=60;WKST=TU",
        ])
    func roundTrip(text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.rfc5545Text == text)
        #expect(try RecurrenceRule(parsing: rule.rfc5545Text) == rule)
    }

    @Test("the writer uses the canonical part order and leaves out INTERVAL=1 and WKST=MO")
    func canonicalOrder() throws {
        let rule = try RecurrenceRule(
            parsing: "rrule:wkst=mo;bysetpos=1;byday=mo;interval=1;count=3;freq=monthly;bymonth=2")
        #expect(rule.rfc5545Text == "FREQ=MONTHLY;COUNT=3;BYDAY=MO;BYMONTH=2;BYSETPOS=1")
        let built = RecurrenceRule(
            frequency: .weekly, interval: 2, end: .until(.utc(LocalDateTime(year: 2027, month: 1, day: 2, hour: 3)!)),
            byDay: [.init(.sunday)], weekStart: .sunday)
        #expect(built.rfc5545Text == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270102T030000Z;BYDAY=SU;WKST=SU")
        #expect(try RecurrenceRule(parsing: built.rfc5545Text) == built)
    }

    @Test(
        "rules that can never produce another date end instead of running forever",
        arguments: [
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4",
            "FREQ=YEARLY;BYMONTH=2;BYYEARDAY=1", "FREQ=HOURLY;INTERVAL=24;BYHOUR=10",
            "FREQ=MINUTELY;BYMONTH=4;BYMONTHDAY=31",
            "FREQ=SECONDLY;BYMONTH=6;BYMONTHDAY=31", "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6",
            "FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2;BYMONTHDAY=1",
            "FREQ=SECONDLY;BYSECOND=60", "FREQ=SECONDLY;INTERVAL=2;BYSECOND=1", "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1",
            "FREQ=HOURLY;INTERVAL=2;BYHOUR=10", "FREQ=MINUTELY;INTERVAL=120;BYMINUTE=30",
        ])
    func impossibleRulesTerminate(text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        let start = try #require(LocalDateTime(iso: "20270105T090000"))
        // Returning at all is the point: the sequence gives up after 400 empty years.
        let occurrences = Array(rule.occurrences(from: start, in: Self.utc).prefix(2))
        #expect(occurrences == [start])
    }

    @Test("a rule with rare dates keeps finding them across long gaps")
    func rareDates() throws {
        let leapDay = try RecurrenceRule(parsing: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=4")
        let start = try #require(LocalDateTime(iso: "20960229T120000"))
        // 2100 is not a leap year: an eight-year gap.
        #expect(
            leapDay.occurrences(from: start, in: Self.utc).map(\.date.description) == [
                "2096-02-29", "2104-02-29", "2108-02-29", "2112-02-29",
            ])
        let twentiethMonday = try RecurrenceRule(parsing: "FREQ=YEARLY;BYDAY=20MO;COUNT=3")
        let from2027 = try #require(LocalDateTime(iso: "20270517T100000"))
        #expect(
            twentiethMonday.occurrences(from: from2027, in: Self.utc).map(\.date.description) == [
                "2027-05-17", "2028-05-15", "2029-05-14",
            ])
    }

    @Test("DTSTART is the first occurrence and counts towards COUNT even when it does not match")
    func unmatchedStartCounts() throws {
        let tuesdays = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU;COUNT=3")
        let wednesday = try #require(LocalDateTime(iso: "20270106T100000"))
        #expect(
            tuesdays.occurrences(from: wednesday, in: Self.utc).map(\.date.description) == [
                "2027-01-06", "2027-01-12", "2027-01-19",
            ])
        #expect(!tuesdays.matches(wednesday, from: wednesday))
        let tuesday = try #require(LocalDateTime(iso: "20270105T100000"))
        #expect(tuesdays.matches(tuesday, from: tuesday))
    }

    @Test("matches tells the rule's own dates from others")
    func matches() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU")
        let start = try #require(LocalDateTime(iso: "20270112T100000"))
        #expect(rule.matches(try #require(LocalDateTime(iso: "20270309T100000")), from: start))
        // February is skipped by INTERVAL=2; the wrong time or an earlier date never matches.
        #expect(!rule.matches(try #require(LocalDateTime(iso: "20270209T100000")), from: start))
        #expect(!rule.matches(try #require(LocalDateTime(iso: "20270309T110000")), from: start))
        #expect(!rule.matches(try #require(LocalDateTime(iso: "20261110T100000")), from: start))
        let minutely = try RecurrenceRule(parsing: "FREQ=MINUTELY;INTERVAL=90;BYHOUR=9,10,11,12,13")
        let nine = try #require(LocalDateTime(iso: "20270105T090000"))
        #expect(minutely.matches(try #require(LocalDateTime(iso: "20270105T103000")), from: nine))
        #expect(!minutely.matches(try #require(LocalDateTime(iso: "20270105T100000")), from: nine))
        #expect(!minutely.matches(try #require(LocalDateTime(iso: "20270105T150000")), from: nine))
    }

    @Test("every occurrence of a rule matches it, and the sequence ascends without repeats")
    func sequenceIsOrderedAndMatches() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=MO,FR;BYMONTHDAY=1,2,3,13,-1;BYHOUR=9,18")
        let start = try #require(LocalDateTime(iso: "20270101T090000"))
        let occurrences = Array(rule.occurrences(from: start, in: Self.utc).prefix(200))
        #expect(occurrences.count == 200)
        #expect(zip(occurrences, occurrences.dropFirst()).allSatisfy { $0 < $1 })
        #expect(occurrences.allSatisfy { rule.matches($0, from: start) })
    }

    @Test("UNTIL as a date includes the whole of that local date")
    func untilDate() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=9,23;UNTIL=20270107")
        let start = try #require(LocalDateTime(iso: "20270105T090000"))
        #expect(rule.occurrences(from: start, in: Self.utc).map(\.description).last == "2027-01-07T23:00:00")
        #expect(Array(rule.occurrences(from: start, in: Self.utc)).count == 6)
    }

    @Test("UNTIL as a local reading is inclusive and compared on the wall clock")
    func untilLocal() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270107T100000")
        let start = try #require(LocalDateTime(iso: "20270105T100000"))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(
            rule.occurrences(from: start, in: tokyo).map(\.description) == [
                "2027-01-05T10:00:00", "2027-01-06T10:00:00", "2027-01-07T10:00:00",
            ])
        let justBefore = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270107T095959")
        #expect(Array(justBefore.occurrences(from: start, in: tokyo)).count == 2)
    }

    @Test("a UTC UNTIL that falls between the local and the UTC reading of an occurrence is compared as an instant")
    func untilUTC() throws {
        // 10:00 in Tokyo is 01:00 UTC. An UNTIL of 05:00Z on 7 January lies after 01:00Z that day
        // (so the 7th is included) although 05:00 is before 10:00 on the wall clock.
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let start = try #require(LocalDateTime(iso: "20270105T100000"))
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270107T050000Z")
        #expect(
            rule.occurrences(from: start, in: tokyo).map(\.date.description) == [
                "2027-01-05", "2027-01-06", "2027-01-07",
            ])
        // In New York 10:00 is 15:00 UTC: an UNTIL of 12:00Z on the 7th excludes the 7th although
        // 12:00 is after 10:00 on the wall clock.
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let noonZ = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270107T120000Z")
        #expect(noonZ.occurrences(from: start, in: newYork).map(\.date.description) == ["2027-01-05", "2027-01-06"])
        // Exactly the instant of an occurrence is inclusive.
        let exact = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270107T150000Z")
        #expect(Array(exact.occurrences(from: start, in: newYork)).count == 3)
    }

    @Test("an UNTIL before DTSTART gives no occurrences at all")
    func untilBeforeStart() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231")
        let start = try #require(LocalDateTime(iso: "20270105T100000"))
        #expect(Array(rule.occurrences(from: start, in: Self.utc)).isEmpty)
    }

    @Test("the limit is inclusive and ends an infinite rule")
    func limit() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,TH")
        let start = try #require(LocalDateTime(iso: "20270104T100000"))
        let limit = try #require(LocalDateTime(iso: "20270114T100000"))
        #expect(
            rule.occurrences(from: start, in: Self.utc, through: limit).map(\.date.description) == [
                "2027-01-04", "2027-01-07", "2027-01-11", "2027-01-14",
            ])
        let counted = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")
        #expect(Array(counted.occurrences(from: start, in: Self.utc, through: limit)).count == 3)
    }

    @Test("starts before 1970 expand like any other")
    func beforeEpoch() throws {
        let hourly = try RecurrenceRule(parsing: "FREQ=HOURLY;INTERVAL=3;COUNT=3")
        let lateEvening = try #require(LocalDateTime(iso: "19691231T223000"))
        #expect(
            hourly.occurrences(from: lateEvening, in: Self.utc).map(\.description) == [
                "1969-12-31T22:30:00", "1970-01-01T01:30:00", "1970-01-01T04:30:00",
            ])
        let monthly = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3")
        let start = try #require(LocalDateTime(iso: "19651029T100000"))
        #expect(
            monthly.occurrences(from: start, in: Self.utc).map(\.date.description) == [
                "1965-10-29", "1965-11-26", "1965-12-31",
            ])
    }

    @Test("a sequence can be iterated more than once with the same result")
    func reiteration() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=5")
        let sequence = rule.occurrences(from: try #require(LocalDateTime(iso: "20270105T100000")), in: Self.utc)
        #expect(Array(sequence) == Array(sequence))
    }

    @Test("rules built in code with out-of-range values neither crash nor loop")
    func unvalidatedRules() throws {
        let start = try #require(LocalDateTime(iso: "20270105T100000"))
        let rule = RecurrenceRule(frequency: .daily, interval: 0, end: .count(0), byHour: [25], byMonthDay: [0, 40])
        #expect(Array(rule.occurrences(from: start, in: Self.utc)).isEmpty)
        let noTimes = RecurrenceRule(frequency: .daily, byHour: [25])
        #expect(Array(noTimes.occurrences(from: start, in: Self.utc)) == [start])
        let badParts = RecurrenceRule(
            frequency: .minutely, bySecond: [-1, 99], byMinute: [70, Int.min], byHour: [-3], byMonthDay: [Int.max],
            byMonth: [13])
        #expect(Array(badParts.occurrences(from: start, in: Self.utc)) == [start])
        let yearlyBadMonth = RecurrenceRule(frequency: .yearly, byMonth: [0, 13])
        #expect(Array(yearlyBadMonth.occurrences(from: start, in: Self.utc)) == [start])
        let hugeInterval = RecurrenceRule(frequency: .hourly, interval: .max)
        #expect(Array(hugeInterval.occurrences(from: start, in: Self.utc)) == [start])
    }
}
