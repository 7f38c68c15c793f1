import Foundation
import Testing

@testable import RhythmCore

/// "Stop reminders like this": a person who opted out of a rule gets none of its e-mails,
/// alone or in a digest, while everyone else and the chat posts go on as before.
@Suite struct ReminderOptOutPlanningTests {
    typealias F = ReminderFixtures

    static func optOut(_ personID: String, _ ruleID: String) -> ReminderOptOut {
        ReminderOptOut(
            id: 1, personID: personID, ruleID: ruleID, createdBy: "person:\(personID) (link)", createdAt: .distantPast)
    }

    static func plan(_ initiative: Initiative, optOuts: [ReminderOptOut], actions: [Action] = []) -> [Reminder] {
        ReminderPlanner.plan(
            initiative: initiative, window: ScheduleFixtures.window("2027-03-01T00:00:00Z", "2027-03-12T00:00:00Z"),
            actions: actions, results: [], optOuts: optOuts, now: ScheduleFixtures.instant("2027-01-01T00:00:00Z"))
    }

    @Test("an opted-out person gets no e-mail of that rule; other people, other rules and chat posts are unchanged")
    func optedOutRule() {
        let rules = [
            F.rule("week-ahead", .meetings(seriesIDs: []), .before(F.days(7)), to: .attendees),
            F.rule("day-ahead", .meetings(seriesIDs: []), .before(F.days(1)), to: .attendees),
            F.rule("chat", .meetings(seriesIDs: []), .before(F.days(1)), channel: "team-slack", to: .attendees),
        ]
        let initiative = F.initiative(series: [F.series(start: "2027-03-09T10:00:00")], rules: rules)
        let everything = Self.plan(initiative, optOuts: [])
        let planned = Self.plan(initiative, optOuts: [Self.optOut("ana", "week-ahead"), Self.optOut("ana", "chat")])
        let meeting = "series:leadership@2027-03-09T10:00:00"
        #expect(everything.count == 5)
        #expect(
            planned.map(\.key) == [
                "week-ahead|\(meeting)|person:ben|email",
                "chat|\(meeting)|channel:team-slack|team-slack",
                "day-ahead|\(meeting)|person:ana|email",
                "day-ahead|\(meeting)|person:ben|email",
            ])
        let chat = planned.first { $0.recipient == .channel("team-slack") }
        #expect(chat?.mentions == ["ana"])
    }

    @Test("a digest leaves out the members of a rule its person opted out of, and is not sent when none is left")
    func digestMembers() throws {
        let rules = [
            F.rule("agenda", .meetings(seriesIDs: []), .before(F.days(2)), to: .attendees, content: .agenda),
            F.rule("nag", .actions, .before(F.days(2)), to: .owner),
        ]
        let initiative = F.initiative(
            people: F.people(digest: true), series: [F.series(start: "2027-03-11T10:00:00", attendees: ["ana"])],
            rules: rules)
        let actions = [F.action(3, owner: "ana", due: "2027-03-11")]
        let one = Self.plan(initiative, optOuts: [Self.optOut("ana", "nag")], actions: actions)
        let digest = try #require(one.first)
        #expect(one.count == 1)
        guard case .digest(let members) = digest.subject else {
            Issue.record("expected a digest")
            return
        }
        #expect(members.map(\.key) == ["agenda|series:leadership@2027-03-11T10:00:00|person:ana|email"])
        let none = Self.plan(
            initiative, optOuts: [Self.optOut("ana", "nag"), Self.optOut("ana", "agenda")], actions: actions)
        #expect(none.isEmpty)
    }
}
