import Foundation
import GRDB

extension AppDatabase {
    /// The audit trail, newest first, optionally for one kind of record or one record.
    public func auditEntries(entity: String?, entityID: Int64?, limit: Int) throws(StoreError) -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let entity {
            conditions.append("entity = ?")
            arguments += [entity]
        }
        if let entityID {
            conditions.append("entity_id = ?")
            arguments += [entityID]
        }
        arguments += [max(limit, 0)]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_entry \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments
            ).map { row in
                AuditEntry(
                    id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"],
                    entityID: row["entity_id"], change: row["change"], details: row["details"])
            }
        }
    }

    /// A number that grows with every audited change, by any process that shares the file.
    ///
    /// Whoever caches something built from actions, agenda items or indicator results (an
    /// agenda, a feed) keeps the number it was built at and rebuilds when this differs. The
    /// audit ids never go back, even when a record is deleted.
    public func changeCounter() throws(StoreError) -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_entry") ?? 0
        }
    }
}
