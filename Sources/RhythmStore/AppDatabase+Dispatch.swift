import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// How far ahead reminders have been planned; nil before the first run. After downtime
    /// the planner starts from here, so reminders due while nobody ran are found: still
    /// useful ones are sent, the rest recorded as skipped.
    public func plannedUntil() throws(StoreError) -> Date? {
        try read { db in try Date.fetchOne(db, sql: "SELECT planned_until FROM planner_state WHERE id = 1") }
    }

    /// Records how far ahead reminders have been planned.
    public func setPlannedUntil(_ date: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO planner_state (id, planned_until) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET planned_until = excluded.planned_until
                    """,
                arguments: [date])
        }
    }

    /// Marks a chat channel as gone (its webhook answered 410): its entries are held until an
    /// operator re-enables it with `enableChannel`.
    public func disableChannel(id: String, reason: String, now: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO channel_state (channel_id, disabled_at, reason) VALUES (?, ?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason
                    """,
                arguments: [id, now, reason])
        }
    }

    /// The disabled channels and why, by channel id.
    public func disabledChannels() throws(StoreError) -> [String: String] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT channel_id, reason FROM channel_state")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["channel_id"], $0["reason"]) })
        }
    }

    /// Re-enables a channel and makes its held entries pending again, due now; returns how
    /// many entries were released.
    @discardableResult
    public func enableChannel(id: String, now: Date) throws(StoreError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM channel_state WHERE channel_id = ?", arguments: [id])
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET held = 0, attempts = 0, next_attempt_at = ?, updated_at = ?
                    WHERE channel_id = ? AND status = 'pending' AND held = 1
                    """,
                arguments: [now, now, id])
            return db.changesCount
        }
    }

    /// Withdraws an entry that is pending or being sent, because what it was about is gone
    /// (the meeting was cancelled, the action closed) or a newer message replaced it.
    @discardableResult
    public func withdraw(key: String, reason: String, now: Date) throws(StoreError) -> OutboxEntry? {
        try finishUnsent(key: key, status: .withdrawn, reason: reason, now: now)
    }

    /// Skips an entry that is pending or being sent without sending it, because its
    /// recipient cannot receive it (the address bounces); `reason` says so to people reading
    /// the outbox. Returns the entry as stored.
    @discardableResult
    public func skip(key: String, reason: String, now: Date) throws(StoreError) -> OutboxEntry? {
        try finishUnsent(key: key, status: .skipped, reason: reason, now: now)
    }

    /// Ends a pending or claimed entry in `status` without sending it, `reason` as its last reply.
    private func finishUnsent(key: String, status: OutboxStatus, reason: String, now: Date) throws(StoreError)
        -> OutboxEntry?
    {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET status = ?, held = 0, last_reply = ?, updated_at = ?
                    WHERE key = ? AND status IN ('pending', 'sending')
                    """,
                arguments: [status.rawValue, reason, now, key])
            return try Self.fetchOutboxEntry(key: key, in: db)
        }
    }

    /// Hands claimed entries back unsent (the service is stopping): pending again, due now,
    /// the claim's attempt not counted.
    public func release(keys: [String], now: Date) throws(StoreError) {
        try write { db in
            for key in keys {
                try db.execute(
                    sql: """
                        UPDATE outbox_entry SET status = 'pending', attempts = max(attempts - 1, 0),
                            next_attempt_at = ?, updated_at = ?
                        WHERE key = ? AND status = 'sending'
                        """,
                    arguments: [now, now, key])
            }
        }
    }

    /// The channels with entries whose next attempt is due, so that each gets its own lane.
    public func channelsWithDueEntries(now: Date) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT channel_id FROM outbox_entry
                    WHERE status = 'pending' AND held = 0 AND next_attempt_at <= ? ORDER BY channel_id
                    """,
                arguments: [now])
        }
    }

    /// The earliest planned instant among the entries that can be claimed at `now`; nil when
    /// none can. The dispatcher re-plans reminders from there to `now` to check each one.
    public func earliestDue(claimableAt now: Date) throws(StoreError) -> Date? {
        try read { db in
            try Date.fetchOne(
                db,
                sql: """
                    SELECT MIN(due_at) FROM outbox_entry WHERE status = 'pending' AND held = 0 AND next_attempt_at <= ?
                    """,
                arguments: [now])
        }
    }

    /// Throws unless a write transaction can be started now (the file and its directory are
    /// writable and no other process holds the lock for longer than the busy timeout).
    public func checkWritable() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
        } catch {
            throw StoreError(
                code: .databaseFailure,
                description: "the database cannot be written: \(Self.sqliteMessage(error)); check the file's owner and "
                    + "permissions and the free space")
        }
    }

    /// How many entries are in each status.
    public func outboxCounts() throws(StoreError) -> [OutboxStatus: Int] {
        try read { db in
            var counts: [OutboxStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outbox_entry GROUP BY status") {
                if let status = OutboxStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// How many pending entries wait for an operator (held after a configuration error).
    public func heldCount() throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox_entry WHERE status = 'pending' AND held = 1") ?? 0
        }
    }

    /// What each person was last sent about each series.
    public func invitationStates() throws(StoreError) -> [InvitationState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM invitation_state ORDER BY series_id, person_id").map { row in
                InvitationState(
                    seriesID: row["series_id"], personID: row["person_id"], title: row["title"],
                    feedSequence: row["sequence"], generation: row["generation"], isInvited: row["invited"])
            }
        }
    }

    /// Enqueues planned invitations and records the states that go with them, in one
    /// transaction: a crash never leaves a state recorded whose message was not queued.
    /// Returns how many entries were inserted.
    @discardableResult
    public func enqueueInvitations(
        _ entries: [OutboxEntry], states: [InvitationState], now: Date
    ) throws(StoreError) -> Int {
        try write { db in
            let inserted = try Self.insert(entries, in: db, now: now)
            for state in states {
                try db.execute(
                    sql: """
                        INSERT INTO invitation_state (series_id, person_id, title, sequence, generation, invited,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (series_id, person_id) DO UPDATE SET title = excluded.title,
                            sequence = excluded.sequence, generation = excluded.generation, invited = excluded.invited,
                            updated_at = excluded.updated_at
                        WHERE title <> excluded.title OR sequence <> excluded.sequence
                            OR generation <> excluded.generation OR invited <> excluded.invited
                        """,
                    arguments: [
                        state.seriesID, state.personID, state.title, state.feedSequence, state.generation,
                        state.isInvited, now,
                    ])
            }
            return inserted
        }
    }
}
