import Foundation

@testable import RhythmCore

/// A small initiative for agenda tests: a monthly leadership table, a quarterly indicator
/// review, people in three partners (one in London) and one person with no partner.
enum AgendaFixtures {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let london = TimeZone(identifier: "Europe/London")!
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func local(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

    static let partners = [
        Partner(id: "council", name: "Brightwater City Council", sector: .government),
        Partner(id: "college", name: "Northgate College", sector: .education),
        Partner(id: "foundation", name: "Harbour Foundation", sector: .philanthropy),
    ]

    static let people = [
        Person(id: "priya", name: "Priya Natarajan", email: "p@example.org", timeZone: melbourne),
        Person(id: "sam", name: "Sam Ibrahim", email: "s@example.org", partnerID: "college", timeZone: melbourne),
        Person(id: "amara", name: "Amara Okafor", email: "a@example.org", partnerID: "council", timeZone: melbourne),
        Person(
            id: "fiona", name: "Fiona McAllister", email: "f@example.org", partnerID: "foundation", timeZone: london),
        Person(id: "olive", name: "Olive Outsider", email: "o@example.org", timeZone: melbourne),
        Person(id: "kai", name: "Kai Community", email: "k@example.org", timeZone: melbourne),
    ]

    static let groups = [
        Group(
            id: "leadership", name: "Leadership", kind: .leadershipTable,
            memberPeople: ["amara", "fiona", "sam", "kai"]),
        Group(id: "other-wg", name: "Other", kind: .workingGroup, memberPeople: ["olive"]),
    ]

    static func leadership(exceptions: [SeriesException] = []) -> MeetingSeries {
        MeetingSeries(
            id: "leadership", title: "Leadership Table", kind: .leadership,
            start: local("2027-01-12T10:00"), duration: .seconds(7200), timeZone: melbourne,
            location: "Civic Centre", onlineMeetingURL: URL(string: "https://meet.example.org/lt"),
            organizerID: "priya", attendees: Attendees(groupIDs: ["leadership"]),
            recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU"),
            exceptions: exceptions,
            standingItems: ["Welcome and apologies", "Decisions needed"]
        )
    }

    static let review = MeetingSeries(
        id: "review", title: "Quarterly indicator review", kind: .indicatorReview,
        start: local("2027-02-25T13:00"), duration: .seconds(9000), timeZone: melbourne,
        location: "Harbour Foundation", organizerID: "priya", attendees: Attendees(groupIDs: ["leadership"]),
        recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1"),
        standingItems: ["What the scorecard tells us"]
    )

    static let indicators = [
        Indicator(
            id: "attendance", name: "School attendance", unit: "%", direction: .higherIsBetter, target: 92,
            ownerID: "sam", reportingPeriod: .quarter, reviewSeriesID: "review"),
        Indicator(
            id: "neet", name: "Young people not in work or study", unit: "young people", direction: .lowerIsBetter,
            target: 120, ownerID: "amara", reportingPeriod: .quarter, reviewSeriesID: "review"),
        Indicator(
            id: "placements", name: "Work placements", unit: "placements", direction: .higherIsBetter, target: 60,
            ownerID: "fiona", reportingPeriod: .quarter, reviewSeriesID: "review"),
        Indicator(
            id: "unreviewed", name: "Not on this review", unit: "", direction: .higherIsBetter,
            ownerID: "sam", reportingPeriod: .quarter, reviewSeriesID: nil),
    ]

    /// A Monday holiday three days before the May review, so the data deadline crosses a
    /// weekend and a holiday.
    static let holidays = [
        HolidayPeriod(id: "may-holiday", name: "May holiday", firstDay: date("2027-05-24"), lastDay: date("2027-05-24"))
    ]

    static func initiative(series: [MeetingSeries] = [leadership(), review]) -> Initiative {
        Initiative(
            name: "Brightwater Youth Futures", timeZone: melbourne, domain: "example.org",
            partners: partners, people: people, groups: groups, holidays: holidays, series: series,
            indicators: indicators)
    }

    /// The occurrence of `series` whose original date is `date`.
    static func occurrence(_ series: MeetingSeries, on date: String, in initiative: Initiative) -> Occurrence {
        let day = self.date(date)
        let window = DateInterval(
            start: melbourne.instant(for: LocalDateTime(date: day.adding(days: -40), time: .midnight)),
            duration: 90 * 86_400)
        return Schedule(initiative: initiative).occurrences(of: [series], in: window, includingSkipped: true)
            .first { $0.originalStart.date == day }!
    }

    static func action(
        _ id: Int64,
        owner: String,
        group: String? = nil,
        series: String? = nil,
        partner: String? = nil,
        due: String? = nil,
        status: Action.Status = .open
    ) -> Action {
        Action(
            id: id, title: "Action \(id)", ownerID: owner, partnerID: partner, groupID: group, seriesID: series,
            due: due.map(date), status: status, createdAt: created, updatedAt: created)
    }

    static func item(
        _ id: Int64,
        series: String = "leadership",
        on date: String,
        minutes: Int?,
        presenter: String? = nil,
        position: Int,
        createdAfter seconds: Double = 0,
        withdrawn: Bool = false
    ) -> AgendaItem {
        AgendaItem(
            id: id, seriesID: series, occurrenceDate: self.date(date), position: position, title: "Item \(id)",
            presenterID: presenter, minutes: minutes, submittedBy: "test",
            createdAt: created.addingTimeInterval(seconds),
            updatedAt: created.addingTimeInterval(seconds),
            withdrawal: withdrawn ? AgendaItem.Withdrawal(by: "cli:ana", at: created.addingTimeInterval(seconds)) : nil)
    }

    static func result(_ indicator: String, _ period: String, _ value: Double, id: Int64 = 1) -> IndicatorResult {
        IndicatorResult(
            id: id, indicatorID: indicator, period: ReportingPeriod(parsing: period)!, value: value,
            recordedBy: "test", recordedAt: created)
    }
}
