import GRDB

extension AppDatabase {
    /// Minutes and the decision log (migration `v11-minutes`).
    ///
    /// A meeting's minutes are one document, saved whole while they are written, so the draft
    /// and the copy last published are JSON in `minutes`. What publishing makes official and
    /// other parts read across meetings is relational: the attendance marks as published,
    /// and the numbered decisions of each series' log. `decision_log` remembers the last
    /// number given in a series, so that a number is never given twice, even after the
    /// decision that had it was corrected away.
    ///
    /// The audit trail gains the `minutes` entity and the `published` change, and the outbox
    /// the `minutes` kind. Their CHECK constraints listed every kind of record, change and
    /// message, so each part that added one rebuilt the table with a longer list, and parts
    /// written side by side would each rebuild it with their own list and narrow it again for
    /// the others. They give way to checks that the names are not empty; the store's code
    /// names what it writes (`OutboxEntry.Kind`, the `entity` of each `audit` call).
    static func createMinutesTables(_ db: Database) throws {
        try widenAuditTrail(db)
        try widenOutboxKinds(db)
        try db.create(table: "minutes") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("occurrence_date", .text).notNull().check { length($0) == 10 }
            table.column("draft", .text).notNull()
            table.column("updated_at", .datetime).notNull()
            table.column("updated_by", .text).notNull()
            table.column("revision", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            table.column("published", .text)
            table.column("published_at", .datetime)
            table.column("published_by", .text)
            table.uniqueKey(["series_id", "occurrence_date"])
        }
        try db.create(table: "minutes_attendance") { table in
            table.column("minutes_id", .integer).notNull().references("minutes", onDelete: .cascade)
            table.column("person_id", .text).notNull()
            table.column("mark", .text).notNull().check { ["present", "apologies", "absent"].contains($0) }
            table.column("note", .text)
            table.primaryKey(["minutes_id", "person_id"])
        }
        try db.create(table: "decision_log") { table in
            table.primaryKey("series_id", .text)
            table.column("last_number", .integer).notNull().check { $0 > 0 }
        }
        try db.create(table: "decision") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("number", .integer).notNull().check { $0 > 0 }
            table.column("minutes_id", .integer).notNull().references("minutes", onDelete: .cascade)
            table.column("occurrence_date", .text).notNull().check { length($0) == 10 }
            table.column("text", .text).notNull().check { length($0) > 0 }
            table.column("agenda_item_id", .integer)
            table.column("published_at", .datetime).notNull()
            table.uniqueKey(["series_id", "number"])
        }
        try db.create(index: "decision_on_series_date", on: "decision", columns: ["series_id", "occurrence_date"])
    }

    /// Copies the audit trail into a table without the lists of entities and changes, ids
    /// and all, so that the change counter never goes back.
    private static func widenAuditTrail(_ db: Database) throws {
        try db.create(table: "audit_entry_v11") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .datetime).notNull()
            table.column("actor", .text).notNull()
            table.column("entity", .text).notNull().check { length($0) > 0 }
            table.column("entity_id", .integer).notNull()
            table.column("change", .text).notNull().check { length($0) > 0 }
            table.column("details", .text).notNull()
        }
        try db.execute(
            sql: "INSERT INTO audit_entry_v11 SELECT id, at, actor, entity, entity_id, change, details FROM audit_entry"
        )
        try db.drop(table: "audit_entry")
        try db.rename(table: "audit_entry_v11", to: "audit_entry")
        try db.create(index: "audit_entry_on_entity", on: "audit_entry", columns: ["entity", "entity_id"])
    }

    /// Replaces the outbox's `kind` column by one without the list of kinds; SQLite drops and
    /// renames a column in place, so the entries and their indexes stay as they are.
    private static func widenOutboxKinds(_ db: Database) throws {
        try db.alter(table: "outbox_entry") { table in
            table.add(column: "kind_v11", .text).check { $0 == nil || length($0) > 0 }
        }
        try db.execute(sql: "UPDATE outbox_entry SET kind_v11 = kind")
        try db.alter(table: "outbox_entry") { table in table.drop(column: "kind") }
        try db.alter(table: "outbox_entry") { table in table.rename(column: "kind_v11", to: "kind") }
    }
}
