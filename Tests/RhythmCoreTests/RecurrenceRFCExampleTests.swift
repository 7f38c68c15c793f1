import Foundation
import Testing

@testable import RhythmCore

/// One example from RFC 5545 section 3.8.5.3, with the dates the RFC lists for it.
struct RFCExample: Sendable, CustomTestStringConvertible {
    var name: String
    var start: String
    var rule: String
    var expected: [LocalDateTime]
    /// Open-ended rules ("forever") are compared on the first dates only.
    var isOpenEnded = false
    /// The Friday-13th example excludes DTSTART with an EXDATE.
    var excludesStart = false

    var testDescription: String { name }
}

/// Builders for the RFC's date lists, which are all at 09:00 New York time unless stated.
enum RFCDates {
    static func on(_ year: Int, _ month: Int, _ days: [Int], hour: Int = 9, minute: Int = 0) -> [LocalDateTime] {
        days.map { LocalDateTime(year: year, month: month, day: $0, hour: hour, minute: minute)! }
    }

    static func on(_ year: Int, _ month: Int, _ days: ClosedRange<Int>) -> [LocalDateTime] {
        on(year, month, Array(days))
    }

    static func every(_ step: Int, _ year: Int, _ month: Int, from first: Int, through last: Int) -> [LocalDateTime] {
        on(year, month, Array(stride(from: first, through: last, by: step)))
    }

    static func times(_ year: Int, _ month: Int, _ day: Int, _ times: [(Int, Int)]) -> [LocalDateTime] {
        times.map { LocalDateTime(year: year, month: month, day: day, hour: $0.0, minute: $0.1)! }
    }
}

@Suite struct RecurrenceRFCExampleTests {
    static let newYork = TimeZone(identifier: "America/New_York")!

