import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// Drafts of minutes, publishing them once, their e-mails and the decision log.
@Suite struct MinutesStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let meeting: LocalDate
    let mailing = MinutesMailing(channelID: "email", personIDs: ["ana", "ben"], seriesTitle: "Leaders")

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
        meeting = try #require(LocalDate(iso: "2027-02-09"))
    }

    func draft(decisions: [String] = [], actions: [Minutes.RaisedAction] = []) -> Minutes {
        Minutes(
            seriesID: "leaders", occurrenceDate: meeting,
            attendance: [
                .init(personID: "ana", mark: .present), .init(personID: "ben", mark: .apologies, note: "Ill"),
            ],
            generalNotes: "A good meeting", decisions: decisions.map { Minutes.Decision(text: $0) }, actions: actions)
    }

    func publish(_ date: LocalDate? = nil, at instant: Date = .reference) throws -> MinutesRecord {
        try database.publishMinutes(
            seriesID: "leaders", occurrenceDate: date ?? meeting, mailing: mailing, actor: "cli:test", now: instant)
    }

    @Test("a draft saved twice reads back as the last one, unpublished, and each save is audited")
    func draftSaves() throws {
        #expect(try database.minutes(seriesID: "leaders", occurrenceDate: meeting) == nil)
        _ = try database.saveMinutes(draft(), actor: "cli:first", now: .reference)
        var second = draft()
        second.generalNotes = "Changed"
        let saved = try database.saveMinutes(second, actor: "console:ana", now: .reference + 60)
        #expect(saved.draft == second)
        #expect(saved.updatedBy == "console:ana")
        #expect(saved.revision == 0)
        #expect(saved.published == nil)
        #expect(saved.hasUnpublishedChanges)
        #expect(try database.minutes(seriesID: "leaders", occurrenceDate: meeting) == saved)
        let audit = try database.auditEntries(entity: "minutes", entityID: nil, limit: 10)
        #expect(audit.map(\.change) == ["updated", "created"])
        #expect(audit.map(\.actor) == ["console:ana", "cli:first"])
    }

    @Test("raised actions become actions of the series raised on the meeting's date, and keep their ids")
    func raisedActions() throws {
        let due = try #require(LocalDate(iso: "2027-03-01"))
        let saved = try database.saveMinutes(
            draft(actions: [.init(title: "Draft the form", ownerID: "ben", due: due)]), actor: "cli:test",
            now: .reference)
        let id = try #require(saved.draft.actions.first?.actionID)
        let action = try #require(try database.action(id: id))
        #expect(action.seriesID == "leaders")
        #expect(action.raisedOn == meeting)
        #expect(action.ownerID == "ben")
        #expect(action.due == due)
        #expect(action.status == .open)

        var edited = saved.draft
        edited.actions[0].title = "Draft and test the form"
        edited.actions[0].ownerID = "ana"
        let again = try database.saveMinutes(edited, actor: "cli:test", now: .reference + 60)
        #expect(again.draft.actions.map(\.actionID) == [id])
        #expect(try database.action(id: id)?.title == "Draft and test the form")
        #expect(try database.action(id: id)?.ownerID == "ana")
        #expect(try database.countActions(matching: ActionFilter()) == 1)
    }

    @Test("an action id that was not raised at this meeting is refused and nothing is saved")
    func foreignAction() throws {
        let other = try database.createAction(
            NewAction(title: "Elsewhere", ownerID: "ana"), actor: "t", now: .reference)
        #expect(throws: StoreError.self) {
            try database.saveMinutes(
                draft(actions: [.init(actionID: other.id, title: "Hijacked", ownerID: "ben")]), actor: "t",
                now: .reference)
        }
        #expect(try database.minutes(seriesID: "leaders", occurrenceDate: meeting) == nil)
        #expect(try database.action(id: other.id)?.title == "Elsewhere")
    }

    @Test("publishing copies the draft, numbers the decisions and enqueues one e-mail per person, once")
    func publishOnce() throws {
        _ = try database.saveMinutes(draft(decisions: ["Adopt the form", "Meet monthly"]), actor: "t", now: .reference)
        let published = try publish()
        #expect(published.revision == 1)
        #expect(published.publishedBy == "cli:test")
        #expect(published.published?.decisions.map(\.number) == [1, 2])
        #expect(!published.hasUnpublishedChanges)
        let entries = try database.outboxEntries()
        #expect(
            entries.map(\.key).sorted() == [
                "minutes:leaders:2027-02-09:1:ana", "minutes:leaders:2027-02-09:1:ben",
            ])
        #expect(entries.allSatisfy { $0.kind == .minutes && $0.subject == "Minutes: Leaders on 2027-02-09" })
        #expect(
            entries.first { $0.recipient == "person:ana" }.flatMap { MinutesMailPayload(json: $0.payload) }
                == MinutesMailPayload(seriesID: "leaders", occurrenceDate: meeting, revision: 1, personID: "ana"))

        #expect(throws: StoreError.self) { try publish(at: .reference + 60) }
        #expect(try database.outboxEntries().count == 2)
        #expect(
            try database.auditEntries(entity: "minutes", entityID: nil, limit: 10).map(\.change) == [
                "published", "created",
            ])
    }

    @Test("minutes never saved cannot be published")
    func publishWithoutDraft() throws {
        #expect(throws: StoreError.self) { try publish() }
        #expect(try database.outboxEntries().isEmpty)
    }

    @Test("a correction keeps the decisions' numbers, never reuses one, and replaces the unsent e-mails")
    func correction() throws {
        _ = try database.saveMinutes(draft(decisions: ["Adopt the form", "Meet monthly"]), actor: "t", now: .reference)
        let first = try publish()
        var corrected = first.draft
        corrected.decisions.remove(at: 1)
        corrected.decisions[0].text = "Adopt the shared intake form"
        corrected.decisions.append(Minutes.Decision(text: "Invite the health partners"))
        _ = try database.saveMinutes(corrected, actor: "t", now: .reference + 60)
        let second = try publish(at: .reference + 120)
        #expect(second.revision == 2)
        #expect(second.published?.decisions.map(\.number) == [1, 3])
        let log = try database.decisions(seriesID: "leaders", since: nil)
        #expect(log.map(\.number) == [1, 3])
        #expect(log.map(\.text) == ["Adopt the shared intake form", "Invite the health partners"])

        let entries = try database.outboxEntries(limit: 10)
        let byKey = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
        #expect(byKey["minutes:leaders:2027-02-09:1:ana"]?.status == .withdrawn)
        #expect(byKey["minutes:leaders:2027-02-09:2:ana"]?.status == .pending)
        #expect(byKey["minutes:leaders:2027-02-09:2:ben"]?.subject == "Corrected minutes: Leaders on 2027-02-09")
    }

    @Test("decisions are numbered per series across meetings, and the log filters by series and date")
    func numberingAcrossMeetings() throws {
        let later = try #require(LocalDate(iso: "2027-03-09"))
        _ = try database.saveMinutes(draft(decisions: ["First"]), actor: "t", now: .reference)
        _ = try publish()
        var next = draft(decisions: ["Second", "Third"])
        next.occurrenceDate = later
        _ = try database.saveMinutes(next, actor: "t", now: .reference)
        _ = try publish(later)
        var elsewhere = draft(decisions: ["Other series"])
        elsewhere.seriesID = "working-group"
        _ = try database.saveMinutes(elsewhere, actor: "t", now: .reference)
        _ = try database.publishMinutes(
            seriesID: "working-group", occurrenceDate: meeting, mailing: mailing, actor: "t", now: .reference)

        #expect(try database.decisions(seriesID: "leaders", since: nil).map(\.number) == [1, 2, 3])
        #expect(try database.decisions(seriesID: "leaders", since: later).map(\.text) == ["Second", "Third"])
        #expect(try database.decisions(seriesID: "working-group", since: nil).map(\.number) == [1])
        #expect(try database.decisions(seriesID: nil, since: nil).count == 4)
    }

    @Test("re-planning reminders never withdraws the e-mails of published minutes")
    func plannerLeavesMinutesAlone() throws {
        _ = try database.saveMinutes(draft(), actor: "t", now: .reference)
        _ = try publish()
        try database.enqueue(
            [], plannedWindow: DateInterval(start: .reference - 3600, duration: 7200), now: .reference + 1)
        #expect(try database.outboxEntries().allSatisfy { $0.status == .pending })
    }

    @Test("without an e-mail channel, publishing records the minutes and enqueues nothing")
    func noChannel() throws {
        _ = try database.saveMinutes(draft(decisions: ["Adopt the form"]), actor: "t", now: .reference)
        let published = try database.publishMinutes(
            seriesID: "leaders", occurrenceDate: meeting,
            mailing: MinutesMailing(channelID: nil, personIDs: ["ana"], seriesTitle: "Leaders"), actor: "t",
            now: .reference)
        #expect(published.revision == 1)
        #expect(try database.outboxEntries().isEmpty)
        #expect(try database.decisions(seriesID: "leaders", since: nil).count == 1)
    }

    @Test("the audit trail and the outbox keep their entries through the upgrade to v11 and take minutes")
    func auditSurvivesUpgrade() throws {
        let upgraded = try TemporaryDirectory()
        do {
            let pool = try DatabasePool(path: upgraded.databasePath)
            try AppDatabase.migrator.migrate(pool, upTo: "v7-inbound")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO audit_entry (id, at, actor, entity, entity_id, change, details)
                        VALUES (57, ?, 'cli:ann', 'attendance', 3, 'created', '{}')
                        """,
                    arguments: [Date.reference])
                try db.execute(
                    sql: """
                        INSERT INTO outbox_entry (key, channel_id, recipient, due_at, useful_until, status,
                            next_attempt_at, message_id, created_at, updated_at, kind, subject)
                        VALUES ('imip:request|s|seq1-g0|person:p|email', 'email', 'person:p', ?, ?, 'pending', ?,
                            'rhythm-1', ?, ?, 'invitation', 'Invitation: Leaders')
                        """,
                    arguments: [Date.reference, Date.reference + 3600, Date.reference, Date.reference, Date.reference])
            }
        }
        let database = try upgraded.open()
        #expect(try database.outboxEntries().map(\.kind) == [.invitation])
        #expect(try database.outboxEntries().map(\.subject) == ["Invitation: Leaders"])
        #expect(try database.changeCounter() == 57)
        #expect(try database.auditEntries(entity: "attendance", entityID: 3, limit: 5).map(\.id) == [57])
        _ = try database.saveMinutes(draft(), actor: "t", now: .reference)
        _ = try database.publishMinutes(
            seriesID: "leaders", occurrenceDate: meeting, mailing: mailing, actor: "t", now: .reference)
        #expect(try database.changeCounter() == 59)
        #expect(try database.outboxEntries().filter { $0.kind == .minutes }.count == 2)
    }
}
