import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Every change leaves an audit entry, and the change counter follows them.
@Suite struct AuditTrailTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    /// An entry's details as a dictionary of field to old and new values.
    func fields(_ entry: AuditEntry) throws -> [String: [String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(entry.details.utf8))
        return try #require(object as? [String: [String: Any]])
    }

    @Test("creating and updating an action are audited with the actor, the time and old and new values")
    func actionTrail() throws {
        let action = try database.createAction(
            NewAction(title: "Book the hall", ownerID: "ann", due: LocalDate(iso: "2027-03-01")), actor: "cli:ann",
            now: .reference)
        let later = Date.reference.addingTimeInterval(120)
        _ = try database.updateAction(
            id: action.id, ActionChanges(due: .some(nil), status: .done), actor: "api:k7qm2xw9ta", now: later)

        let entries = try database.auditEntries(entity: "action", entityID: action.id, limit: 10)
        #expect(entries.count == 2)
        let updated = entries[0]
        #expect(updated.change == "updated")
        #expect(updated.actor == "api:k7qm2xw9ta")
        #expect(updated.at == later)
        #expect(updated.entity == "action")
        #expect(updated.entityID == action.id)
        let changed = try fields(updated)
        #expect(Set(changed.keys) == ["due", "status"])
        #expect(changed["due"]?["old"] as? String == "2027-03-01")
        #expect(changed["due"]?["new"] is NSNull)
        #expect(changed["status"]?["old"] as? String == "open")
        #expect(changed["status"]?["new"] as? String == "done")

        let created = entries[1]
        #expect(created.change == "created")
        #expect(created.actor == "cli:ann")
        #expect(created.at == .reference)
        let initial = try fields(created)
        #expect(initial["title"]?["new"] as? String == "Book the hall")
        #expect(initial["title"]?["old"] is NSNull)
        #expect(initial["details"] == nil)
    }

    @Test("agenda items are audited when created, updated and deleted")
    func agendaTrail() throws {
        let item = try database.createAgendaItem(
            NewAgendaItem(seriesID: "s", occurrenceDate: try #require(LocalDate(iso: "2027-03-09")), title: "x"),
            actor: "a", now: .reference)
        _ = try database.updateAgendaItem(id: item.id, AgendaItemChanges(minutes: 10), actor: "b", now: .reference)
        _ = try database.deleteAgendaItem(id: item.id, actor: "c", now: .reference)
        let entries = try database.auditEntries(entity: "agenda-item", entityID: nil, limit: 10)
        #expect(entries.map(\.change) == ["deleted", "updated", "created"])
        #expect(entries.map(\.actor) == ["c", "b", "a"])
        let deleted = try fields(entries[0])
        #expect(deleted["title"]?["old"] as? String == "x")
        #expect(deleted["minutes"]?["old"] as? Int == 10)
        #expect(try fields(entries[1])["minutes"]?["old"] is NSNull)
    }

    @Test("the trail lists newest first, filtered by entity and id, up to the limit")
    func listing() throws {
        let first = try database.createAction(NewAction(title: "a", ownerID: "o"), actor: "t", now: .reference)
        let second = try database.createAction(NewAction(title: "b", ownerID: "o"), actor: "t", now: .reference)
        _ = try database.recordIndicatorResult(
            indicatorID: "i", period: try #require(ReportingPeriod(parsing: "2027")), value: 1, note: nil, actor: "t",
            now: .reference)
        let all = try database.auditEntries(entity: nil, entityID: nil, limit: 10)
        #expect(all.map(\.entity) == ["indicator-result", "action", "action"])
        #expect(all.map(\.id) == all.map(\.id).sorted(by: >))
        #expect(try database.auditEntries(entity: "action", entityID: nil, limit: 1).map(\.entityID) == [second.id])
        #expect(try database.auditEntries(entity: "action", entityID: first.id, limit: 10).count == 1)
        #expect(try database.auditEntries(entity: "agenda-item", entityID: nil, limit: 10).isEmpty)
    }

    @Test("the change counter grows with every change, and another connection to the file sees it")
    func changeCounter() throws {
        let other = try directory.open()
        #expect(try database.changeCounter() == 0)
        let action = try database.createAction(NewAction(title: "a", ownerID: "o"), actor: "t", now: .reference)
        let afterCreate = try other.changeCounter()
        #expect(afterCreate > 0)
        _ = try database.updateAction(id: action.id, ActionChanges(status: .done), actor: "t", now: .reference)
        let afterUpdate = try other.changeCounter()
        #expect(afterUpdate > afterCreate)
        let item = try other.createAgendaItem(
            NewAgendaItem(seriesID: "s", occurrenceDate: try #require(LocalDate(iso: "2027-03-09")), title: "x"),
            actor: "t", now: .reference)
        let afterItem = try database.changeCounter()
        #expect(afterItem > afterUpdate)
        _ = try other.deleteAgendaItem(id: item.id, actor: "t", now: .reference)
        #expect(try database.changeCounter() > afterItem)
        _ = try database.recordIndicatorResult(
            indicatorID: "i", period: try #require(ReportingPeriod(parsing: "2027")), value: 1, note: nil, actor: "t",
            now: .reference)
        #expect(try other.changeCounter() > afterItem + 1)
    }
}
