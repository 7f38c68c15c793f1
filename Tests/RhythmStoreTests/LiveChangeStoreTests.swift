import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Live changes: checked and recorded in one audited transaction, restored into history,
/// and one in force per meeting.
@Suite struct LiveChangeStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    /// Tuesdays at 10:00 in Melbourne from December 2026.
    static let file = Initiative(
        name: "Test", timeZone: TimeZone(identifier: "Australia/Melbourne")!, domain: "example.org",
        series: [
            MeetingSeries(
                id: "weekly", title: "Weekly", kind: .team, start: LocalDateTime(iso: "2026-12-01T10:00")!,
                duration: .seconds(3600), timeZone: TimeZone(identifier: "Australia/Melbourne")!,
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        ])

    static let cancel = LiveChangeRequest(
        seriesID: "weekly", kind: .cancel(originalDate: LocalDate(iso: "2026-12-08")!, reason: "Chair ill"),
        notifiesAttendees: true)

    @Test("a change is recorded with who and when, and audited in the same transaction")
    func recordsAndAudits() throws {
        let counter = try database.changeCounter()
        let change = try database.makeLiveChange(Self.cancel, over: Self.file, actor: "console:alice", now: .reference)
        #expect(change.kind == Self.cancel.kind)
        #expect(change.actor == "console:alice")
        #expect(change.createdAt == .reference)
        #expect(change.notifiesAttendees)
        #expect(try database.liveChanges(includingEnded: false) == [change])
        #expect(try database.liveChange(id: change.id) == change)
        #expect(try database.changeCounter() > counter)
        let entry = try #require(
            try database.auditEntries(entity: "occurrence-change", entityID: change.id, limit: 5).first)
        #expect(entry.change == "created")
        #expect(entry.actor == "console:alice")
        #expect(entry.details.contains("\"reason\":{\"new\":\"Chair ill\",\"old\":null}"))
    }

    @Test("a move and an extra meeting keep every field through the database")
    func roundTripsEveryKind() throws {
        let move = LiveChangeRequest(
            seriesID: "weekly",
            kind: .move(
                originalDate: LocalDate(iso: "2026-12-15")!,
                OccurrenceChange(
                    start: LocalDateTime(iso: "2026-12-17T14:30")!, location: "Library",
                    onlineMeetingURL: URL(string: "https://meet.example.org/x"), reason: "Room taken")))
        let extra = LiveChangeRequest(
            seriesID: "weekly",
            kind: .extra(start: LocalDateTime(iso: "2026-12-23T09:00")!, location: "Hall", reason: "Review"))
        let made = try [move, extra].map {
            try database.makeLiveChange($0, over: Self.file, actor: "api:portal", now: .reference)
        }
        let read = try database.liveChanges(includingEnded: false)
        #expect(read == made)
        #expect(read.map(\.kind) == [move.kind, extra.kind])
    }

    @Test("a wrong request is refused with its problems and writes nothing")
    func refusesInvalidRequest() throws {
        let wednesday = LiveChangeRequest(
            seriesID: "weekly", kind: .cancel(originalDate: LocalDate(iso: "2026-12-09")!, reason: "x"))
        let counter = try database.changeCounter()
        #expect(throws: LiveChangeRequestError.self) {
            try database.makeLiveChange(wednesday, over: Self.file, actor: "console:alice", now: .reference)
        }
        #expect(try database.liveChanges(includingEnded: true).isEmpty)
        #expect(try database.changeCounter() == counter)
    }

    @Test("restoring ends the change, keeps it as history, audits it, and frees the meeting for another change")
    func restore() throws {
        let change = try database.makeLiveChange(Self.cancel, over: Self.file, actor: "console:alice", now: .reference)
        #expect(throws: LiveChangeRequestError.self) {
            try database.makeLiveChange(Self.cancel, over: Self.file, actor: "console:bob", now: .reference)
        }
        let later = Date.reference.addingTimeInterval(600)
        let ended = try #require(try database.endLiveChange(id: change.id, actor: "console:bob", now: later))
        #expect(ended.endedAt == later)
        #expect(ended.endedBy == "console:bob")
        #expect(!ended.isCurrent)
        #expect(try database.endLiveChange(id: change.id, actor: "console:bob", now: later) == nil)
        #expect(try database.liveChanges(includingEnded: false).isEmpty)
        #expect(try database.liveChanges(includingEnded: true) == [ended])
        let trail = try database.auditEntries(entity: "occurrence-change", entityID: change.id, limit: 5)
        #expect(trail.map(\.change) == ["updated", "created"])
        #expect(trail.first?.actor == "console:bob")
        let again = try database.makeLiveChange(Self.cancel, over: Self.file, actor: "console:bob", now: later)
        #expect(try database.liveChanges(includingEnded: false) == [again])
    }
}
