import Foundation
import RhythmCore

/// A small initiative with one series of every shape the feed must express.
enum FeedFixtures {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let london = TimeZone(identifier: "Europe/London")!

    static func local(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z

    static let initiative = Initiative(
        name: "Brightwater, Youth; Futures",
        timeZone: melbourne,
        domain: "example.org",
        partners: [Partner(id: "council", name: "Council", sector: .government)],
        people: [
            Person(
                id: "ann", name: "Ann \"Chair\" Lee", email: "ann@example.org", partnerID: "council",
                timeZone: melbourne),
            Person(id: "bob", name: "Bob", email: "bob@example.org", timeZone: london),
        ],
        groups: [
            Group(
                id: "table", name: "Table", kind: .leadershipTable, memberPeople: ["bob"], memberPartners: ["council"])
        ],
        holidays: [
            HolidayPeriod(
                id: "xmas", name: "Christmas shutdown", firstDay: date("2026-12-21"), lastDay: date("2027-01-08"))
        ],
        series: [
            MeetingSeries(
                id: "table",
                title: "Leadership Table",
                kind: .leadership,
                description: "Decisions, actions; the common agenda, and more.",
                start: local("2026-02-10T10:00"),
                duration: .seconds(7200),
                timeZone: melbourne,
                location: "Civic Centre, Room 2",
                onlineMeetingURL: URL(string: "https://meet.example.org/table"),
                organizerID: "ann",
                attendees: Attendees(groupIDs: ["table"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20281231"),
                extraDates: [local("2027-07-20T10:00")],
                exceptions: [
                    .move(
                        date("2027-03-09"),
                        OccurrenceChange(start: local("2027-03-11T14:00"), location: "Library", reason: "Room closed")),
                    .cancel(date("2027-06-08"), reason: "No quorum"),
                    .skip(date("2027-08-10"), reason: nil),
                ]
            ),
            MeetingSeries(
                id: "standup",
                title: "Stand-up",
                kind: .team,
                start: local("2026-11-02T09:15"),
                duration: .seconds(1800),
                timeZone: london,
                onlineMeetingURL: URL(string: "https://meet.example.org/standup"),
                organizerID: "bob",
                attendees: Attendees(personIDs: ["bob"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO"),
                holidayPolicy: .nextBusinessDay
            ),
        ]
    )
}
