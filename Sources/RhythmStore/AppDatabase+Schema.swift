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
        migrator.registerMigration("v2-work") { db in
            try createWorkTables(in: db)
        }
        migrator.registerMigration("v3-outbox") { db in
            try createOutboxTable(in: db)
        }
        migrator.registerMigration("v4-dispatch") { db in
            try createDispatchTables(in: db)
        }
        migrator.registerMigration("v5-outbox-subject") { db in
            try addOutboxKindAndSubject(in: db)
        }
        migrator.registerMigration("v6-answers") { db in
            try createAnswerTables(in: db)
        }
        migrator.registerMigration("v7-inbound") { db in
            try createInboundTables(in: db)
        }
        migrator.registerMigration("v8-live-changes") { db in try Self.createLiveChangeTables(in: db) }
        migrator.registerMigration("v9-console") { db in try Self.createConsoleTables(in: db) }
        migrator.registerMigration("v10-agenda-order") { db in try Self.addAgendaOrder(db) }
        migrator.registerMigration("v11-minutes") { db in try Self.createMinutesTables(db) }
        migrator.registerMigration("v12-outbox-claim-order") { db in try Self.addOutboxClaimOrder(db) }
        return migrator
    }
}

extension AppDatabase {
    /// Actions, agenda items, indicator results, their audit trail, and API tokens.
    ///
    /// Ids of people, partners, groups, series and indicators come from the configuration, so
    /// they are plain text here: callers check them, since the store cannot.
    fileprivate static func createWorkTables(in db: Database) throws {
        try db.create(table: "action") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("title", .text).notNull().check { length($0) > 0 }
            table.column("details", .text)
            table.column("owner_id", .text).notNull()
            table.column("partner_id", .text)
            table.column("group_id", .text)
            table.column("series_id", .text)
            table.column("raised_on", .text).check { $0 == nil || length($0) == 10 }
            table.column("due", .text).check { $0 == nil || length($0) == 10 }
            table.column("status", .text).notNull()
                .check { ["open", "in-progress", "blocked", "done", "dropped"].contains($0) }
            table.column("created_at", .datetime).notNull()
            table.column("updated_at", .datetime).notNull()
        }
        try db.create(index: "action_on_owner", on: "action", columns: ["owner_id"])
        try db.create(index: "action_on_status_due", on: "action", columns: ["status", "due"])
        try db.create(table: "agenda_item") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("occurrence_date", .text).notNull().check { length($0) == 10 }
            table.column("title", .text).notNull().check { length($0) > 0 }
            table.column("presenter_id", .text)
            table.column("minutes", .integer).check { $0 == nil || $0 > 0 }
            table.column("notes", .text)
            table.column("submitted_by", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("updated_at", .datetime).notNull()
        }
        try db.create(
            index: "agenda_item_on_occurrence", on: "agenda_item", columns: ["series_id", "occurrence_date"])
        try db.create(table: "indicator_result") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("indicator_id", .text).notNull()
            table.column("period", .text).notNull()
            table.column("period_start", .text).notNull()
            table.column("period_end", .text).notNull()
            table.column("value", .double).notNull()
            table.column("note", .text)
            table.column("recorded_by", .text).notNull()
            table.column("recorded_at", .datetime).notNull()
            table.uniqueKey(["indicator_id", "period"])
        }
        try db.create(table: "audit_entry") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .datetime).notNull()
            table.column("actor", .text).notNull()
            table.column("entity", .text).notNull()
                .check { ["action", "agenda-item", "indicator-result"].contains($0) }
            table.column("entity_id", .integer).notNull()
            table.column("change", .text).notNull().check { ["created", "updated", "deleted"].contains($0) }
            table.column("details", .text).notNull()
        }
        try db.create(index: "audit_entry_on_entity", on: "audit_entry", columns: ["entity", "entity_id"])
        try db.create(table: "api_token") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("public_id", .text).notNull().unique()
            table.column("name", .text).notNull().check { length($0) > 0 }
            table.column("scope", .text).notNull().check { ["read", "write"].contains($0) }
            table.column("partner_id", .text)
            table.column("token_hash", .text).notNull().unique()
            table.column("created_at", .datetime).notNull()
            table.column("revoked_at", .datetime)
            table.column("last_used_at", .datetime)
        }
    }
}

