import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// Answer links, attendance and reminder opt-outs: what people answer through their links.
@Suite struct AnswerStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let meeting = AnswerLinkSubject.attendance(
        seriesID: "leadership-table", occurrenceDate: LocalDate(iso: "2027-02-09")!)

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("a link opens for its person and subject; only its hash is in the file")
    func issueAndResolve() throws {
        let issued = try database.issueAnswerLink(
            personID: "ann", subject: meeting, expiresAt: .reference + 3600, now: .reference)
        let found = try #require(try database.answerLink(forToken: issued.token, now: .reference))
        #expect(found == issued.record)
        #expect(found.personID == "ann" && found.subject == meeting)
        #expect(!issued.description.contains(issued.token))
        let file = try Data(contentsOf: URL(fileURLWithPath: directory.databasePath))
        #expect(file.range(of: Data(issued.token.utf8)) == nil)
    }

    @Test("wrong, truncated, expired and revoked links all read as nothing")
    func closedLinks() throws {
        let expiring = try database.issueAnswerLink(
            personID: "ann", subject: .page, expiresAt: .reference + 60, now: .reference)
        #expect(try database.answerLink(forToken: expiring.token, now: .reference + 60) == nil)
        #expect(try database.answerLink(forToken: String(expiring.token.dropLast()), now: .reference) == nil)
        #expect(try database.answerLink(forToken: String(repeating: "A", count: 43), now: .reference) == nil)
        let revoked = try database.issueAnswerLink(
            personID: "bob", subject: .action(7), expiresAt: nil, now: .reference)
        #expect(try database.answerLink(forToken: revoked.token, now: .reference + 1e9) != nil)
        #expect(try database.revokeAnswerLinks(personID: "bob", now: .reference) == 1)
        #expect(try database.answerLink(forToken: revoked.token, now: .reference) == nil)
        #expect(try database.answerLinks(personID: "bob").map(\.revokedAt) == [.reference])
    }

    @Test("every subject is stored and read back as it was")
    func subjectsRoundTrip() throws {
        let subjects: [AnswerLinkSubject] = [
            .page, meeting, .agendaItem(seriesID: "s", occurrenceDate: LocalDate(iso: "2027-01-01")!), .action(42),
            .indicator(indicatorID: "school-attendance", period: ReportingPeriod(parsing: "2027-Q1")!),
            .optOut(ruleID: "week-before"),
        ]
        for subject in subjects {
            let issued = try database.issueAnswerLink(
                personID: "ann", subject: subject, expiresAt: nil, now: .reference)
            #expect(try database.answerLink(forToken: issued.token, now: .reference)?.subject == subject)
        }
        #expect(try database.answerLinks(personID: "ann").map(\.subject) == subjects)
    }

    @Test("answering again replaces the answer, and the trail keeps both")
    func attendanceReplaces() throws {
        let date = LocalDate(iso: "2027-02-09")!
        let first = try database.setAttendance(
            seriesID: "leadership-table", occurrenceDate: date, personID: "ann", response: .attending, note: nil,
            delegateID: nil, actor: "person:ann (link)", now: .reference)
        let second = try database.setAttendance(
            seriesID: "leadership-table", occurrenceDate: date, personID: "ann", response: .apologies,
            note: "In court", delegateID: "bob", actor: "person:ann (link)", now: .reference + 10)
        #expect(second.id == first.id)
        #expect(try database.attendance(seriesID: "leadership-table", occurrenceDate: date) == [second])
        #expect(try database.attendance(personID: "ann", from: date) == [second])
        let trail = try database.auditEntries(entity: "attendance", entityID: first.id, limit: 10)
        #expect(trail.map(\.change) == ["updated", "created"])
        #expect(trail.allSatisfy { $0.actor == "person:ann (link)" })
        #expect(trail[0].details.contains(#""response":{"new":"apologies","old":"attending"}"#))
        #expect(try database.deleteAttendance(id: first.id, actor: "t", now: .reference + 20))
        #expect(try database.attendance(seriesID: nil, occurrenceDate: nil).isEmpty)
    }

    @Test("a colleague can only come instead with apologies")
    func delegateNeedsApologies() throws {
        #expect(throws: StoreError.self) {
            try database.setAttendance(
                seriesID: "s", occurrenceDate: LocalDate(iso: "2027-02-09")!, personID: "ann", response: .attending,
                note: nil, delegateID: "bob", actor: "t", now: .reference)
        }
    }

    @Test("opting out twice keeps one opt-out; resuming removes it, both audited")
    func optOuts() throws {
        let first = try database.addReminderOptOut(personID: "ann", ruleID: "week-before", actor: "a", now: .reference)
        let again = try database.addReminderOptOut(personID: "ann", ruleID: "week-before", actor: "a", now: .reference)
        #expect(first == again)
        #expect(try database.reminderOptOuts(personID: "ann") == [first])
        #expect(try database.removeReminderOptOut(personID: "ann", ruleID: "week-before", actor: "a", now: .reference))
        #expect(try !database.removeReminderOptOut(personID: "ann", ruleID: "week-before", actor: "a", now: .reference))
        #expect(try database.reminderOptOuts(personID: nil).isEmpty)
        let trail = try database.auditEntries(entity: "reminder-opt-out", entityID: nil, limit: 10)
        #expect(trail.map(\.change) == ["deleted", "created"])
    }

    @Test("the audit trail keeps its entries and ids through the upgrade to v6")
    func auditSurvivesUpgrade() throws {
        let upgraded = try TemporaryDirectory()
        do {
            let pool = try DatabasePool(path: upgraded.databasePath)
            try AppDatabase.migrator.migrate(pool, upTo: "v5-outbox-subject")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO audit_entry (id, at, actor, entity, entity_id, change, details)
                        VALUES (41, ?, 'cli:ann', 'action', 3, 'created', '{}')
                        """,
                    arguments: [Date.reference])
            }
        }
        let database = try upgraded.open()
        #expect(try database.changeCounter() == 41)
        #expect(try database.auditEntries(entity: "action", entityID: 3, limit: 5).map(\.id) == [41])
        _ = try database.addReminderOptOut(personID: "ann", ruleID: "r", actor: "a", now: .reference)
        #expect(try database.changeCounter() == 42)
    }
}
