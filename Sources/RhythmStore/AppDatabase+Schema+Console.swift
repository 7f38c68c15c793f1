import GRDB

extension AppDatabase {
    /// `v9-console`: the console's one-time sign-in links and its sessions. Both keep only the
    /// SHA-256 of their secret, like feed tokens and answer links.
    static func createConsoleTables(in db: Database) throws {
        try db.create(table: "console_sign_in_link") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("token_hash", .text).notNull().unique()
            table.column("person_id", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("expires_at", .datetime).notNull()
            table.column("used_at", .datetime)
        }
        try db.create(table: "console_session") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("token_hash", .text).notNull().unique()
            table.column("person_id", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("last_seen_at", .datetime).notNull()
            table.column("expires_at", .datetime).notNull()
            table.column("csrf_token", .text).notNull()
            table.column("ended_at", .datetime)
            table.column("ended_by", .text)
        }
        try db.create(index: "console_session_on_person", on: "console_session", columns: ["person_id"])
        try widenAuditTrail(in: db)
    }

    /// The audit trail of `v6-answers` allowed five kinds of record and three kinds of change;
    /// the console's sessions are a sixth kind with their own changes (signed in, signed out,
    /// revoked), and every part of the console adds more. SQLite cannot change a CHECK
    /// constraint, so the trail is copied, ids and all (the change counter never goes back),
    /// into a table that only requires both to be named; the store's methods name them.
    private static func widenAuditTrail(in db: Database) throws {
        try db.create(table: "audit_entry_v9") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .datetime).notNull()
            table.column("actor", .text).notNull()
            table.column("entity", .text).notNull().check { length($0) > 0 }
            table.column("entity_id", .integer).notNull()
            table.column("change", .text).notNull().check { length($0) > 0 }
            table.column("details", .text).notNull()
        }
        try db.execute(
            sql: "INSERT INTO audit_entry_v9 SELECT id, at, actor, entity, entity_id, change, details FROM audit_entry")
        try db.drop(table: "audit_entry")
        try db.rename(table: "audit_entry_v9", to: "audit_entry")
        try db.create(index: "audit_entry_on_entity", on: "audit_entry", columns: ["entity", "entity_id"])
    }
}
