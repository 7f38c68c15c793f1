import Foundation
import RhythmCore
import RhythmStore

/// A small initiative around Melbourne's clock change of 4 April 2027, and the rows the home
/// page reads, each chosen so that its numbers can be worked out by hand (see the tests).
enum HomeFixture {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let london = TimeZone(identifier: "Europe/London")!

    /// Thursday 1 April 2027, noon in Melbourne: three days before the clocks go back.
    static let now = at(2027, 4, 1, 12)

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, zone: TimeZone = melbourne) -> Date {
        zone.instant(for: LocalDateTime(year: year, month: month, day: day, hour: hour)!)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// Weekly on Mondays at 10:00 from 4 January 2027: 15 February skipped, 1 March cancelled,
    /// 8 March a holiday (skipped); invited are the council's two people, the college's one
    /// and an independent member. A London call on Sunday evenings, London time, which is
    /// Monday morning in Melbourne.
    static let initiative = Initiative(
        name: "Test initiative", timeZone: melbourne, domain: "example.org",
        partners: [
            Partner(id: "council", name: "City Council", sector: .government),
            Partner(id: "college", name: "College", sector: .education),
        ],
        people: [
            Person(id: "a1", name: "Ana One", email: "a1@example.org", partnerID: "council", timeZone: melbourne),
            Person(id: "a2", name: "Ari Two", email: "a2@example.org", partnerID: "council", timeZone: melbourne),
            Person(id: "b1", name: "Bo Three", email: "b1@example.org", partnerID: "college", timeZone: melbourne),
            Person(id: "c1", name: "Cy Four", email: "c1@example.org", timeZone: melbourne),
        ],
        holidays: [
            HolidayPeriod(id: "labour-day", name: "Labour Day", firstDay: date(2027, 3, 8), lastDay: date(2027, 3, 8))
        ],
        series: [
            MeetingSeries(
                id: "weekly", title: "Weekly <check-in> & review", kind: .workingGroup,
                start: LocalDateTime(year: 2027, month: 1, day: 4, hour: 10)!, duration: .seconds(3600),
                timeZone: melbourne, location: "Room \"B\"", organizerID: "c1",
                attendees: Attendees(partnerIDs: ["council", "college"], personIDs: ["c1"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO"),
                exceptions: [
                    .skip(date(2027, 2, 15), reason: nil), .cancel(date(2027, 3, 1), reason: "Chair ill"),
                ]),
            MeetingSeries(
                id: "london-call", title: "London call", kind: .team,
                start: LocalDateTime(year: 2027, month: 1, day: 3, hour: 23, minute: 30)!, duration: .seconds(1800),
                timeZone: london, attendees: Attendees(personIDs: ["c1"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=SU"), holidayPolicy: .ignore),
        ],
        indicators: [
            Indicator(
                id: "attendance-rate", name: "Attendance rate", unit: "%", direction: .higherIsBetter, target: 90,
                ownerID: "a1", reportingPeriod: .quarter, reviewSeriesID: "weekly"),
            Indicator(
                id: "placements", name: "Placements", unit: "placements", direction: .higherIsBetter, target: 60,
                ownerID: "b1", reportingPeriod: .quarter, reviewSeriesID: "weekly"),
        ])

    static func answer(_ id: Int64, _ date: LocalDate, _ person: String, _ response: Attendance.Response) -> Attendance
    {
        Attendance(
            id: id, seriesID: "weekly", occurrenceDate: date, personID: person, response: response,
            answeredBy: "test", answeredAt: at(2027, 3, 1))
    }

    /// 22 March: both council people coming, the college's apologies. 29 March: one council
    /// person and the college's coming, the other council person's apologies, a maybe.
    static let answers = [
        answer(1, date(2027, 3, 22), "a1", .attending), answer(2, date(2027, 3, 22), "a2", .attending),
        answer(3, date(2027, 3, 22), "b1", .apologies), answer(4, date(2027, 3, 29), "a1", .attending),
        answer(5, date(2027, 3, 29), "a2", .apologies), answer(6, date(2027, 3, 29), "b1", .attending),
        answer(7, date(2027, 3, 29), "c1", .tentative),
    ]

    static func action(_ id: Int64, created: Date, due: LocalDate?, status: Action.Status) -> Action {
        Action(
            id: id, title: "Action \(id)", ownerID: "a1", seriesID: "weekly", due: due, status: status,
            createdAt: created, updatedAt: created)
    }

    /// One overdue since 20 March (opened 15 December), one done on 5 March (opened
    /// 10 February), one open without a due date (opened 10 March).
    static let actions = [
        action(1, created: at(2026, 12, 15), due: date(2027, 3, 20), status: .open),
        action(2, created: at(2027, 2, 10), due: date(2027, 3, 31), status: .done),
        action(3, created: at(2027, 3, 10), due: nil, status: .inProgress),
    ]

    static func result(_ id: Int64, _ indicator: String, _ period: String, _ value: Double) -> IndicatorResult {
        IndicatorResult(
            id: id, indicatorID: indicator, period: ReportingPeriod(parsing: period)!, value: value, recordedBy: "test",
            recordedAt: at(2027, 3, 1))
    }

    static func entry(_ key: String, status: OutboxStatus, held: Bool, reply: String?) -> OutboxEntry {
        OutboxEntry(
            key: key, channelID: "email", recipient: "person:a1", due: at(2027, 3, 30), usefulUntil: at(2027, 4, 30),
            payload: nil, status: status, isHeld: held, attempts: 1, nextAttemptAt: at(2027, 3, 30), lastReply: reply,
            messageID: OutboxEntry.messageID(forKey: key), createdAt: at(2027, 3, 30), updatedAt: at(2027, 3, 31),
            kind: .reminder, subject: "Reminder <soon>")
    }

    static let overview = StoreOverview(
        attendance: answers, actions: actions, closedAt: [2: at(2027, 3, 5)],
        indicatorResults: [
            result(1, "attendance-rate", "2026-Q3", 85), result(2, "attendance-rate", "2026-Q4", 88),
            result(3, "attendance-rate", "2027-Q1", 91), result(4, "placements", "2026-Q4", 40),
        ],
        agendaItems: [
            AgendaItem(
                id: 1, seriesID: "weekly", occurrenceDate: date(2027, 4, 5), position: 1, title: "Budget",
                minutes: 30,
                submittedBy: "test", createdAt: at(2027, 3, 30), updatedAt: at(2027, 3, 30))
        ],
        outboxCounts: [.pending: 5, .dead: 2, .sent: 40], heldCount: 1,
        heldEntries: [entry("held", status: .pending, held: true, reply: "the SMTP password file cannot be read")],
        deadEntries: [entry("dead", status: .dead, held: false, reply: "550 5.1.1 <a1@example.org>: unknown")],
        bouncingAddresses: [
            AddressBounce(
                address: "a1@example.org", personID: "a1", bouncingSince: at(2027, 3, 31), statusCode: "5.1.1",
                diagnostic: "550 5.1.1 user unknown", outboxEntryID: nil, temporaryFailures: 0,
                lastFailureAt: at(2027, 3, 31)),
            AddressBounce(
                address: "old-b1@example.org", personID: "b1", bouncingSince: at(2027, 2, 1), statusCode: "5.1.1",
                diagnostic: nil, outboxEntryID: nil, temporaryFailures: 0, lastFailureAt: at(2027, 2, 1)),
        ])
}
