import Foundation
import RhythmCore

/// A realistic agenda for the golden files: a quarterly review with submitted items (one
/// with characters HTML must escape, one without minutes, one withdrawn), overdue and
/// upcoming actions, a scorecard with a recorded, a missing and a late indicator, an
/// attendee in London, and answers: one confirmed, one apology (with a note HTML must
/// escape) sending a colleague instead, one maybe and one not answered.
enum SampleAgenda {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    static let initiative = Initiative(
        name: "Brightwater Youth Futures", timeZone: melbourne, domain: "example.org",
        partners: [
            Partner(id: "council", name: "Brightwater City Council", sector: .government),
            Partner(id: "foundation", name: "Harbour Foundation", sector: .philanthropy),
        ],
        people: [
            Person(id: "priya", name: "Priya Natarajan", email: "p@example.org", timeZone: melbourne),
            Person(
                id: "amara", name: "Amara Okafor", email: "a@example.org", partnerID: "council", timeZone: melbourne),
            Person(
                id: "fiona", name: "Fiona McAllister", email: "f@example.org", partnerID: "foundation",
                timeZone: TimeZone(identifier: "Europe/London")!),
            Person(id: "hemi", name: "Hemi Walker", email: "h@example.org", partnerID: "council", timeZone: melbourne),
            Person(id: "tane", name: "Tane Ruru", email: "t@example.org", partnerID: "council", timeZone: melbourne),
            Person(
                id: "kofi", name: "Kofi Mensah", email: "k@example.org", partnerID: "foundation", timeZone: melbourne),
        ],
        groups: [
            Group(
                id: "table", name: "Table", kind: .leadershipTable, memberPeople: ["amara", "fiona", "hemi", "tane"])
        ],
        series: [review],
        indicators: [
            Indicator(
                id: "attendance", name: "School attendance", unit: "%", direction: .higherIsBetter, target: 92,
                ownerID: "amara", reportingPeriod: .quarter, reviewSeriesID: "review"),
            Indicator(
                id: "neet", name: "Young people not in work or study", unit: "young people",
                direction: .lowerIsBetter, target: 120, ownerID: "amara", reportingPeriod: .quarter,
                reviewSeriesID: "review"),
            Indicator(
                id: "placements", name: "Work placements", unit: "placements", direction: .higherIsBetter,
                target: 60, ownerID: "fiona", reportingPeriod: .quarter, reviewSeriesID: "review",
                dueBusinessDaysBeforeReview: 10),
        ]
    )

    static var review: MeetingSeries {
        MeetingSeries(
            id: "review", title: "Quarterly indicator review", kind: .indicatorReview,
            start: LocalDateTime(iso: "2027-02-25T13:00")!, duration: .seconds(9000), timeZone: melbourne,
            location: "Harbour Foundation, Level 3", onlineMeetingURL: URL(string: "https://meet.example.org/review"),
            organizerID: "priya", attendees: Attendees(groupIDs: ["table"]),
            recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1"),
            standingItems: ["Welcome and apologies", "What the scorecard tells us"]
        )
    }

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func answer(
        _ id: Int64, _ personID: String, _ response: Attendance.Response, note: String? = nil, delegate: String? = nil
    ) -> Attendance {
        Attendance(
            id: id, seriesID: "review", occurrenceDate: date("2027-05-27"), personID: personID, response: response,
            note: note, delegateID: delegate, answeredBy: "person:\(personID) (link)", answeredAt: created)
    }

    static var agenda: Agenda {
        let window = DateInterval(
            start: melbourne.instant(for: LocalDateTime(iso: "2027-05-01T00:00")!), duration: 60 * 86_400)
        let occurrence = Schedule(initiative: initiative).occurrences(in: window)[0]
        return AgendaBuilder().agenda(
            for: occurrence, initiative: initiative,
            actions: [
                Action(
                    id: 7, title: "Share the attendance data pipeline", ownerID: "amara", partnerID: "council",
                    groupID: "table", due: date("2027-05-14"), createdAt: created, updatedAt: created),
                Action(
                    id: 9, title: "Draft the placements MoU", ownerID: "fiona", partnerID: "foundation",
                    groupID: "table", due: date("2027-06-30"), status: .inProgress, createdAt: created,
                    updatedAt: created),
                Action(
                    id: 12, title: "Book the forum venue", ownerID: "amara", seriesID: "review",
                    due: date("2027-06-10"), createdAt: created, updatedAt: created),
            ],
            items: [
                AgendaItem(
                    id: 1, seriesID: "review", occurrenceDate: date("2027-05-27"), position: 1,
                    title: "Attendance <Years 7 & 8> deep-dive", presenterID: "amara", minutes: 30,
                    notes: "Bring the \"by school\" breakdown.", submittedBy: "amara", createdAt: created,
                    updatedAt: created),
                AgendaItem(
                    id: 2, seriesID: "review", occurrenceDate: date("2027-05-27"), position: 2,
                    title: "Placements plan",
                    presenterID: "fiona", minutes: 20, submittedBy: "fiona", createdAt: created.addingTimeInterval(60),
                    updatedAt: created),
                // Withdrawn, so left off the agenda, which numbers the item after it 3.
                AgendaItem(
                    id: 4, seriesID: "review", occurrenceDate: date("2027-05-27"), position: 3, title: "Venue costs",
                    minutes: 15, submittedBy: "priya", createdAt: created.addingTimeInterval(90), updatedAt: created,
                    withdrawal: AgendaItem.Withdrawal(by: "cli:priya", at: created.addingTimeInterval(120))),
                AgendaItem(
                    id: 3, seriesID: "review", occurrenceDate: date("2027-05-27"), position: 3,
                    title: "Forum date & format", submittedBy: "priya", createdAt: created.addingTimeInterval(100),
                    updatedAt: created),
            ],
            results: [
                IndicatorResult(
                    id: 1, indicatorID: "attendance", period: ReportingPeriod(parsing: "2026-Q4")!, value: 89.5,
                    recordedBy: "amara", recordedAt: created),
                IndicatorResult(
                    id: 2, indicatorID: "attendance", period: ReportingPeriod(parsing: "2027-Q1")!, value: 91,
                    note: "Two schools reported late.", recordedBy: "amara", recordedAt: created),
                IndicatorResult(
                    id: 3, indicatorID: "neet", period: ReportingPeriod(parsing: "2026-Q4")!, value: 130,
                    recordedBy: "amara", recordedAt: created),
            ],
            attendance: [
                answer(1, "amara", .attending),
                answer(2, "fiona", .apologies, note: "On leave <Scotland> & offline", delegate: "kofi"),
                answer(3, "hemi", .tentative),
                // Another meeting's answer, which this agenda ignores.
                Attendance(
                    id: 4, seriesID: "review", occurrenceDate: date("2027-08-26"), personID: "tane",
                    response: .apologies, answeredBy: "person:tane (link)", answeredAt: created),
            ],
            today: date("2027-05-18")
        )
    }
}
