import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Submitting, reading, changing and withdrawing agenda items.
@Suite struct AgendaItemStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func date(_ text: String) throws -> LocalDate {
        try #require(LocalDate(iso: text))
    }

    @Test("a submitted item reads back, submitted by the actor")
    func createAndRead() throws {
        let item = try database.createAgendaItem(
            NewAgendaItem(
                seriesID: "leadership-table", occurrenceDate: date("2027-03-09"), title: "Attendance data",
                presenterID: "fiona-mcallister", minutes: 15, notes: "Term 1 figures"),
            actor: "cli:fiona", now: .reference)
        #expect(item.id > 0)
        #expect(item.seriesID == "leadership-table")
        #expect(item.occurrenceDate == (try date("2027-03-09")))
        #expect(item.title == "Attendance data")
        #expect(item.presenterID == "fiona-mcallister")
        #expect(item.minutes == 15)
        #expect(item.notes == "Term 1 figures")
        #expect(item.submittedBy == "cli:fiona")
        #expect(item.createdAt == .reference)
        #expect(try database.agendaItem(id: item.id) == item)
        #expect(try database.agendaItem(id: item.id + 1) == nil)
    }

    @Test("zero minutes and an empty title are refused")
    func invalid() throws {
        let day = try date("2027-03-09")
        #expect(throws: StoreError.self) {
            try database.createAgendaItem(
                NewAgendaItem(seriesID: "s", occurrenceDate: day, title: "x", minutes: 0), actor: "t", now: .reference)
        }
        #expect(throws: StoreError.self) {
            try database.createAgendaItem(
                NewAgendaItem(seriesID: "s", occurrenceDate: day, title: ""), actor: "t", now: .reference)
        }
        let item = try database.createAgendaItem(
            NewAgendaItem(seriesID: "s", occurrenceDate: day, title: "x"), actor: "t", now: .reference)
        #expect(throws: StoreError.self) {
            try database.updateAgendaItem(id: item.id, AgendaItemChanges(minutes: -5), actor: "t", now: .reference)
        }
        #expect(try database.countAgendaItems(seriesID: nil, occurrenceDate: nil) == 1)
    }

    @Test("an update changes the named fields and clears with .some(nil); delete removes the item")
    func updateAndDelete() throws {
        let item = try database.createAgendaItem(
            NewAgendaItem(seriesID: "s", occurrenceDate: date("2027-03-09"), title: "x", presenterID: "p", minutes: 10),
            actor: "t", now: .reference)
        var changes = AgendaItemChanges()
        changes.presenterID = .some(nil)
        changes.minutes = 20
        changes.occurrenceDate = try date("2027-04-13")
        let later = Date.reference.addingTimeInterval(60)
        let updated = try #require(try database.updateAgendaItem(id: item.id, changes, actor: "t", now: later))
        #expect(updated.presenterID == nil)
        #expect(updated.minutes == 20)
        #expect(updated.occurrenceDate == (try date("2027-04-13")))
        #expect(updated.title == "x")
        #expect(updated.updatedAt == later)
        #expect(try database.updateAgendaItem(id: 999, changes, actor: "t", now: later) == nil)

        #expect(try database.deleteAgendaItem(id: item.id, actor: "t", now: later))
        #expect(try database.agendaItem(id: item.id) == nil)
        #expect(try !database.deleteAgendaItem(id: item.id, actor: "t", now: later))
    }

    @Test("items list by occurrence date, series and agenda order, filtered by series and date, paged and counted")
    func listing() throws {
        let entries = [("a", "2027-03-09"), ("b", "2027-02-09"), ("a", "2027-02-09"), ("a", "2027-03-09")]
        for (index, (series, day)) in entries.enumerated() {
            _ = try database.createAgendaItem(
                NewAgendaItem(seriesID: series, occurrenceDate: date(day), title: "item \(index)"), actor: "t",
                now: .reference)
        }
        func titles(_ series: String?, _ day: String?, limit: Int = 100, offset: Int = 0) throws -> [String] {
            try database.agendaItems(
                seriesID: series, occurrenceDate: day.flatMap { LocalDate(iso: $0) }, limit: limit, offset: offset
            ).map(\.title)
        }
        #expect(try titles(nil, nil) == ["item 2", "item 1", "item 0", "item 3"])
        #expect(try titles("a", nil) == ["item 2", "item 0", "item 3"])
        #expect(try titles("a", "2027-03-09") == ["item 0", "item 3"])
        #expect(try titles(nil, "2027-02-09") == ["item 2", "item 1"])
        #expect(try titles("a", nil, limit: 1, offset: 1) == ["item 0"])
        #expect(try database.countAgendaItems(seriesID: "a", occurrenceDate: nil) == 3)
        #expect(try database.countAgendaItems(seriesID: nil, occurrenceDate: try date("2027-02-09")) == 2)
        #expect(try database.countAgendaItems(seriesID: "zzz", occurrenceDate: nil) == 0)
    }
}