extension AppDatabase {
    /// The outbox: one row per planned reminder, keyed by the reminder's deterministic key.
    fileprivate static func createOutboxTable(in db: Database) throws {
        try db.create(table: "outbox_entry") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("key", .text).notNull().unique()
            table.column("channel_id", .text).notNull()
            table.column("recipient", .text).notNull()
            table.column("due_at", .datetime).notNull()
            table.column("useful_until", .datetime).notNull()
            table.column("payload", .text)
            table.column("status", .text).notNull()
                .check { ["pending", "sending", "sent", "dead", "withdrawn", "skipped"].contains($0) }
            table.column("held", .boolean).notNull().defaults(to: false)
            table.column("attempts", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            table.column("next_attempt_at", .datetime).notNull()
            table.column("last_reply", .text)
            table.column("message_id", .text).notNull().unique()
            table.column("created_at", .datetime).notNull()
            table.column("updated_at", .datetime).notNull()
        }
        try db.create(index: "outbox_entry_on_status_next", on: "outbox_entry", columns: ["status", "next_attempt_at"])
        try db.create(index: "outbox_entry_on_status_due", on: "outbox_entry", columns: ["status", "due_at"])
    }

    /// What the dispatcher remembers between runs: how far reminders were planned, which
    /// chat endpoints said they are gone, and which invitations each person holds.
    fileprivate static func createDispatchTables(in db: Database) throws {
        try db.create(table: "planner_state") { table in
            table.primaryKey("id", .integer).check { $0 == 1 }
            table.column("planned_until", .datetime).notNull()
        }
        try db.create(table: "channel_state") { table in
            table.primaryKey("channel_id", .text)
            table.column("disabled_at", .datetime).notNull()
            table.column("reason", .text).notNull()
        }
        try db.create(table: "invitation_state") { table in
            table.column("series_id", .text).notNull()
            table.column("person_id", .text).notNull()
            table.column("title", .text).notNull()
            table.column("sequence", .integer).notNull().check { $0 >= 0 }
            table.column("generation", .integer).notNull().check { $0 >= 0 }
            table.column("invited", .boolean).notNull()
            table.column("updated_at", .datetime).notNull()
            table.primaryKey(["series_id", "person_id"])
        }
        try db.create(index: "outbox_entry_on_channel_status", on: "outbox_entry", columns: ["channel_id", "status"])
    }
}

extension AppDatabase {
    /// What sort of message each outbox entry is and its subject line, so that `rhythm outbox
    /// list` can tell an agenda from an invitation. Entries already there get the kind their
    /// key tells (invitations, cancellations and digests); for reminders and agendas, and for
    /// every subject, it needs the plan, so they stay empty until the entry is planned again.
    fileprivate static func addOutboxKindAndSubject(in db: Database) throws {
        try db.alter(table: "outbox_entry") { table in
            table.add(column: "kind", .text)
                .check { $0 == nil || ["reminder", "agenda", "digest", "invitation", "cancellation"].contains($0) }
            table.add(column: "subject", .text)
        }
        try db.execute(
            sql: """
                UPDATE outbox_entry SET kind = CASE
                    WHEN substr(key, 1, 13) = 'imip:request|' THEN 'invitation'
                    WHEN substr(key, 1, 12) = 'imip:cancel|' THEN 'cancellation'
                    WHEN substr(key, 1, 7) = 'digest|' THEN 'digest'
                END
                """)
    }
}

