import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// The order of a meeting's items, moving them within a meeting and to another, and
/// withdrawing them: each agenda stays numbered 1, 2, 3... whatever happens to its items.
@Suite struct AgendaOrderStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let march = LocalDate(iso: "2027-03-09")!
    let april = LocalDate(iso: "2027-04-13")!

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    /// Submits items titled `titles` for the leadership table on `date`; returns their ids.
    func submit(_ titles: [String], on date: LocalDate, series: String = "leadership-table") throws -> [Int64] {
        try titles.map { title in
            try database.createAgendaItem(
                NewAgendaItem(seriesID: series, occurrenceDate: date, title: title), actor: "cli:ana", now: .reference
            ).id
        }
    }

    /// The titles on the agenda of `date`, with their positions: `["1 A", "2 B"]`.
    func agenda(_ date: LocalDate, includingWithdrawn: Bool = false) throws -> [String] {
        try database.agendaItems(
            seriesID: "leadership-table", occurrenceDate: date, includingWithdrawn: includingWithdrawn, limit: 100,
            offset: 0
        ).map { "\($0.position) \($0.title)\($0.isOnAgenda ? "" : " (withdrawn)")" }
    }

    func move(_ id: Int64, _ changes: AgendaItemChanges) throws -> AgendaItem {
        try #require(try database.updateAgendaItem(id: id, changes, actor: "console:priya", now: .reference))
    }

    /// The description of the `invalidPlacement` error `changes` cause.
    func refusal(_ id: Int64, _ changes: AgendaItemChanges) -> String? {
        do throws(StoreError) {
            _ = try database.updateAgendaItem(id: id, changes, actor: "t", now: .reference)
            return nil
        } catch {
            #expect(error.code == .invalidPlacement)
            return error.description
        }
    }

    @Test("new items go to the end of their own meeting's agenda")
    func newItemsAtTheEnd() throws {
        _ = try submit(["A", "B"], on: march)
        _ = try submit(["X"], on: april)
        _ = try submit(["C"], on: march)
        _ = try submit(["Other series"], on: march, series: "attendance-wg")
        #expect(try agenda(march) == ["1 A", "2 B", "3 C"])
        #expect(try agenda(april) == ["1 X"])
    }

    @Test("an item moves to a position, before or after another, and the others make room")
    func reorder() throws {
        let ids = try submit(["A", "B", "C", "D"], on: march)
        #expect(try move(ids[3], AgendaItemChanges(placement: .position(1))).position == 1)
        #expect(try agenda(march) == ["1 D", "2 A", "3 B", "4 C"])
        _ = try move(ids[0], AgendaItemChanges(placement: .after(ids[2])))
        #expect(try agenda(march) == ["1 D", "2 B", "3 C", "4 A"])
        _ = try move(ids[2], AgendaItemChanges(placement: .before(ids[3])))
        #expect(try agenda(march) == ["1 C", "2 D", "3 B", "4 A"])
        _ = try move(ids[2], AgendaItemChanges(placement: .end))
        #expect(try agenda(march) == ["1 D", "2 B", "3 A", "4 C"])
    }

    @Test("a move is audited on the moved item with its old and new place, and moves the change counter")
    func moveAudited() throws {
        let ids = try submit(["A", "B", "C"], on: march)
        let before = try database.changeCounter()
        _ = try move(ids[2], AgendaItemChanges(placement: .position(1)))
        #expect(try database.changeCounter() > before)
        let entry = try #require(try database.auditEntries(entity: "agenda-item", entityID: nil, limit: 1).first)
        #expect(entry.entityID == ids[2])
        #expect(entry.actor == "console:priya")
        #expect(entry.details == #"{"position":{"new":1,"old":3}}"#)
        let unchanged = try database.changeCounter()
        _ = try move(ids[2], AgendaItemChanges(placement: .position(1)))
        #expect(try database.changeCounter() == unchanged, "a move to where it is writes nothing")
    }

    @Test("a place that is not on the agenda is refused with what is wrong, and nothing changes")
    func refusedPlacements() throws {
        let ids = try submit(["A", "B", "C"], on: march)
        let elsewhere = try submit(["X"], on: april)
        let gone = try submit(["Gone"], on: march)
        let otherSeries = try submit(["Elsewhere"], on: march, series: "attendance-wg")
        _ = try database.withdrawAgendaItem(id: gone[0], actor: "t", now: .reference)
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .position(4)))
                == "Position 4 is not on the agenda of leadership-table 2027-03-09, which has 3 items with this one; "
                + "give 1 to 3.")
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .before(ids[0])))
                == "An item cannot be placed before or after itself.")
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .after(elsewhere[0])))
                == "Item #\(elsewhere[0]) is on the agenda of leadership-table 2027-04-13, not leadership-table "
                + "2027-03-09.")
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .after(gone[0])))
                == "Item #\(gone[0]) was withdrawn, so it is on no agenda.")
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .before(999)))
                == "Series leadership-table has no agenda item #999.")
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .before(otherSeries[0])))
                == "Series leadership-table has no agenda item #\(otherSeries[0]).")
        #expect(try agenda(march) == ["1 A", "2 B", "3 C"])
    }

    @Test("an item moved to another meeting goes to its end, or where it is told; both agendas close up")
    func moveToAnotherMeeting() throws {
        let ids = try submit(["A", "B", "C"], on: march)
        let aprilIDs = try submit(["X", "Y"], on: april)
        let moved = try move(ids[0], AgendaItemChanges(occurrenceDate: april))
        #expect(moved.occurrenceDate == april)
        #expect(moved.position == 3)
        #expect(try agenda(march) == ["1 B", "2 C"])
        #expect(try agenda(april) == ["1 X", "2 Y", "3 A"])
        _ = try move(ids[2], AgendaItemChanges(occurrenceDate: april, placement: .before(aprilIDs[1])))
        #expect(try agenda(march) == ["1 B"])
        #expect(try agenda(april) == ["1 X", "2 C", "3 Y", "4 A"])
        // C was second in March once A left, and is second in April: only its meeting changed.
        let entry = try #require(try database.auditEntries(entity: "agenda-item", entityID: ids[2], limit: 1).first)
        #expect(entry.details == #"{"occurrence_date":{"new":"2027-04-13","old":"2027-03-09"}}"#)
    }

    @Test("a withdrawn item is kept with who withdrew it and when, off the agenda, and the gap closes")
    func withdraw() throws {
        let ids = try submit(["A", "B", "C"], on: march)
        let when = Date.reference.addingTimeInterval(3600)
        let withdrawn = try #require(try database.withdrawAgendaItem(id: ids[1], actor: "cli:ana", now: when))
        #expect(withdrawn.withdrawal == AgendaItem.Withdrawal(by: "cli:ana", at: when))
        #expect(!withdrawn.isOnAgenda)
        #expect(withdrawn.updatedAt == when)
        #expect(try database.agendaItem(id: ids[1]) == withdrawn)
        #expect(try agenda(march) == ["1 A", "2 C"])
        #expect(try agenda(march, includingWithdrawn: true) == ["1 A", "2 C", "2 B (withdrawn)"])
        #expect(try database.countAgendaItems(seriesID: "leadership-table", occurrenceDate: march) == 2)
        #expect(
            try database.countAgendaItems(seriesID: "leadership-table", occurrenceDate: march, includingWithdrawn: true)
                == 3)
        let entry = try #require(try database.auditEntries(entity: "agenda-item", entityID: ids[1], limit: 1).first)
        #expect(entry.change == "updated")
        #expect(entry.actor == "cli:ana")
        #expect(entry.details.contains(#""withdrawn_by":{"new":"cli:ana","old":null}"#))
        #expect(entry.details.contains(#""withdrawn_at":{"new":"\#(when.formatted(.iso8601))","old":null}"#))

        let counter = try database.changeCounter()
        #expect(try database.withdrawAgendaItem(id: ids[1], actor: "cli:ben", now: .reference) == withdrawn)
        #expect(try database.changeCounter() == counter, "withdrawing again writes nothing")
        #expect(try database.withdrawAgendaItem(id: 999, actor: "t", now: .reference) == nil)
    }

    @Test("a withdrawn item cannot move, but its fields can still be corrected")
    func withdrawnStays() throws {
        let ids = try submit(["A", "B"], on: march)
        _ = try database.withdrawAgendaItem(id: ids[0], actor: "t", now: .reference)
        #expect(
            refusal(ids[0], AgendaItemChanges(placement: .position(1)))?.hasPrefix("Item #\(ids[0]) was withdrawn")
                == true)
        #expect(refusal(ids[0], AgendaItemChanges(occurrenceDate: april)) != nil)
        #expect(try move(ids[0], AgendaItemChanges(minutes: 10)).minutes == 10)
        #expect(try agenda(march) == ["1 B"])
    }

    @Test("deleting an item closes the gap it leaves")
    func deleteClosesGap() throws {
        let ids = try submit(["A", "B", "C"], on: march)
        #expect(try database.deleteAgendaItem(id: ids[0], actor: "t", now: .reference))
        #expect(try agenda(march) == ["1 B", "2 C"])
        let entry = try #require(try database.auditEntries(entity: "agenda-item", entityID: ids[0], limit: 1).first)
        #expect(entry.details.contains(#""position":{"new":null,"old":1}"#))
    }

    @Test("a database from before agenda order numbers each meeting's items in the order they were submitted")
    func migration() throws {
        let directory = try TemporaryDirectory()
        do {
            let pool = try DatabasePool(path: directory.databasePath)
            try AppDatabase.migrator.migrate(pool, upTo: "v7-inbound")
            try pool.write { db in
                // Ids out of submission order, two meetings and two series.
                for (id, series, date, seconds) in [
                    (1, "a", "2027-03-09", 30), (2, "a", "2027-03-09", 10), (3, "a", "2027-04-13", 0),
                    (4, "b", "2027-03-09", 20), (5, "a", "2027-03-09", 10),
                ] {
                    let at = Date.reference.addingTimeInterval(TimeInterval(seconds))
                    try db.execute(
                        sql: """
                            INSERT INTO agenda_item (id, series_id, occurrence_date, title, submitted_by, created_at,
                                updated_at)
                            VALUES (?, ?, ?, ?, 't', ?, ?)
                            """,
                        arguments: [id, series, date, "item \(id)", at, at])
                }
            }
        }
        let upgraded = try directory.open()
        let items = try upgraded.agendaItems(seriesID: nil, occurrenceDate: nil, limit: 100, offset: 0)
        #expect(items.map { "\($0.id)@\($0.position)" } == ["2@1", "5@2", "1@3", "4@1", "3@1"])
        #expect(items.allSatisfy { $0.isOnAgenda })
    }
}
