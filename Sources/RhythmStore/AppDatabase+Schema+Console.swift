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
    }
}
