import Foundation
import Testing

@testable import RhythmCore

@Suite struct AgendaBuilderTests {
    typealias F = AgendaFixtures
    let builder = AgendaBuilder()

    func agenda(
        _ series: MeetingSeries = F.leadership(),
        on date: String = "2027-04-13",
        actions: [Action] = [],
        items: [AgendaItem] = [],
        results: [IndicatorResult] = [],
        today: String = "2027-04-06"
    ) -> Agenda {
        let initiative = F.initiative(series: [series, F.review])
        return builder.agenda(
            for: F.occurrence(series, on: date, in: initiative), initiative: initiative, actions: actions,
            items: items, results: results, today: F.date(today))
    }

    /// Actions for the 13 April 2027 leadership table, seen on 6 April; the following
    /// meeting is on 11 May.
    let actions = [
        F.action(1, owner: "olive", group: "leadership", due: "2027-06-30"),  // the series' group
        F.action(2, owner: "olive", series: "leadership"),  // raised at the series
        F.action(3, owner: "amara", due: "2027-05-01"),  // attendee, due before the following meeting
        F.action(4, owner: "amara", due: "2027-05-20"),  // attendee, due after it: left out
        F.action(5, owner: "sam", partner: "college", due: "2027-03-31"),  // attendee, overdue
        F.action(6, owner: "fiona", due: "2027-03-20"),  // attendee, longer overdue
        F.action(7, owner: "olive", due: "2027-03-01"),  // overdue, but not an attendee: left out
        F.action(8, owner: "amara", group: "leadership", status: .done),  // closed: left out
        F.action(9, owner: "amara", group: "leadership", due: "2027-04-20", status: .blocked),
        F.action(10, owner: "priya", group: "other-wg", due: "2027-04-01"),  // the organiser, overdue
    ]

    @Test("picks the series' actions and attendees' pressing ones, overdue first then by owner")
    func actionSelectionAndOrder() {
        let review = agenda(actions: actions).actions
        #expect(review.overdue.map(\.id) == [6, 5, 10])
        #expect(review.overdue.map(\.daysOverdue) == [17, 6, 5])
        #expect(review.overdue[1].partnerName == "Northgate College")
        #expect(review.byOwner.map(\.ownerName) == ["Amara Okafor", "Olive Outsider"])
        #expect(review.byOwner[0].actions.map(\.id) == [9, 3])
        #expect(review.byOwner[0].actions[0].status == .blocked)
        #expect(review.byOwner[1].actions.map(\.id) == [1, 2])  // undated last
        #expect(review.count == 7)
    }

