import GRDB

extension AppDatabase {
    /// Every schema change, by name, in order. Migrations are only ever appended: a released
    /// one is never edited, renamed or removed, because databases in the field have run it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "feed_token") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("public_id", .text).notNull().unique()
                table.column("subject_kind", .text).notNull()
                    .check { ["partner", "person", "group"].contains($0) }
                table.column("subject_id", .text).notNull()
                table.column("token_hash", .text).notNull().unique()
                table.column("created_at", .datetime).notNull()
                table.column("revoked_at", .datetime)
                table.column("last_used_at", .datetime)
            }
            try db.create(index: "feed_token_on_subject", on: "feed_token", columns: ["subject_kind", "subject_id"])
            try db.create(table: "series_publication") { table in
                table.primaryKey("series_id", .text)
                table.column("fingerprint", .text).notNull()
                table.column("sequence", .integer).notNull().check { $0 >= 0 }
                table.column("created_at", .datetime).notNull()
                table.column("last_modified_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
