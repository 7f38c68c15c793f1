import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// The minutes of the occurrence of `seriesID` the rule put on `occurrenceDate`; nil when
    /// none were saved.
    public func minutes(seriesID: String, occurrenceDate: LocalDate) throws(StoreError) -> MinutesRecord? {
        try read { db in try Self.fetchMinutes(seriesID: seriesID, occurrenceDate: occurrenceDate, in: db)?.record }
    }

    /// Saves `minutes` as the draft of its meeting, in one audited transaction, and returns the
    /// record as stored.
    ///
    /// Raised actions without an id are created as real actions of the series, raised on the
    /// meeting's date, and the draft keeps their ids; those with an id take the title, owner
    /// and due date the draft gives them. The ids in `minutes` are the caller's to check
    /// (`Minutes.checked(in:items:)`); an action id that was not raised at this meeting is
    /// refused.
    public func saveMinutes(_ minutes: Minutes, actor: String, now: Date) throws(StoreError) -> MinutesRecord {
        try write { db in
            var draft = minutes
            for index in draft.actions.indices {
                draft.actions[index] = try Self.store(draft.actions[index], of: draft, actor: actor, now: now, in: db)
            }
            let old = try Self.fetchMinutes(seriesID: draft.seriesID, occurrenceDate: draft.occurrenceDate, in: db)
            let id: Int64
            if let old {
                id = old.id
                try db.execute(
                    sql: "UPDATE minutes SET draft = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                    arguments: [Self.json(draft), now, actor, id])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO minutes (series_id, occurrence_date, draft, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [draft.seriesID, draft.occurrenceDate.description, Self.json(draft), now, actor])
                id = db.lastInsertedRowID
            }
            var details = AuditDetails()
            details.record("series_id", old: .init(old?.record.draft.seriesID), new: .init(draft.seriesID))
            details.record(
                "occurrence_date", old: .init(old?.record.draft.occurrenceDate), new: .init(draft.occurrenceDate))
            details.record("draft", old: .init(old.map { Self.json($0.record.draft) }), new: .init(Self.json(draft)))
            try Self.audit(
                entity: "minutes", id: id, change: old == nil ? "created" : "updated", details: details, actor: actor,
                now: now, in: db)
            return try Self.storedMinutes(seriesID: draft.seriesID, occurrenceDate: draft.occurrenceDate, in: db)
        }
    }

    /// Publishes the draft of the meeting's minutes, in one audited transaction: the draft
    /// becomes the published copy (the next revision), its decisions enter the series'
    /// decision log (new ones numbered after the last number the series gave), the attendance
    /// marks are recorded, and one e-mail per person of `mailing` is enqueued with a key made
    /// from the series, the date, the revision and the person, so that it goes exactly once.
    ///
    /// Publishing again after the draft changed is a correction: the decisions keep their
    /// numbers (a decision removed leaves its number unused), the e-mails of the earlier
    /// revision still waiting to go are withdrawn, and the new ones say "Corrected minutes".
    ///
    /// - Throws: `StoreError` `invalid-value` when there is no draft, or nothing changed since
    ///   the minutes were last published.
    public func publishMinutes(
        seriesID: String, occurrenceDate: LocalDate, mailing: MinutesMailing, actor: String, now: Date
    ) throws(StoreError) -> MinutesRecord {
        try write { db in
            guard let stored = try Self.fetchMinutes(seriesID: seriesID, occurrenceDate: occurrenceDate, in: db) else {
                throw StoreError(
                    code: .invalidValue,
                    description: "\(seriesID) on \(occurrenceDate) has no minutes to publish; save a draft first")
            }
            guard stored.record.hasUnpublishedChanges else {
                throw StoreError(
                    code: .invalidValue,
                    description: "the minutes of \(seriesID) on \(occurrenceDate) are published and unchanged since; "
                        + "change the draft to publish a correction")
            }
            let revision = stored.record.revision + 1
            var minutes = stored.record.draft
            minutes.decisions = try Self.logDecisions(
                minutes.decisions, of: stored.id, minutes: minutes, now: now, in: db)
            try db.execute(sql: "DELETE FROM minutes_attendance WHERE minutes_id = ?", arguments: [stored.id])
            for line in minutes.attendance {
                guard let mark = line.mark else { continue }
                try db.execute(
                    sql: "INSERT INTO minutes_attendance (minutes_id, person_id, mark, note) VALUES (?, ?, ?, ?)",
                    arguments: [stored.id, line.personID, mark.rawValue, line.note])
            }
            let json = Self.json(minutes)
            try db.execute(
                sql: """
                    UPDATE minutes SET draft = ?, published = ?, revision = ?, published_at = ?, published_by = ?
                    WHERE id = ?
                    """,
                arguments: [json, json, revision, now, actor, stored.id])
            let prefix = "\(MinutesMail.keyPrefix)\(seriesID):\(occurrenceDate):"
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET status = 'withdrawn', held = 0, updated_at = ?
                    WHERE status = 'pending' AND substr(key, 1, ?) = ?
                    """,
                arguments: [now, prefix.count, prefix])
            _ = try Self.insert(
                Self.mails(of: minutes, revision: revision, mailing: mailing, now: now), in: db, now: now)
            var details = AuditDetails()
            details.record("revision", old: .init(stored.record.revision), new: .init(revision))
            details.record(
                "decisions", old: .init(stored.record.published?.decisions.count), new: .init(minutes.decisions.count))
            try Self.audit(
                entity: "minutes", id: stored.id, change: "published", details: details, actor: actor, now: now,
                in: db)
            return try Self.storedMinutes(seriesID: seriesID, occurrenceDate: occurrenceDate, in: db)
        }
    }

    /// The decision log: the published decisions of `seriesID` (every series when nil), taken
    /// at meetings on or after `since` when given, by series then number.
    public func decisions(seriesID: String?, since: LocalDate?) throws(StoreError) -> [LoggedDecision] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let seriesID {
            conditions.append("series_id = ?")
            arguments += [seriesID]
        }
        if let since {
            conditions.append("occurrence_date >= ?")
            arguments += [since.description]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM decision \(filter) ORDER BY series_id, number", arguments: arguments
            )
            .map { row in
                guard let date = try LocalDate(column: "occurrence_date", of: row) else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "decision without a date")
                }
                return LoggedDecision(
                    seriesID: row["series_id"], number: row["number"], occurrenceDate: date, text: row["text"],
                    agendaItemID: row["agenda_item_id"], publishedAt: row["published_at"])
            }
        }
    }

    /// Creates a raised action without an id, or brings the action with its id in line with
    /// the draft; returns it with its id.
    private static func store(
        _ raised: Minutes.RaisedAction, of minutes: Minutes, actor: String, now: Date, in db: Database
    ) throws -> Minutes.RaisedAction {
        var raised = raised
        guard let id = raised.actionID else {
            let action = try insertAction(
                NewAction(
                    title: raised.title, ownerID: raised.ownerID, seriesID: minutes.seriesID,
                    raisedOn: minutes.occurrenceDate, due: raised.due),
                actor: actor, now: now, in: db)
            raised.actionID = action.id
            return raised
        }
        guard let action = try fetchAction(id: id, in: db), action.seriesID == minutes.seriesID,
            action.raisedOn == minutes.occurrenceDate
        else {
            throw StoreError(
                code: .invalidValue,
                description: "action #\(id) was not raised at \(minutes.seriesID) on \(minutes.occurrenceDate); "
                    + "leave out its id to raise a new action")
        }
        _ = try applyActionChanges(
            ActionChanges(title: raised.title, ownerID: raised.ownerID, due: .some(raised.due)),
            toActionWithID: id, actor: actor, now: now, in: db)
        return raised
    }

    /// Writes `decisions` to the series' log as the decisions of the minutes `minutesID` and
    /// returns them numbered: a decision keeps a number it has in these minutes' log, any other
    /// gets the series' next number; logged decisions of these minutes no longer among them
    /// leave the log.
    private static func logDecisions(
        _ decisions: [Minutes.Decision], of minutesID: Int64, minutes: Minutes, now: Date, in db: Database
    ) throws -> [Minutes.Decision] {
        let logged = Set(
            try Int.fetchAll(db, sql: "SELECT number FROM decision WHERE minutes_id = ?", arguments: [minutesID]))
        var last =
            try Int.fetchOne(
                db, sql: "SELECT last_number FROM decision_log WHERE series_id = ?", arguments: [minutes.seriesID]) ?? 0
        var numbered = decisions
        var kept: [Int] = []
        for index in numbered.indices {
            let decision = numbered[index]
            if let number = decision.number, logged.contains(number), !kept.contains(number) {
                try db.execute(
                    sql:
                        "UPDATE decision SET text = ?, agenda_item_id = ?, published_at = ? WHERE series_id = ? AND number = ?",
                    arguments: [decision.text, decision.agendaItemID, now, minutes.seriesID, number])
                kept.append(number)
                continue
            }
            last += 1
            try db.execute(
                sql: """
                    INSERT INTO decision (series_id, number, minutes_id, occurrence_date, text, agenda_item_id,
                        published_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    minutes.seriesID, last, minutesID, minutes.occurrenceDate.description, decision.text,
                    decision.agendaItemID, now,
                ])
            numbered[index].number = last
            kept.append(last)
        }
        for number in logged.subtracting(kept) {
            try db.execute(
                sql: "DELETE FROM decision WHERE series_id = ? AND number = ?", arguments: [minutes.seriesID, number])
        }
        if last > 0 {
            try db.execute(
                sql: """
                    INSERT INTO decision_log (series_id, last_number) VALUES (?, ?)
                    ON CONFLICT (series_id) DO UPDATE SET last_number = excluded.last_number
                    """,
                arguments: [minutes.seriesID, last])
        }
        return numbered
    }

    /// The outbox entries of one publication: one per person, due now.
    private static func mails(of minutes: Minutes, revision: Int, mailing: MinutesMailing, now: Date) -> [OutboxEntry] {
        guard let channelID = mailing.channelID else { return [] }
        let subject = MinutesMail.subject(
            seriesTitle: mailing.seriesTitle, occurrenceDate: minutes.occurrenceDate, revision: revision)
        return mailing.personIDs.map { personID in
            OutboxEntry(
                key: MinutesMail.key(
                    seriesID: minutes.seriesID, occurrenceDate: minutes.occurrenceDate, revision: revision,
                    personID: personID),
                channelID: channelID, recipient: "person:\(personID)", due: now, usefulUntil: now + mailing.usefulFor,
                payload: MinutesMailPayload(
                    seriesID: minutes.seriesID, occurrenceDate: minutes.occurrenceDate, revision: revision,
                    personID: personID
                ).json,
                kind: .minutes, subject: subject)
        }
    }

    private static func fetchMinutes(seriesID: String, occurrenceDate: LocalDate, in db: Database) throws
        -> (id: Int64, record: MinutesRecord)?
    {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM minutes WHERE series_id = ? AND occurrence_date = ?",
                arguments: [seriesID, occurrenceDate.description])
        else { return nil }
        let decoder = JSONDecoder()
        let draftText: String = row["draft"]
        let publishedText: String? = row["published"]
        do {
            let record = MinutesRecord(
                draft: try decoder.decode(Minutes.self, from: Data(draftText.utf8)),
                updatedAt: row["updated_at"], updatedBy: row["updated_by"], revision: row["revision"],
                published: try publishedText.map { try decoder.decode(Minutes.self, from: Data($0.utf8)) },
                publishedAt: row["published_at"], publishedBy: row["published_by"])
            return (row["id"], record)
        } catch {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "minutes hold an unreadable document")
        }
    }

    private static func storedMinutes(seriesID: String, occurrenceDate: LocalDate, in db: Database) throws
        -> MinutesRecord
    {
        guard let stored = try fetchMinutes(seriesID: seriesID, occurrenceDate: occurrenceDate, in: db) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "minutes lost a row inside a transaction")
        }
        return stored.record
    }

    /// The minutes as JSON, keys sorted so that the same minutes always read the same.
    static func json(_ minutes: Minutes) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and dates as text cannot fail to encode.
        return (try? encoder.encode(minutes)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