    @Test("the following occurrence skips a cancelled one")
    func followingOccurrenceSkipsCancelled() throws {
        let series = F.leadership(exceptions: [.cancel(F.date("2027-05-11"), reason: "Budget week")])
        let initiative = F.initiative(series: [series])
        let following = try #require(
            builder.followingOccurrence(
                after: F.occurrence(series, on: "2027-04-13", in: initiative), initiative: initiative))
        #expect(following.originalStart.date == F.date("2027-06-08"))
        // Action 4, due 20 May, is now due before the following meeting.
        let review = agenda(series, actions: actions).actions
        #expect(review.byOwner[0].actions.map(\.id) == [9, 3, 4])
    }

    @Test("submitted items run one after the other and an over-full agenda says so")
    func itemsAndTiming() {
        let items = [
            F.item(11, on: "2027-04-13", minutes: 45, presenter: "sam", position: 2),
            F.item(10, on: "2027-04-13", minutes: 30, presenter: "fiona", position: 1),
            F.item(12, on: "2027-04-13", minutes: nil, position: 3),
            F.item(13, on: "2027-04-13", minutes: 60, position: 4),
            F.item(14, on: "2027-05-11", minutes: 10, position: 1),  // another meeting
            F.item(15, series: "review", on: "2027-04-13", minutes: 10, position: 1),  // another series
        ]
        let result = agenda(items: items)
        #expect(result.items.map(\.id) == [10, 11, 12, 13])
        #expect(result.items.map(\.offsetMinutes) == [0, 30, 75, 75])
        #expect(
            result.items.map { $0.localStart.time.description } == ["10:00:00", "10:30:00", "11:15:00", "11:15:00"])
        #expect(result.items[0].presenterName == "Fiona McAllister")
        #expect(result.scheduledMinutes == 135)
        #expect(result.meetingMinutes == 120)
        #expect(result.isOverfull)
        #expect(!agenda(items: Array(items.prefix(2))).isOverfull)
    }

    @Test("an agenda with nothing submitted keeps its header and standing items")
    func emptyAgenda() {
        let result = agenda()
        #expect(result.isEmpty)
        #expect(result.items.isEmpty)
        #expect(result.actions.isEmpty)
        #expect(result.scorecard == nil)
        #expect(result.standingItems == ["Welcome and apologies", "Decisions needed"])
        #expect(result.header.seriesTitle == "Leadership Table")
        #expect(result.header.organizerName == "Priya Natarajan")
        #expect(result.header.status == .scheduled)
    }

    @Test("attendees are grouped by partner in configuration order, people with no partner last")
    func attendeeGroups() {
        let groups = agenda().header.attendees
        #expect(
            groups.map(\.partnerName) == ["Brightwater City Council", "Northgate College", "Harbour Foundation", nil])
        #expect(
            groups.map(\.personNames) == [["Amara Okafor"], ["Sam Ibrahim"], ["Fiona McAllister"], ["Kai Community"]])
    }

    @Test("a moved occurrence shows its new time and place, and where it came from")
    func movedHeader() {
        let move = OccurrenceChange(start: F.local("2027-04-15T14:00"), location: "Library", reason: "Room closed")
        let result = agenda(F.leadership(exceptions: [.move(F.date("2027-04-13"), move)]))
        #expect(result.header.status == .moved(from: F.local("2027-04-13T10:00"), reason: "Room closed"))
        #expect(result.header.localStart == F.local("2027-04-15T14:00"))
        #expect(result.header.localEnd == F.local("2027-04-15T16:00"))
        #expect(result.header.occurrenceDate == F.date("2027-04-13"))
        #expect(result.header.location == "Library")
    }

    @Test("a cancelled occurrence carries its reason")
    func cancelledHeader() {
        let result = agenda(F.leadership(exceptions: [.cancel(F.date("2027-04-13"), reason: "Summit")]))
        #expect(result.header.status == .cancelled(reason: "Summit"))
    }

    @Test("times in Melbourne and London across both DST changes")
    func daylightSaving() throws {
        let weekly = MeetingSeries(
            id: "weekly", title: "Weekly", kind: .team, start: F.local("2027-03-23T10:00"), duration: .seconds(3600),
            timeZone: F.melbourne, attendees: Attendees(personIDs: ["fiona", "sam"]),
            recurrence: try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        // 23 March: Melbourne +11:00, London still GMT.
        let before = agenda(weekly, on: "2027-03-23").header
        #expect(before.utcOffset == "+11:00")
        #expect(before.elsewhere.count == 1)
        #expect(before.elsewhere[0].timeZone.identifier == "Europe/London")
        #expect(before.elsewhere[0].localStart == F.local("2027-03-22T23:00"))
        #expect(before.elsewhere[0].utcOffset == "+00:00")
        #expect(before.elsewhere[0].personNames == ["Fiona McAllister"])
        // 30 March: London has moved to BST, Melbourne not yet back to standard time.
        let between = agenda(weekly, on: "2027-03-30").header
        #expect(between.utcOffset == "+11:00")
        #expect(between.elsewhere[0].localStart == F.local("2027-03-30T00:00"))
        #expect(between.elsewhere[0].utcOffset == "+01:00")
        // 6 April: Melbourne is on +10:00.
        let after = agenda(weekly, on: "2027-04-06").header
        #expect(after.localStart == F.local("2027-04-06T10:00"))
        #expect(after.utcOffset == "+10:00")
        #expect(after.elsewhere[0].localStart == F.local("2027-04-06T01:00"))
    }
}
