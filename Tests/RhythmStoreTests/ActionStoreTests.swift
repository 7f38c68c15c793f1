import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Recording, reading, changing and filtering actions.
@Suite struct ActionStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func date(_ text: String) throws -> LocalDate {
        try #require(LocalDate(iso: text))
    }

    @Test("a created action reads back with every field and the store's id and times")
    func createAndRead() throws {
        let new = NewAction(
            title: "Draft the data-sharing agreement", details: "With the schools' legal team",
            ownerID: "fiona-mcallister", partnerID: "brightwater-council", groupID: "attendance-wg",
            seriesID: "leadership-table", raisedOn: try date("2027-02-09"), due: try date("2027-03-01"),
            status: .inProgress)
        let action = try database.createAction(new, actor: "cli:test", now: .reference)
        #expect(action.id > 0)
        #expect(action.title == new.title)
        #expect(action.details == new.details)
        #expect(action.ownerID == "fiona-mcallister")
        #expect(action.partnerID == "brightwater-council")
        #expect(action.groupID == "attendance-wg")
        #expect(action.seriesID == "leadership-table")
        #expect(action.raisedOn == (try date("2027-02-09")))
        #expect(action.due == (try date("2027-03-01")))
        #expect(action.status == .inProgress)
        #expect(action.createdAt == .reference)
        #expect(action.updatedAt == .reference)
        #expect(try database.action(id: action.id) == action)
        #expect(try database.action(id: action.id + 1) == nil)
    }

    @Test("an empty title is refused with a store error, and nothing is written")
    func emptyTitle() throws {
        #expect(throws: StoreError.self) {
            try database.createAction(NewAction(title: "  ", ownerID: "x"), actor: "t", now: .reference)
        }
        #expect(try database.countActions(matching: ActionFilter()) == 0)
        #expect(try database.changeCounter() == 0)
    }

    @Test("an update changes only the named fields; .some(nil) clears one")
    func update() throws {
        let action = try database.createAction(
            NewAction(
                title: "Book the hall", details: "Town hall", ownerID: "a", partnerID: "p", due: date("2027-01-10")),
            actor: "t", now: .reference)
        let later = Date.reference.addingTimeInterval(3600)
        var changes = ActionChanges()
        changes.title = "Book the community hall"
        changes.due = .some(nil)
        changes.partnerID = .some(nil)
        let updated = try #require(try database.updateAction(id: action.id, changes, actor: "t", now: later))
        #expect(updated.title == "Book the community hall")
        #expect(updated.due == nil)
        #expect(updated.partnerID == nil)
        #expect(updated.details == "Town hall")
        #expect(updated.ownerID == "a")
        #expect(updated.createdAt == .reference)
        #expect(updated.updatedAt == later)
        #expect(try database.action(id: action.id) == updated)

        let done = try database.updateAction(id: action.id, ActionChanges(status: .done), actor: "t", now: later)
        #expect(done?.status == .done)
        #expect(try database.updateAction(id: 999, ActionChanges(status: .done), actor: "t", now: later) == nil)
    }

    @Test("an update that changes nothing writes nothing")
    func emptyUpdate() throws {
        let action = try database.createAction(NewAction(title: "A", ownerID: "a"), actor: "t", now: .reference)
        let counter = try database.changeCounter()
        let same = try database.updateAction(
            id: action.id, ActionChanges(title: "A"), actor: "t", now: .reference.addingTimeInterval(60))
        #expect(same == action)
        #expect(try database.changeCounter() == counter)
    }

    func seed() throws -> [Action] {
        let rows: [(String, String, String?, String?, String?, Action.Status)] = [
            ("one", "ann", "p1", "g1", "2027-03-01", .open),
            ("two", "ann", "p1", nil, "2027-02-01", .blocked),
            ("three", "bob", "p2", "g1", nil, .open),
            ("four", "bob", "p2", nil, "2027-01-15", .done),
            ("five", "cat", nil, "g2", "2027-02-20", .inProgress),
            ("six", "cat", nil, nil, "2027-02-01", .dropped),
        ]
        return try rows.map { title, owner, partner, group, due, status in
            try database.createAction(
                NewAction(
                    title: title, ownerID: owner, partnerID: partner, groupID: group, seriesID: "s",
                    due: due.flatMap { LocalDate(iso: $0) }, status: status),
                actor: "t", now: .reference)
        }
    }

    @Test("actions come by due date, those without one last, then by id")
    func order() throws {
        _ = try seed()
        let titles = try database.actions(matching: ActionFilter()).map(\.title)
        #expect(titles == ["four", "two", "six", "five", "one", "three"])
    }

    @Test("filters by owner, partner, group, series and status combine")
    func filters() throws {
        _ = try seed()
        func titles(_ filter: ActionFilter) throws -> [String] {
            try database.actions(matching: filter).map(\.title)
        }
        #expect(try titles(ActionFilter(ownerID: "ann")) == ["two", "one"])
        #expect(try titles(ActionFilter(partnerID: "p2")) == ["four", "three"])
        #expect(try titles(ActionFilter(groupID: "g1")) == ["one", "three"])
        #expect(try titles(ActionFilter(seriesID: "other")) == [])
        #expect(try titles(ActionFilter(statuses: [.open])) == ["one", "three"])
        #expect(try titles(ActionFilter(statuses: [.done, .dropped])) == ["four", "six"])
        #expect(try titles(ActionFilter(statuses: [])) == [])
        #expect(try titles(ActionFilter(ownerID: "bob", statuses: [.open, .blocked])) == ["three"])
    }

    @Test("overdue means still open and due before the day; due-before ignores the status")
    func dates() throws {
        _ = try seed()
        let day = try date("2027-02-20")
        #expect(try database.actions(matching: ActionFilter(overdueOn: day)).map(\.title) == ["two"])
        #expect(
            try database.actions(matching: ActionFilter(dueBefore: day)).map(\.title) == ["four", "two", "six"])
        #expect(try database.countActions(matching: ActionFilter(overdueOn: try date("2027-03-02"))) == 3)
        #expect(try database.openActions().map(\.title) == ["two", "five", "one", "three"])
    }

    @Test("limit and offset page through the list; counting ignores them")
    func paging() throws {
        _ = try seed()
        let all = try database.actions(matching: ActionFilter()).map(\.title)
        let first = try database.actions(matching: ActionFilter(limit: 4)).map(\.title)
        let second = try database.actions(matching: ActionFilter(limit: 4, offset: 4)).map(\.title)
        #expect(first + second == all)
        #expect(second.count == 2)
        #expect(try database.countActions(matching: ActionFilter(limit: 1, offset: 3)) == 6)
        #expect(try database.countActions(matching: ActionFilter(ownerID: "cat")) == 2)
    }
}
