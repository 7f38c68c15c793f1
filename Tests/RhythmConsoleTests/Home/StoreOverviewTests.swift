import Foundation
import RhythmCore
import RhythmStore
import Testing

@Suite struct StoreOverviewTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func day(_ count: Int) -> Date { start.addingTimeInterval(Double(count) * 86_400) }

    @Test("an action's closing time comes from the audit trail, not from a later edit, and a reopened one is open")
    func closingTimes() throws {
        let store = try AppDatabase.inMemory()
        let edited = try store.createAction(
            NewAction(title: "Edited after closing", ownerID: "a1"), actor: "test", now: day(0))
        _ = try store.updateAction(id: edited.id, ActionChanges(status: .done), actor: "test", now: day(3))
        _ = try store.updateAction(id: edited.id, ActionChanges(title: "Renamed"), actor: "test", now: day(9))
        let reopened = try store.createAction(NewAction(title: "Reopened", ownerID: "a1"), actor: "test", now: day(1))
        _ = try store.updateAction(id: reopened.id, ActionChanges(status: .dropped), actor: "test", now: day(2))
        _ = try store.updateAction(id: reopened.id, ActionChanges(status: .open), actor: "test", now: day(4))
        let old = try store.createAction(
            NewAction(title: "Closed long ago", ownerID: "a1"), actor: "test", now: day(-90))
        _ = try store.updateAction(id: old.id, ActionChanges(status: .done), actor: "test", now: day(-80))

        let overview = try store.overview(
            answersFrom: LocalDate(year: 2027, month: 1, day: 1)!, actionsChangedSince: day(-10),
            itemsFrom: LocalDate(year: 2027, month: 1, day: 1)!, listLimit: 10)
        #expect(overview.actions.map(\.id) == [edited.id, reopened.id])
        #expect(overview.closedAt == [edited.id: day(3)])
    }

    @Test("answers and agenda items are read from the dates asked for, held and dead entries up to the limit")
    func bounds() throws {
        let store = try AppDatabase.inMemory()
        for (index, date) in ["2027-01-05", "2027-02-05"].enumerated() {
            let date = LocalDate(iso: date)!
            _ = try store.setAttendance(
                seriesID: "s", occurrenceDate: date, personID: "p\(index)", response: .attending, note: nil,
                delegateID: nil, actor: "test", now: day(index))
            _ = try store.createAgendaItem(
                NewAgendaItem(seriesID: "s", occurrenceDate: date, title: "Item \(index)"), actor: "test",
                now: day(index))
        }
        let entries = (0..<3).map {
            OutboxEntry(key: "k\($0)", channelID: "email", recipient: "person:p", due: day(0), usefulUntil: day(30))
        }
        _ = try store.enqueue(entries, plannedWindow: nil, now: day(0))
        for entry in entries {
            try store.recordOutcome(key: entry.key, outcome: .permanent(reply: "550 no"), now: day(1))
        }
        let overview = try store.overview(
            answersFrom: LocalDate(year: 2027, month: 2, day: 1)!, actionsChangedSince: day(0),
            itemsFrom: LocalDate(year: 2027, month: 2, day: 1)!, listLimit: 2)
        #expect(overview.attendance.map(\.personID) == ["p1"])
        #expect(overview.agendaItems.map(\.title) == ["Item 1"])
        #expect(overview.deadEntries.count == 2)
        #expect(overview.outboxCounts[.dead] == 3)
        #expect(overview.heldCount == 0)
    }
}