    static let examples: [RFCExample] = {
        typealias D = RFCDates
        let nineToFiveTwenty = (9...16).flatMap { hour in [0, 20, 40].map { (hour, $0) } }
        return [
            RFCExample(
                name: "Daily for 10 occurrences", start: "19970902T090000", rule: "FREQ=DAILY;COUNT=10",
                expected: D.on(1997, 9, 2...11)),
            RFCExample(
                name: "Daily until December 24, 1997", start: "19970902T090000",
                rule: "FREQ=DAILY;UNTIL=19971224T000000Z",
                expected: D.on(1997, 9, 2...30) + D.on(1997, 10, 1...31) + D.on(1997, 11, 1...30)
                    + D.on(1997, 12, 1...23)),
            RFCExample(
                name: "Every other day, forever", start: "19970902T090000", rule: "FREQ=DAILY;INTERVAL=2",
                expected: D.every(2, 1997, 9, from: 2, through: 30) + D.every(2, 1997, 10, from: 2, through: 30)
                    + D.every(2, 1997, 11, from: 1, through: 29) + D.on(1997, 12, [1, 3]),
                isOpenEnded: true),
            RFCExample(
                name: "Every 10 days, 5 occurrences", start: "19970902T090000", rule: "FREQ=DAILY;INTERVAL=10;COUNT=5",
                expected: D.on(1997, 9, [2, 12, 22]) + D.on(1997, 10, [2, 12])),
            RFCExample(
                name: "Every day in January, for 3 years (yearly form)", start: "19980101T090000",
                rule: "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
                expected: D.on(1998, 1, 1...31) + D.on(1999, 1, 1...31) + D.on(2000, 1, 1...31)),
            RFCExample(
                name: "Every day in January, for 3 years (daily form)", start: "19980101T090000",
                rule: "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
                expected: D.on(1998, 1, 1...31) + D.on(1999, 1, 1...31) + D.on(2000, 1, 1...31)),
            RFCExample(
                name: "Weekly for 10 occurrences", start: "19970902T090000", rule: "FREQ=WEEKLY;COUNT=10",
                expected: D.on(1997, 9, [2, 9, 16, 23, 30]) + D.on(1997, 10, [7, 14, 21, 28]) + D.on(1997, 11, [4])),
            RFCExample(
                name: "Weekly until December 24, 1997", start: "19970902T090000",
                rule: "FREQ=WEEKLY;UNTIL=19971224T000000Z",
                expected: D.on(1997, 9, [2, 9, 16, 23, 30]) + D.on(1997, 10, [7, 14, 21, 28])
                    + D.on(1997, 11, [4, 11, 18, 25]) + D.on(1997, 12, [2, 9, 16, 23])),
            RFCExample(
                name: "Every other week, forever", start: "19970902T090000", rule: "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
                expected: D.on(1997, 9, [2, 16, 30]) + D.on(1997, 10, [14, 28]) + D.on(1997, 11, [11, 25])
                    + D.on(1997, 12, [9, 23]) + D.on(1998, 1, [6, 20]) + D.on(1998, 2, [3, 17]),
                isOpenEnded: true),
            RFCExample(
                name: "Weekly on Tuesday and Thursday for five weeks (UNTIL form)", start: "19970902T090000",
                rule: "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
                expected: D.on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]) + D.on(1997, 10, [2])),
            RFCExample(
                name: "Weekly on Tuesday and Thursday for five weeks (COUNT form)", start: "19970902T090000",
                rule: "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
                expected: D.on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]) + D.on(1997, 10, [2])),
            RFCExample(
                name: "Every other week on Monday, Wednesday and Friday until December 24, 1997",
                start: "19970901T090000", rule: "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                expected: D.on(1997, 9, [1, 3, 5, 15, 17, 19, 29]) + D.on(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31])
                    + D.on(1997, 11, [10, 12, 14, 24, 26, 28]) + D.on(1997, 12, [8, 10, 12, 22])),
            RFCExample(
                name: "Every other week on Tuesday and Thursday, for 8 occurrences", start: "19970902T090000",
                rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
                expected: D.on(1997, 9, [2, 4, 16, 18, 30]) + D.on(1997, 10, [2, 14, 16])),
            RFCExample(
                name: "Monthly on the first Friday for 10 occurrences", start: "19970905T090000",
                rule: "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
                expected: D.on(1997, 9, [5]) + D.on(1997, 10, [3]) + D.on(1997, 11, [7]) + D.on(1997, 12, [5])
                    + D.on(1998, 1, [2]) + D.on(1998, 2, [6]) + D.on(1998, 3, [6]) + D.on(1998, 4, [3])
                    + D.on(1998, 5, [1]) + D.on(1998, 6, [5])),
            RFCExample(
                name: "Monthly on the first Friday until December 24, 1997", start: "19970905T090000",
                rule: "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
                expected: D.on(1997, 9, [5]) + D.on(1997, 10, [3]) + D.on(1997, 11, [7]) + D.on(1997, 12, [5])),
            RFCExample(
                name: "Every other month on the first and last Sunday for 10 occurrences", start: "19970907T090000",
                rule: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
                expected: D.on(1997, 9, [7, 28]) + D.on(1997, 11, [2, 30]) + D.on(1998, 1, [4, 25])
                    + D.on(1998, 3, [1, 29]) + D.on(1998, 5, [3, 31])),
            RFCExample(
                name: "Monthly on the second-to-last Monday for 6 months", start: "19970922T090000",
                rule: "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
                expected: D.on(1997, 9, [22]) + D.on(1997, 10, [20]) + D.on(1997, 11, [17]) + D.on(1997, 12, [22])
                    + D.on(1998, 1, [19]) + D.on(1998, 2, [16])),
            RFCExample(
                name: "Monthly on the third-to-the-last day, forever", start: "19970928T090000",
                rule: "FREQ=MONTHLY;BYMONTHDAY=-3",
                expected: D.on(1997, 9, [28]) + D.on(1997, 10, [29]) + D.on(1997, 11, [28]) + D.on(1997, 12, [29])
                    + D.on(1998, 1, [29]) + D.on(1998, 2, [26]),
                isOpenEnded: true),
            RFCExample(
                name: "Monthly on the 2nd and 15th for 10 occurrences", start: "19970902T090000",
                rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
                expected: D.on(1997, 9, [2, 15]) + D.on(1997, 10, [2, 15]) + D.on(1997, 11, [2, 15])
                    + D.on(1997, 12, [2, 15]) + D.on(1998, 1, [2, 15])),
            RFCExample(
                name: "Monthly on the first and last day for 10 occurrences", start: "19970930T090000",
                rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
                expected: D.on(1997, 9, [30]) + D.on(1997, 10, [1, 31]) + D.on(1997, 11, [1, 30])
                    + D.on(1997, 12, [1, 31]) + D.on(1998, 1, [1, 31]) + D.on(1998, 2, [1])),
            RFCExample(
                name: "Every 18 months on the 10th thru 15th for 10 occurrences", start: "19970910T090000",
                rule: "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
                expected: D.on(1997, 9, 10...15) + D.on(1999, 3, 10...13)),
            RFCExample(
                name: "Every Tuesday, every other month", start: "19970902T090000",
                rule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
                expected: D.on(1997, 9, [2, 9, 16, 23, 30]) + D.on(1997, 11, [4, 11, 18, 25])
                    + D.on(1998, 1, [6, 13, 20, 27]) + D.on(1998, 3, [3, 10, 17, 24, 31]),
                isOpenEnded: true),
            RFCExample(
                name: "Yearly in June and July for 10 occurrences", start: "19970610T090000",
                rule: "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
                expected: (1997...2001).flatMap { D.on($0, 6, [10]) + D.on($0, 7, [10]) }),
            RFCExample(
                name: "Every other year on January, February and March for 10 occurrences", start: "19970310T090000",
                rule: "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
                expected: D.on(1997, 3, [10])
                    + [1999, 2001, 2003].flatMap { year in (1...3).flatMap { D.on(year, $0, [10]) } }),
            RFCExample(
                name: "Every third year on the 1st, 100th and 200th day for 10 occurrences", start: "19970101T090000",
                rule: "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
                expected: D.on(1997, 1, [1]) + D.on(1997, 4, [10]) + D.on(1997, 7, [19]) + D.on(2000, 1, [1])
                    + D.on(2000, 4, [9]) + D.on(2000, 7, [18]) + D.on(2003, 1, [1]) + D.on(2003, 4, [10])
                    + D.on(2003, 7, [19]) + D.on(2006, 1, [1])),
            RFCExample(
                name: "Every 20th Monday of the year, forever", start: "19970519T090000",
                rule: "FREQ=YEARLY;BYDAY=20MO",
                expected: D.on(1997, 5, [19]) + D.on(1998, 5, [18]) + D.on(1999, 5, [17]), isOpenEnded: true),
            RFCExample(
                name: "Monday of week number 20, forever", start: "19970512T090000",
                rule: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
                expected: D.on(1997, 5, [12]) + D.on(1998, 5, [11]) + D.on(1999, 5, [17]), isOpenEnded: true),
            RFCExample(
                name: "Every Thursday in March, forever", start: "19970313T090000",
                rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
                expected: D.on(1997, 3, [13, 20, 27]) + D.on(1998, 3, [5, 12, 19, 26])
                    + D.on(1999, 3, [4, 11, 18, 25]),
                isOpenEnded: true),
            RFCExample(
                name: "Every Thursday, but only during June, July and August, forever", start: "19970605T090000",
                rule: "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
                expected: D.on(1997, 6, [5, 12, 19, 26]) + D.on(1997, 7, [3, 10, 17, 24, 31])
                    + D.on(1997, 8, [7, 14, 21, 28]) + D.on(1998, 6, [4, 11, 18, 25])
                    + D.on(1998, 7, [2, 9, 16, 23, 30])
                    + D.on(1998, 8, [6, 13, 20, 27]) + D.on(1999, 6, [3, 10, 17, 24])
                    + D.on(1999, 7, [1, 8, 15, 22, 29])
                    + D.on(1999, 8, [5, 12, 19, 26]),
                isOpenEnded: true),
            RFCExample(
                name: "Every Friday the 13th, forever (DTSTART excluded by EXDATE)", start: "19970902T090000",
                rule: "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
                expected: D.on(1998, 2, [13]) + D.on(1998, 3, [13]) + D.on(1998, 11, [13]) + D.on(1999, 8, [13])
                    + D.on(2000, 10, [13]),
                isOpenEnded: true, excludesStart: true),
            RFCExample(
                name: "The first Saturday that follows the first Sunday of the month, forever",
                start: "19970913T090000",
                rule: "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
                expected: D.on(1997, 9, [13]) + D.on(1997, 10, [11]) + D.on(1997, 11, [8]) + D.on(1997, 12, [13])
                    + D.on(1998, 1, [10]) + D.on(1998, 2, [7]) + D.on(1998, 3, [7]) + D.on(1998, 4, [11])
                    + D.on(1998, 5, [9]) + D.on(1998, 6, [13]),
                isOpenEnded: true),
            RFCExample(
                name: "Every 4 years, the first Tuesday after a Monday in November (US election day)",
                start: "19961105T090000", rule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
                expected: D.on(1996, 11, [5]) + D.on(2000, 11, [7]) + D.on(2004, 11, [2]), isOpenEnded: true),
            RFCExample(
                name: "The third instance of one of Tuesday, Wednesday or Thursday, for 3 months",
                start: "19970904T090000", rule: "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
                expected: D.on(1997, 9, [4]) + D.on(1997, 10, [7]) + D.on(1997, 11, [6])),
            RFCExample(
                name: "The second-to-last weekday of the month", start: "19970929T090000",
                rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
                expected: D.on(1997, 9, [29]) + D.on(1997, 10, [30]) + D.on(1997, 11, [27]) + D.on(1997, 12, [30])
                    + D.on(1998, 1, [29]) + D.on(1998, 2, [26]) + D.on(1998, 3, [30]),
                isOpenEnded: true),
            // The RFC's UNTIL=19970902T170000Z is 13:00 EDT, which contradicts the 15:00 it lists (a
            // known erratum); 21:00Z is 17:00 EDT, the "5:00 PM" of the title.
            RFCExample(
                name: "Every 3 hours from 9:00 AM to 5:00 PM on a specific day", start: "19970902T090000",
                rule: "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z",
                expected: D.times(1997, 9, 2, [(9, 0), (12, 0), (15, 0)])),
            RFCExample(
                name: "Every 15 minutes for 6 occurrences", start: "19970902T090000",
                rule: "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
                expected: D.times(1997, 9, 2, [(9, 0), (9, 15), (9, 30), (9, 45), (10, 0), (10, 15)])),
            RFCExample(
                name: "Every hour and a half for 4 occurrences", start: "19970902T090000",
                rule: "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
                expected: D.times(1997, 9, 2, [(9, 0), (10, 30), (12, 0), (13, 30)])),
            RFCExample(
                name: "Every 20 minutes from 9:00 AM to 4:40 PM every day (daily form)", start: "19970902T090000",
                rule: "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
                expected: D.times(1997, 9, 2, nineToFiveTwenty) + D.times(1997, 9, 3, nineToFiveTwenty),
                isOpenEnded: true),
            RFCExample(
                name: "Every 20 minutes from 9:00 AM to 4:40 PM every day (minutely form)", start: "19970902T090000",
                rule: "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
                expected: D.times(1997, 9, 2, nineToFiveTwenty) + D.times(1997, 9, 3, nineToFiveTwenty),
                isOpenEnded: true),
            RFCExample(
                name: "WKST=MO: every other week on Tuesday and Sunday", start: "19970805T090000",
                rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
                expected: D.on(1997, 8, [5, 10, 19, 24])),
            RFCExample(
                name: "WKST=SU: every other week on Tuesday and Sunday", start: "19970805T090000",
                rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
                expected: D.on(1997, 8, [5, 17, 19, 31])),
            RFCExample(
                name: "An invalid date (February 30) is ignored", start: "20070115T090000",
                rule: "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
                expected: D.on(2007, 1, [15, 30]) + D.on(2007, 2, [15]) + D.on(2007, 3, [15, 30])),
        ]
    }()

    @Test("every RRULE example of RFC 5545 section 3.8.5.3 gives the dates the RFC lists", arguments: examples)
    func rfcExample(_ example: RFCExample) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        let start = try #require(LocalDateTime(iso: example.start))
        var occurrences: [LocalDateTime] = Array(
            rule.occurrences(from: start, in: Self.newYork).prefix(example.expected.count + 1))
        if example.excludesStart { occurrences.removeFirst() }
        if example.isOpenEnded {
            #expect(Array(occurrences.prefix(example.expected.count)) == example.expected)
        } else {
            #expect(occurrences == example.expected)
        }
    }

    @Test("the RFC's literal UNTIL=19970902T170000Z stops the 3-hourly example at 13:00 EDT")
    func literalHourlyUntil() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z")
        let start = try #require(LocalDateTime(iso: "19970902T090000"))
        #expect(
            Array(rule.occurrences(from: start, in: Self.newYork)) == RFCDates.times(1997, 9, 2, [(9, 0), (12, 0)]))
    }

    @Test("the RFC examples keep 09:00 local while New York moves from EDT to EST")
    func rfcLocalTimeAcrossDST() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;UNTIL=19971224T000000Z")
        let start = try #require(LocalDateTime(iso: "19970902T090000"))
        let instants = rule.occurrences(from: start, in: Self.newYork).map { Self.newYork.instant(for: $0) }
        let utcHours = instants.map { Calendar.utc.component(.hour, from: $0) }
        #expect(utcHours.prefix(8).allSatisfy { $0 == 13 })
        #expect(utcHours.dropFirst(8).allSatisfy { $0 == 14 })
    }
}

extension Calendar {
    /// A Gregorian calendar in UTC, for reading instants in assertions.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
