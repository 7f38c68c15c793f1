import Foundation
import Testing

@testable import RhythmCore

/// The "quorum at risk" warning: planned for the organiser while too few have confirmed,
/// gone once enough have, and due at the meeting's own time of day across clock changes.
@Suite struct QuorumPlannerTests {
    typealias F = ReminderFixtures

    static func series(
        start: String, zone: TimeZone = F.melbourne, quorum: Quorum, organizer: String? = "ana"
    ) -> MeetingSeries {
        MeetingSeries(
            id: "leadership", title: "Leadership table", kind: .leadership, start: ScheduleFixtures.local(start),
            duration: .seconds(5400), timeZone: zone, organizerID: organizer,
            attendees: Attendees(personIDs: ["ana", "ben"]), holidayPolicy: .ignore, quorum: quorum)
    }

    static func answer(_ personID: String, _ response: Attendance.Response, on date: String) -> Attendance {
        Attendance(
            id: 1, seriesID: "leadership", occurrenceDate: ScheduleFixtures.date(date), personID: personID,
            response: response, answeredBy: "person:\(personID) (link)", answeredAt: .distantPast)
    }

    static func plan(_ series: MeetingSeries, attendance: [Attendance] = []) -> [Reminder] {
        ReminderPlanner.plan(
            initiative: F.initiative(series: [series], rules: []),
            window: ScheduleFixtures.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), actions: [], results: [],
            attendance: attendance, now: ScheduleFixtures.instant("2027-01-01T00:00:00Z"))
    }

    @Test("too few confirmed: the organiser is warned by e-mail two days before, until the meeting starts")
    func plannedWhenShort() throws {
        let series = Self.series(start: "2027-03-09T10:00:00", quorum: Quorum(count: .people(2)))
        let plan = Self.plan(series, attendance: [Self.answer("ben", .attending, on: "2027-03-09")])
        let warning = try #require(plan.first)
        #expect(plan.count == 1)
        #expect(warning.key == "quorum|series:leadership@2027-03-09T10:00:00|person:ana|email")
        #expect(warning.due == F.at("2027-03-07T10:00:00"))
        #expect(warning.usefulUntil == F.at("2027-03-09T10:00:00"))
        #expect(warning.recipient == .person("ana"))
        #expect(warning.channel.id == "email")
        #expect(warning.rule == nil)
        #expect(warning.content == .reminder)
        guard case .quorum(let standing) = warning.subject else {
            Issue.record("expected a quorum warning, got \(warning.subject)")
            return
        }
        #expect(standing.confirmed == 1)
        #expect(standing.attendance.notAnsweredNames == ["Ana"])
    }

    @Test("enough confirmed, or a colleague coming instead makes it enough: no warning")
    func notPlannedWhenMet() {
        let series = Self.series(start: "2027-03-09T10:00:00", quorum: Quorum(count: .people(2)))
        #expect(
            Self.plan(
                series,
                attendance: [
                    Self.answer("ana", .attending, on: "2027-03-09"), Self.answer("ben", .attending, on: "2027-03-09"),
                ]
            ).isEmpty)
    }

    @Test("answers for another meeting do not count towards this one")
    func otherMeetingsAnswers() {
        let series = Self.series(start: "2027-03-09T10:00:00", quorum: Quorum(count: .people(1)))
        #expect(Self.plan(series, attendance: [Self.answer("ana", .attending, on: "2027-03-16")]).count == 1)
    }

    @Test("a series without an organiser gets no warning: there is nobody to tell")
    func noOrganizer() {
        let series = Self.series(start: "2027-03-09T10:00:00", quorum: Quorum(count: .people(2)), organizer: nil)
        #expect(Self.plan(series).isEmpty)
    }

    @Test(
        "days before are counted on the meeting's clock across a clock change; hours are exact",
        arguments: [
            // Melbourne's clocks go back on Sunday 4 April 2027: the check is at 10:00 (+11:00)
            // on Saturday for a Tuesday meeting at 10:00 (+10:00), 73 hours before it.
            (
                "2027-04-06T10:00:00", "Australia/Melbourne", ReminderOffset(amount: 3, unit: .days),
                "2027-04-03T10:00:00"
            ),
            // London's go forward on Sunday 28 March 2027: 10:00 (+00:00) on Saturday for a
            // Tuesday meeting at 10:00 (+01:00), 71 hours before it.
            ("2027-03-30T10:00:00", "Europe/London", ReminderOffset(amount: 3, unit: .days), "2027-03-27T10:00:00"),
            // 72 hours before 10:00 (+10:00) on the Tuesday is 11:00 (+11:00) on the Saturday.
            (
                "2027-04-06T10:00:00", "Australia/Melbourne", ReminderOffset(amount: 72, unit: .hours),
                "2027-04-03T11:00:00"
            ),
        ])
    func clockChanges(start: String, zoneName: String, check: ReminderOffset, due: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let series = Self.series(start: start, zone: zone, quorum: Quorum(count: .people(1), check: check))
        let warning = try #require(Self.plan(series).first)
        #expect(warning.due == F.at(due, zone))
        #expect(warning.usefulUntil == F.at(start, zone))
    }
}
