import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records an item submitted by `actor` and its audit entry; returns it as stored.
    public func createAgendaItem(_ new: NewAgendaItem, actor: String, now: Date) throws(StoreError) -> AgendaItem {
        try Self.checkAgendaItem(title: new.title, minutes: new.minutes)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO agenda_item (series_id, occurrence_date, title, presenter_id, minutes, notes,
                        submitted_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.seriesID, new.occurrenceDate.description, new.title, new.presenterID, new.minutes, new.notes,
                    actor, now, now,
                ]
            )
            let id = db.lastInsertedRowID
            let item = try Self.storedAgendaItem(id: id, in: db)
            try Self.audit(
                entity: "agenda-item", id: id, change: "created", details: Self.agendaItemChanges(from: nil, to: item),
                actor: actor, now: now, in: db)
            return item
        }
    }

    /// The agenda item with this id; nil if there is none.
    public func agendaItem(id: Int64) throws(StoreError) -> AgendaItem? {
        try read { db in try Self.fetchAgendaItem(id: id, in: db) }
    }

    /// The agenda items of one series and/or one occurrence date (nil for any), by
    /// occurrence date, then id (the order they were submitted in).
    public func agendaItems(seriesID: String?, occurrenceDate: LocalDate?, limit: Int, offset: Int)
        throws(StoreError) -> [AgendaItem]
    {
        let (condition, arguments) = Self.agendaItemCondition(seriesID: seriesID, occurrenceDate: occurrenceDate)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM agenda_item \(condition) ORDER BY occurrence_date, id LIMIT ? OFFSET ?",
                arguments: arguments + [max(limit, 0), max(offset, 0)]
            ).map(AgendaItem.init(row:))
        }
    }

    /// How many agenda items `agendaItems` would give without a limit.
    public func countAgendaItems(seriesID: String?, occurrenceDate: LocalDate?) throws(StoreError) -> Int {
        let (condition, arguments) = Self.agendaItemCondition(seriesID: seriesID, occurrenceDate: occurrenceDate)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agenda_item \(condition)", arguments: arguments) ?? 0
        }
    }

    /// Applies `changes` and audits the fields that really changed; nil when there is no
    /// such item. A change that changes nothing writes nothing.
    public func updateAgendaItem(id: Int64, _ changes: AgendaItemChanges, actor: String, now: Date)
        throws(StoreError) -> AgendaItem?
    {
        try write { db in
            guard let old = try Self.fetchAgendaItem(id: id, in: db) else { return nil }
            let new = changes.applied(to: old)
            try Self.checkAgendaItem(title: new.title, minutes: new.minutes)
            let details = Self.agendaItemChanges(from: old, to: new)
            guard !details.isEmpty else { return old }
            try db.execute(
                sql: """
                    UPDATE agenda_item SET occurrence_date = ?, title = ?, presenter_id = ?, minutes = ?, notes = ?,
                        updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    new.occurrenceDate.description, new.title, new.presenterID, new.minutes, new.notes, now, id,
                ]
            )
            try Self.audit(
                entity: "agenda-item", id: id, change: "updated", details: details, actor: actor, now: now, in: db)
            return try Self.storedAgendaItem(id: id, in: db)
        }
    }

    /// Removes an agenda item, keeping its last state in the audit trail; false when there
    /// was no such item.
    public func deleteAgendaItem(id: Int64, actor: String, now: Date) throws(StoreError) -> Bool {
        try write { db in
            guard let old = try Self.fetchAgendaItem(id: id, in: db) else { return false }
            try db.execute(sql: "DELETE FROM agenda_item WHERE id = ?", arguments: [id])
            var details = AuditDetails()
            details.record("series_id", old: AuditDetails.Value(old.seriesID), new: .null)
            details.record("occurrence_date", old: AuditDetails.Value(old.occurrenceDate), new: .null)
            details.record("title", old: AuditDetails.Value(old.title), new: .null)
            details.record("presenter_id", old: AuditDetails.Value(old.presenterID), new: .null)
            details.record("minutes", old: AuditDetails.Value(old.minutes), new: .null)
            details.record("notes", old: AuditDetails.Value(old.notes), new: .null)
            details.record("submitted_by", old: AuditDetails.Value(old.submittedBy), new: .null)
            try Self.audit(
                entity: "agenda-item", id: id, change: "deleted", details: details, actor: actor, now: now, in: db)
            return true
        }
    }

    /// Refuses what the table's constraints would, with a message a person can act on.
    private static func checkAgendaItem(title: String, minutes: Int?) throws(StoreError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(code: .invalidValue, description: "an agenda item needs a title that is not empty")
        }
        if let minutes, minutes <= 0 {
            throw StoreError(
                code: .invalidValue, description: "an agenda item needs a positive number of minutes, not \(minutes)")
        }
    }

    private static func agendaItemCondition(seriesID: String?, occurrenceDate: LocalDate?) -> (
        String, StatementArguments
    ) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let seriesID {
            conditions.append("series_id = ?")
            arguments += [seriesID]
        }
        if let occurrenceDate {
            conditions.append("occurrence_date = ?")
            arguments += [occurrenceDate.description]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    private static func fetchAgendaItem(id: Int64, in db: Database) throws -> AgendaItem? {
        try Row.fetchOne(db, sql: "SELECT * FROM agenda_item WHERE id = ?", arguments: [id]).map(AgendaItem.init(row:))
    }

    private static func storedAgendaItem(id: Int64, in db: Database) throws -> AgendaItem {
        guard let item = try fetchAgendaItem(id: id, in: db) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "agenda_item lost a row inside a transaction")
        }
        return item
    }

    private static func agendaItemChanges(from old: AgendaItem?, to new: AgendaItem) -> AuditDetails {
        var details = AuditDetails()
        details.record("series_id", old: AuditDetails.Value(old?.seriesID), new: AuditDetails.Value(new.seriesID))
        details.record(
            "occurrence_date", old: AuditDetails.Value(old?.occurrenceDate),
            new: AuditDetails.Value(new.occurrenceDate))
        details.record("title", old: AuditDetails.Value(old?.title), new: AuditDetails.Value(new.title))
        details.record(
            "presenter_id", old: AuditDetails.Value(old?.presenterID), new: AuditDetails.Value(new.presenterID))
        details.record("minutes", old: AuditDetails.Value(old?.minutes), new: AuditDetails.Value(new.minutes))
        details.record("notes", old: AuditDetails.Value(old?.notes), new: AuditDetails.Value(new.notes))
        details.record(
            "submitted_by", old: AuditDetails.Value(old?.submittedBy), new: AuditDetails.Value(new.submittedBy))
        return details
    }
}

extension AgendaItem {
    /// Reads an `agenda_item` row.
    init(row: Row) throws {
        guard let date = try LocalDate(column: "occurrence_date", of: row) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "agenda_item has no occurrence date")
        }
        self.init(
            id: row["id"], seriesID: row["series_id"], occurrenceDate: date, title: row["title"],
            presenterID: row["presenter_id"], minutes: row["minutes"], notes: row["notes"],
            submittedBy: row["submitted_by"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}
