import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records a new action and its audit entry; returns it as stored.
    public func createAction(_ new: NewAction, actor: String, now: Date) throws(StoreError) -> Action {
        try Self.checkTitle(new.title)
        return try write { db in try Self.insertAction(new, actor: actor, now: now, in: db) }
    }

    /// Inserts an action and its audit entry inside the caller's transaction; the title is
    /// the caller's to check.
    static func insertAction(_ new: NewAction, actor: String, now: Date, in db: Database) throws -> Action {
        try db.execute(
            sql: """
                INSERT INTO action (title, details, owner_id, partner_id, group_id, series_id, raised_on, due,
                    status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                new.title, new.details, new.ownerID, new.partnerID, new.groupID, new.seriesID,
                new.raisedOn?.description, new.due?.description, new.status.rawValue, now, now,
            ]
        )
        let id = db.lastInsertedRowID
        let action = try storedAction(id: id, in: db)
        try audit(
            entity: "action", id: id, change: "created", details: actionChanges(from: nil, to: action),
            actor: actor, now: now, in: db)
        return action
    }

    /// The action with this id; nil if there is none.
    public func action(id: Int64) throws(StoreError) -> Action? {
        try read { db in try Self.fetchAction(id: id, in: db) }
    }

    /// The actions `filter` matches, by due date (those without one last), then id.
    public func actions(matching filter: ActionFilter) throws(StoreError) -> [Action] {
        let (condition, arguments) = Self.sql(for: filter)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM action \(condition) ORDER BY due IS NULL, due, id LIMIT ? OFFSET ?",
                arguments: arguments + [max(filter.limit, 0), max(filter.offset, 0)]
            ).map(Action.init(row:))
        }
    }

    /// How many actions `filter` matches, regardless of its limit and offset.
    public func countActions(matching filter: ActionFilter) throws(StoreError) -> Int {
        let (condition, arguments) = Self.sql(for: filter)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action \(condition)", arguments: arguments) ?? 0
        }
    }

    /// Applies `changes` to an action and audits the fields that really changed; returns the
    /// action as stored afterwards, or nil when there is no such action.
    ///
    /// A change that changes nothing writes nothing, not even the update time.
    public func updateAction(id: Int64, _ changes: ActionChanges, actor: String, now: Date) throws(StoreError)
        -> Action?
    {
        if let title = changes.title { try Self.checkTitle(title) }
        return try write { db in
            try Self.applyActionChanges(changes, toActionWithID: id, actor: actor, now: now, in: db)
        }
    }

    /// Applies `changes` inside the caller's transaction, as `updateAction` does.
    static func applyActionChanges(
        _ changes: ActionChanges, toActionWithID id: Int64, actor: String, now: Date, in db: Database
    ) throws -> Action? {
        guard let old = try fetchAction(id: id, in: db) else { return nil }
        let new = changes.applied(to: old)
        let details = actionChanges(from: old, to: new)
        guard !details.isEmpty else { return old }
        try db.execute(
            sql: """
                UPDATE action SET title = ?, details = ?, owner_id = ?, partner_id = ?, group_id = ?,
                    series_id = ?, raised_on = ?, due = ?, status = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                new.title, new.details, new.ownerID, new.partnerID, new.groupID, new.seriesID,
                new.raisedOn?.description, new.due?.description, new.status.rawValue, now, id,
            ]
        )
        try audit(entity: "action", id: id, change: "updated", details: details, actor: actor, now: now, in: db)
        return try storedAction(id: id, in: db)
    }

    /// Every action not yet done or dropped, by due date then id: what agendas review.
    public func openActions() throws(StoreError) -> [Action] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM action WHERE status NOT IN ('done', 'dropped') ORDER BY due IS NULL, due, id
                    """
            ).map(Action.init(row:))
        }
    }

    private static func checkTitle(_ title: String) throws(StoreError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(code: .invalidValue, description: "an action needs a title that is not empty")
        }
    }

    private static func sql(for filter: ActionFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (column, value) in [
            ("owner_id", filter.ownerID), ("partner_id", filter.partnerID), ("group_id", filter.groupID),
            ("series_id", filter.seriesID),
        ] {
            if let value {
                conditions.append("\(column) = ?")
                arguments += [value]
            }
        }
        if let statuses = filter.statuses {
            if statuses.isEmpty {
                conditions.append("0")
            } else {
                conditions.append("status IN (\(Array(repeating: "?", count: statuses.count).joined(separator: ", ")))")
                arguments += StatementArguments(statuses.map(\.rawValue).sorted())
            }
        }
        if let overdueOn = filter.overdueOn {
            conditions.append("status NOT IN ('done', 'dropped') AND due IS NOT NULL AND due < ?")
            arguments += [overdueOn.description]
        }
        if let dueBefore = filter.dueBefore {
            conditions.append("due IS NOT NULL AND due < ?")
            arguments += [dueBefore.description]
        }
        let condition = conditions.isEmpty ? "" : "WHERE " + conditions.map { "(\($0))" }.joined(separator: " AND ")
        return (condition, arguments)
    }

    static func fetchAction(id: Int64, in db: Database) throws -> Action? {
        try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]).map(Action.init(row:))
    }

    private static func storedAction(id: Int64, in db: Database) throws -> Action {
        guard let action = try fetchAction(id: id, in: db) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "action lost a row inside a transaction")
        }
        return action
    }

    /// The fields that differ between `old` (nil for a new action) and `new`.
    private static func actionChanges(from old: Action?, to new: Action) -> AuditDetails {
        var details = AuditDetails()
        details.record("title", old: AuditDetails.Value(old?.title), new: AuditDetails.Value(new.title))
        details.record("details", old: AuditDetails.Value(old?.details), new: AuditDetails.Value(new.details))
        details.record("owner_id", old: AuditDetails.Value(old?.ownerID), new: AuditDetails.Value(new.ownerID))
        details.record("partner_id", old: AuditDetails.Value(old?.partnerID), new: AuditDetails.Value(new.partnerID))
        details.record("group_id", old: AuditDetails.Value(old?.groupID), new: AuditDetails.Value(new.groupID))
        details.record("series_id", old: AuditDetails.Value(old?.seriesID), new: AuditDetails.Value(new.seriesID))
        details.record("raised_on", old: AuditDetails.Value(old?.raisedOn), new: AuditDetails.Value(new.raisedOn))
        details.record("due", old: AuditDetails.Value(old?.due), new: AuditDetails.Value(new.due))
        details.record(
            "status", old: AuditDetails.Value(old?.status.rawValue), new: AuditDetails.Value(new.status.rawValue))
        return details
    }
}

extension Action {
    /// Reads an `action` row.
    init(row: Row) throws {
        let status: String = row["status"]
        guard let status = Status(rawValue: status) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "action holds an unknown status")
        }
        self.init(
            id: row["id"], title: row["title"], details: row["details"], ownerID: row["owner_id"],
            partnerID: row["partner_id"], groupID: row["group_id"], seriesID: row["series_id"],
            raisedOn: try LocalDate(column: "raised_on", of: row), due: try LocalDate(column: "due", of: row),
            status: status, createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}

extension LocalDate {
    /// Reads a date column written as `2027-04-06`; nil when the column is NULL.
    init?(column: String, of row: Row) throws {
        guard let text: String = row[column] else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(column) holds an unreadable date")
        }
        self = date
    }
}