extension AppDatabase {
    /// What people answer through their links: the links themselves (only hashes), attendance
    /// per occurrence and reminder opt-outs; the audit trail learns to name the last two.
    fileprivate static func createAnswerTables(in db: Database) throws {
        try db.create(table: "answer_link") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("public_id", .text).notNull().unique()
            table.column("person_id", .text).notNull()
            table.column("purpose", .text).notNull()
                .check { ["page", "attendance", "agenda-item", "action", "indicator", "opt-out"].contains($0) }
            table.column("subject", .text).notNull()
            table.column("token_hash", .text).notNull().unique()
            table.column("created_at", .datetime).notNull()
            table.column("expires_at", .datetime)
            table.column("revoked_at", .datetime)
            table.column("last_used_at", .datetime)
        }
        try db.create(index: "answer_link_on_person", on: "answer_link", columns: ["person_id"])
        try db.create(table: "attendance") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("occurrence_date", .text).notNull().check { length($0) == 10 }
            table.column("person_id", .text).notNull()
            table.column("response", .text).notNull()
                .check { ["attending", "tentative", "apologies"].contains($0) }
            table.column("note", .text)
            table.column("delegate_id", .text)
            table.column("answered_by", .text).notNull()
            table.column("answered_at", .datetime).notNull()
            table.uniqueKey(["series_id", "occurrence_date", "person_id"])
        }
        try db.create(index: "attendance_on_person", on: "attendance", columns: ["person_id"])
        try db.create(table: "reminder_opt_out") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("person_id", .text).notNull()
            table.column("rule_id", .text).notNull()
            table.column("created_by", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.uniqueKey(["person_id", "rule_id"])
        }
        // SQLite cannot change a CHECK constraint: the trail is copied into a table with the
        // wider one, ids and all, so that the change counter never goes back.
        try db.create(table: "audit_entry_v6") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .datetime).notNull()
            table.column("actor", .text).notNull()
            table.column("entity", .text).notNull().check {
                ["action", "agenda-item", "indicator-result", "attendance", "reminder-opt-out"].contains($0)
            }
            table.column("entity_id", .integer).notNull()
            table.column("change", .text).notNull().check { ["created", "updated", "deleted"].contains($0) }
            table.column("details", .text).notNull()
        }
        try db.execute(
            sql: "INSERT INTO audit_entry_v6 SELECT id, at, actor, entity, entity_id, change, details FROM audit_entry")
        try db.drop(table: "audit_entry")
        try db.rename(table: "audit_entry_v6", to: "audit_entry")
        try db.create(index: "audit_entry_on_entity", on: "audit_entry", columns: ["entity", "entity_id"])
        try createAnswerFormTables(in: db)
    }

    /// What the answer pages remember between a form and its submission: the forms already
    /// sent (so a replayed form changes nothing) and what each answer replaced (so it can be
    /// undone for a while).
    fileprivate static func createAnswerFormTables(in db: Database) throws {
        try db.create(table: "answer_form_use") { table in
            table.primaryKey("nonce_hash", .text)
            table.column("link_id", .integer).notNull()
            table.column("used_at", .datetime).notNull()
        }
        try db.create(table: "answer_undo") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("public_id", .text).notNull().unique()
            table.column("link_id", .integer).notNull()
            table.column("person_id", .text).notNull()
            table.column("summary", .text).notNull()
            table.column("change", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("undone_at", .datetime)
        }
    }
}

extension AppDatabase {
    /// What the organiser mailbox brings back: how far each inbox has been read, the
    /// calendar reply an attendance answer came from (so an older reply never overwrites a
    /// newer answer), time proposals (iMIP COUNTER) for the organiser, and addresses that
    /// bounce.
    fileprivate static func createInboundTables(in db: Database) throws {
        try db.create(table: "inbox_state") { table in
            table.primaryKey("channel_id", .text)
            table.column("uid_validity", .integer).check { $0 == nil || $0 >= 0 }
            table.column("last_uid", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            table.column("read_started_at", .datetime)
            table.column("failures", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            table.column("next_attempt_at", .datetime)
            table.column("held_reason", .text)
            table.column("last_error", .text)
            table.column("updated_at", .datetime).notNull()
        }
        try db.alter(table: "attendance") { table in
            table.add(column: "reply_stamp", .datetime)
            table.add(column: "reply_sequence", .integer)
        }
        try db.create(table: "calendar_proposal") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("series_id", .text).notNull()
            table.column("occurrence_date", .text).check { $0 == nil || length($0) == 10 }
            table.column("person_id", .text).notNull()
            table.column("proposed_start", .datetime)
            table.column("proposed_end", .datetime)
            table.column("comment", .text)
            table.column("stamp", .datetime).notNull()
            table.column("message_id", .text)
            table.column("received_at", .datetime).notNull()
            table.column("dismissed_at", .datetime)
        }
        try db.create(index: "calendar_proposal_on_series", on: "calendar_proposal", columns: ["series_id"])
        // One row per address that ever bounced, lower-cased. `bouncing_since` is set by a
        // permanent failure and means "send nothing there"; clearing it (by an operator, or
        // because the person's configured address changed) keeps the row and its counts.
        try db.create(table: "address_bounce") { table in
            table.primaryKey("address", .text)
            table.column("person_id", .text).notNull()
            table.column("bouncing_since", .datetime)
            table.column("status_code", .text)
            table.column("diagnostic", .text)
            table.column("outbox_entry_id", .integer)
            table.column("temporary_failures", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            table.column("last_failure_at", .datetime).notNull()
            table.column("cleared_at", .datetime)
            table.column("cleared_by", .text)
        }
        try db.create(index: "address_bounce_on_person", on: "address_bounce", columns: ["person_id"])
    }
}
