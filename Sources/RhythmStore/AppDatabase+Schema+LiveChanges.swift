import GRDB

extension AppDatabase {
    /// Live changes to single meetings (cancel, move, extra), layered over the configuration
    /// file. A change is never deleted: restoring it sets `ended_at`, so the table is also
    /// the history. At most one change per series and date is in force at a time.
    ///
    /// The audit trail's CHECK on `entity` is dropped (every later record type would
    /// otherwise have to copy the whole trail again to widen it); the store names entities
    /// itself, so the constraint guarded against nothing a caller can do.
    static func createLiveChangeTables(in db: Database) throws {
        try db.create(table: "occurrence_change") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("kind", .text).notNull().check { ["cancel", "move", "extra"].contains($0) }
            table.column("occurrence_date", .text).notNull().check { length($0) == 10 }
            table.column("new_start", .text)
            table.column("location", .text)
            table.column("online_url", .text)
            table.column("reason", .text)
            table.column("notify", .boolean).notNull().defaults(to: false)
            table.column("created_by", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("ended_by", .text)
            table.column("ended_at", .datetime)
        }
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX occurrence_change_current ON occurrence_change (series_id, occurrence_date)
                WHERE ended_at IS NULL
                """)
        try db.create(table: "audit_entry_v8") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .datetime).notNull()
            table.column("actor", .text).notNull()
            table.column("entity", .text).notNull().check { length($0) > 0 }
            table.column("entity_id", .integer).notNull()
            table.column("change", .text).notNull().check { ["created", "updated", "deleted"].contains($0) }
            table.column("details", .text).notNull()
        }
        try db.execute(
            sql: "INSERT INTO audit_entry_v8 SELECT id, at, actor, entity, entity_id, change, details FROM audit_entry")
        try db.drop(table: "audit_entry")
        try db.rename(table: "audit_entry_v8", to: "audit_entry")
        try db.create(index: "audit_entry_on_entity", on: "audit_entry", columns: ["entity", "entity_id"])
    }
}
