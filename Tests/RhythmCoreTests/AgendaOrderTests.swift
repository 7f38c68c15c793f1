import Foundation
import Testing

@testable import RhythmCore

/// Where an item goes when it is reordered, the order agendas follow, the time budget, and
/// the meeting an item is deferred to.
@Suite struct AgendaOrderTests {
    typealias F = AgendaFixtures

    @Test(
        "a placement puts the item where it says, the others keeping their order",
        arguments: [
            (AgendaPlacement.position(1), [4, 1, 2, 3]),
            (.position(3), [1, 2, 4, 3]),
            (.position(4), [1, 2, 3, 4]),
            (.before(1), [4, 1, 2, 3]),
            (.after(1), [1, 4, 2, 3]),
            (.after(3), [1, 2, 3, 4]),
            (.end, [1, 2, 3, 4]),
        ])
    func placement(_ placement: AgendaPlacement, expected: [Int64]) throws {
        // Item 4 is on the agenda already, last, and comes from another meeting: same result.
        #expect(try placement.order(placing: 4, among: [1, 2, 3, 4]).get() == expected)
        #expect(try placement.order(placing: 4, among: [1, 2, 3]).get() == expected)
    }

    @Test("a place outside the agenda, next to itself or next to an item not on it is refused")
    func refusedPlacement() {
        #expect(
            AgendaPlacement.position(5).order(placing: 4, among: [1, 2, 3, 4])
                == .failure(.positionOutOfRange(5, count: 4)))
        #expect(
            AgendaPlacement.position(0).order(placing: 4, among: [1, 2, 3])
                == .failure(.positionOutOfRange(0, count: 4)))
        #expect(AgendaPlacement.before(4).order(placing: 4, among: [1, 4]) == .failure(.relativeToItself))
        #expect(AgendaPlacement.after(9).order(placing: 4, among: [1, 4]) == .failure(.notOnAgenda(9)))
    }

    func agenda(_ items: [AgendaItem]) -> Agenda {
        let initiative = F.initiative()
        return AgendaBuilder().agenda(
            for: F.occurrence(F.leadership(), on: "2027-04-13", in: initiative), initiative: initiative, actions: [],
            items: items, results: [], today: F.date("2027-04-06"))
    }

    @Test("the agenda lists items by position, not by when they were submitted, and leaves withdrawn ones off")
    func builderFollowsPositions() {
        let result = agenda([
            F.item(1, on: "2027-04-13", minutes: 10, position: 3, createdAfter: 0),
            F.item(2, on: "2027-04-13", minutes: 20, position: 1, createdAfter: 10),
            F.item(3, on: "2027-04-13", minutes: 30, position: 2, createdAfter: 20),
            F.item(4, on: "2027-04-13", minutes: 40, position: 2, createdAfter: 5, withdrawn: true),
        ])
        #expect(result.items.map(\.id) == [2, 3, 1])
        #expect(result.items.map(\.offsetMinutes) == [0, 20, 50])
        #expect(result.scheduledMinutes == 60)
        #expect(result.standingItems == ["Welcome and apologies", "Decisions needed"])
    }

    @Test("the budget sets the meeting's minutes against the items', naming those without minutes")
    func budget() throws {
        let initiative = F.initiative()
        let occurrence = F.occurrence(F.leadership(), on: "2027-04-13", in: initiative)
        let items = [
            F.item(1, on: "2027-04-13", minutes: 45, position: 1),
            F.item(2, on: "2027-04-13", minutes: nil, position: 3),
            F.item(3, on: "2027-04-13", minutes: 30, position: 2),
            F.item(4, on: "2027-04-13", minutes: nil, position: 4),
            F.item(5, on: "2027-04-13", minutes: 90, position: 5, withdrawn: true),
            F.item(6, on: "2027-05-11", minutes: 90, position: 1),
        ]
        let budget = AgendaTimeBudget(for: occurrence, items: items)
        #expect(budget.meetingMinutes == 120)
        #expect(budget.plannedMinutes == 75)
        #expect(budget.itemCount == 4)
        #expect(budget.balance == 45)
        #expect(!budget.isOverfull)
        #expect(budget.unsizedItems.map(\.id) == [2, 4])
        #expect(
            budget.summary == #"75 of 120 minutes planned, 45 to spare. 2 items without minutes: "Item 2", "Item 4"."#)
        // The agenda's budget is the same one.
        #expect(agenda(items).budget == budget)
    }

    @Test(
        "the budget says how far over or under the meeting the items are",
        arguments: [
            ([120], "120 of 120 minutes planned, no time to spare."),
            ([100, 50], "150 of 120 minutes planned, 30 over."),
            ([], "No items yet; the meeting has 120 minutes."),
        ])
    func budgetSummary(minutes: [Int], expected: String) {
        let items = minutes.enumerated().map { index, minutes in
            F.item(Int64(index + 1), on: "2027-04-13", minutes: minutes, position: index + 1)
        }
        let budget = agenda(items).budget
        #expect(budget.summary == expected)
        #expect(budget.isOverfull == (budget.balance < 0))
    }

    @Test("across the night the clocks go back, the budget counts real minutes and items start at real times")
    func budgetAcrossClockChange() {
        // Melbourne's clocks go back from 03:00 to 02:00 on Sunday 4 April 2027.
        let night = MeetingSeries(
            id: "night", title: "Night shift handover", kind: .team, start: F.local("2027-03-28T01:30"),
            duration: .seconds(7200), timeZone: F.melbourne, attendees: Attendees(groupIDs: ["leadership"]),
            recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=SU"))
        let initiative = F.initiative(series: [night])
        let occurrence = F.occurrence(night, on: "2027-04-04", in: initiative)
        let items = [
            F.item(1, series: "night", on: "2027-04-04", minutes: 60, position: 1),
            F.item(2, series: "night", on: "2027-04-04", minutes: 30, position: 2),
            F.item(3, series: "night", on: "2027-04-04", minutes: 30, position: 3),
        ]
        let agenda = AgendaBuilder().agenda(
            for: occurrence, initiative: initiative, actions: [], items: items, results: [],
            today: F.date("2027-04-01"))
        #expect(
            AgendaTimeBudget(for: occurrence, items: items).summary == "120 of 120 minutes planned, no time to spare.")
        // 01:30 +11:00, then 02:30 +11:00, then 02:00 +10:00: half an hour later, on the clock an hour back.
        #expect(agenda.items.map { $0.localStart.time.description } == ["01:30:00", "02:30:00", "02:00:00"])
    }

    @Test("an item is deferred to the next meeting held after its own, skipping a cancelled one")
    func deferral() {
        let series = F.leadership(exceptions: [.cancel(F.date("2027-05-11"), reason: "Budget week")])
        let schedule = Schedule(initiative: F.initiative(series: [series, F.review]))
        let beforeAll = F.melbourne.instant(for: F.local("2027-01-01T00:00"))
        #expect(
            schedule.meeting(of: series, after: F.date("2027-04-13"), now: beforeAll)?.originalStart.date
                == F.date("2027-06-08"))
        #expect(
            schedule.meeting(of: series, after: F.date("2027-03-09"), now: beforeAll)?.originalStart.date
                == F.date("2027-04-13"))
    }

    @Test("an item of a meeting long past is deferred to the next meeting still to come")
    func deferralFromThePast() {
        let series = F.leadership()
        let schedule = Schedule(initiative: F.initiative(series: [series, F.review]))
        // During the 9 March meeting, an item of 12 January is deferred to 13 April.
        let duringMarch = F.melbourne.instant(for: F.local("2027-03-09T11:00"))
        #expect(
            schedule.meeting(of: series, after: F.date("2027-01-12"), now: duringMarch)?.originalStart.date
                == F.date("2027-04-13"))
    }
}
