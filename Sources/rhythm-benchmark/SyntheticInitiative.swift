import Foundation
import RhythmCore

/// A large, deterministic initiative for measurements: 200 series of the shapes real
/// initiatives use, in four zones, with two years of holidays.
enum SyntheticInitiative {
    static let seriesCount = 200

    static let rules = [
        "FREQ=WEEKLY;BYDAY=MO",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1",
        "FREQ=MONTHLY;INTERVAL=6;BYDAY=3SA",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
    ]
    static let zones = ["Australia/Melbourne", "Europe/London", "America/New_York", "Australia/Brisbane"]

    /// Christmas shutdowns and a national day in 2027 and 2028.
    static let holidays = (2027...2028).flatMap { year in
        [
            HolidayPeriod(
                id: "shutdown-\(year)", name: "Christmas shutdown",
                firstDay: LocalDate(year: year, month: 12, day: 21)!,
                lastDay: LocalDate(year: year + 1, month: 1, day: 8)!),
            HolidayPeriod(
                id: "national-\(year)", name: "National day",
                firstDay: LocalDate(year: year, month: 1, day: 26)!, lastDay: LocalDate(year: year, month: 1, day: 26)!),
        ]
    }

    /// The index-th series: a rule, a zone, a time of day and a start the rule produces.
    static func series(_ index: Int) -> MeetingSeries {
        let rule = try! RecurrenceRule(parsing: rules[index % rules.count])
        let time = LocalTime(hour: 9 + index % 8, minute: 0)!
        var start = LocalDateTime(date: LocalDate(year: 2027, month: 1, day: 4)!.adding(days: index % 28), time: time)
        while !rule.matches(start, from: start) {
            start = LocalDateTime(date: start.date.adding(days: 1), time: time)
        }
        return MeetingSeries(
            id: "series-\(index)",
            title: "Working group \(index)",
            kind: .workingGroup,
            description: "Check-in of working group \(index): actions, data, decisions.",
            start: start,
            duration: .seconds(3600),
            timeZone: TimeZone(identifier: zones[index % zones.count])!,
            location: "Room \(index % 12), Civic Centre",
            organizerID: "person-\(index % 40)",
            attendees: Attendees(groupIDs: ["group-\(index % 20)"]),
            recurrence: rule,
            holidayPolicy: index % 2 == 0 ? .skip : .nextBusinessDay
        )
    }

    static let initiative = Initiative(
        name: "Benchmark Initiative",
        timeZone: TimeZone(identifier: "Australia/Melbourne")!,
        domain: "benchmark.example.org",
        partners: (0..<20).map { Partner(id: "partner-\($0)", name: "Partner \($0)", sector: .community) },
        people: (0..<40).map {
            Person(
                id: "person-\($0)", name: "Person \($0)", email: "person\($0)@benchmark.example.org",
                partnerID: "partner-\($0 % 20)", timeZone: TimeZone(identifier: "Australia/Melbourne")!)
        },
        groups: (0..<20).map {
            Group(id: "group-\($0)", name: "Group \($0)", kind: .workingGroup, memberPartners: ["partner-\($0)"])
        },
        holidays: holidays,
        series: (0..<seriesCount).map(series)
    )
}
