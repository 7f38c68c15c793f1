import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Stops the reminders of rule `ruleID` for `personID`; returns the opt-out, the one
    /// already there when the person had opted out before (nothing is written then).
    public func addReminderOptOut(personID: String, ruleID: String, actor: String, now: Date) throws(StoreError)
        -> ReminderOptOut
    {
        try write { db in
            if let existing = try Self.fetchOptOut(personID: personID, ruleID: ruleID, in: db) { return existing }
            try db.execute(
                sql: "INSERT INTO reminder_opt_out (person_id, rule_id, created_by, created_at) VALUES (?, ?, ?, ?)",
                arguments: [personID, ruleID, actor, now])
            guard let new = try Self.fetchOptOut(personID: personID, ruleID: ruleID, in: db) else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "reminder_opt_out lost a row")
            }
            var details = AuditDetails()
            details.record("person_id", old: .null, new: .text(personID))
            details.record("rule_id", old: .null, new: .text(ruleID))
            try Self.audit(
                entity: "reminder-opt-out", id: new.id, change: "created", details: details, actor: actor, now: now,
                in: db)
            return new
        }
    }

    /// Resumes the reminders of rule `ruleID` for `personID`; returns whether they had
    /// opted out.
    @discardableResult
    public func removeReminderOptOut(personID: String, ruleID: String, actor: String, now: Date) throws(StoreError)
        -> Bool
    {
        try write { db in
            guard let existing = try Self.fetchOptOut(personID: personID, ruleID: ruleID, in: db) else { return false }
            try db.execute(sql: "DELETE FROM reminder_opt_out WHERE id = ?", arguments: [existing.id])
            var details = AuditDetails()
            details.record("person_id", old: .text(personID), new: .null)
            details.record("rule_id", old: .text(ruleID), new: .null)
            try Self.audit(
                entity: "reminder-opt-out", id: existing.id, change: "deleted", details: details, actor: actor,
                now: now, in: db)
            return true
        }
    }

    /// Every opt-out, or only `personID`'s, by person then rule.
    public func reminderOptOuts(personID: String?) throws(StoreError) -> [ReminderOptOut] {
        try read { db in
            let filter = personID == nil ? "" : "WHERE person_id = ?"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM reminder_opt_out \(filter) ORDER BY person_id, rule_id",
                arguments: personID.map { [$0] } ?? []
            ).map(ReminderOptOut.init(row:))
        }
    }

    private static func fetchOptOut(personID: String, ruleID: String, in db: Database) throws -> ReminderOptOut? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM reminder_opt_out WHERE person_id = ? AND rule_id = ?",
            arguments: [personID, ruleID]
        ).map(ReminderOptOut.init(row:))
    }
}

extension ReminderOptOut {
    /// Reads a `reminder_opt_out` row.
    init(row: Row) {
        self.init(
            id: row["id"], personID: row["person_id"], ruleID: row["rule_id"], createdBy: row["created_by"],
            createdAt: row["created_at"])
    }
}
