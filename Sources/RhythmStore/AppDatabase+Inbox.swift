import Foundation
import GRDB

extension AppDatabase {
    /// How far the inbox of `channelID` has been read, or nil before anything was recorded.
    public func inboxState(channelID: String) throws(StoreError) -> InboxState? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM inbox_state WHERE channel_id = ?", arguments: [channelID])
                .map(InboxState.init(row:))
        }
    }

    /// Every inbox recorded, by channel.
    public func inboxStates() throws(StoreError) -> [InboxState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inbox_state ORDER BY channel_id").map(InboxState.init(row:))
        }
    }

    /// Remembers a successful read of the inbox of `channelID`, begun at `startedAt`, up to
    /// `lastUID` under `uidValidity`; forgets earlier failures and any hold.
    public func recordInboxRead(
        channelID: String, uidValidity: Int64, lastUID: Int64, startedAt: Date, now: Date
    ) throws(StoreError) {
        guard uidValidity >= 0, lastUID >= 0 else {
            throw StoreError(code: .invalidValue, description: "UIDVALIDITY and UIDs are never negative")
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO inbox_state (channel_id, uid_validity, last_uid, read_started_at, failures,
                        next_attempt_at, held_reason, last_error, updated_at)
                    VALUES (?, ?, ?, ?, 0, NULL, NULL, NULL, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET
                        uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
                        read_started_at = excluded.read_started_at, failures = 0, next_attempt_at = NULL,
                        held_reason = NULL, last_error = NULL, updated_at = excluded.updated_at
                    """,
                arguments: [channelID, uidValidity, lastUID, startedAt, now])
        }
    }

    /// Counts a failed read of the inbox of `channelID`: `error` says what happened (without
    /// secrets), `nextAttemptAt` when to try again, and `heldReason`, when set, that it waits
    /// for an operator instead. Returns the state as recorded.
    @discardableResult
    public func recordInboxFailure(
        channelID: String, error: String, nextAttemptAt: Date?, heldReason: String?, now: Date
    ) throws(StoreError) -> InboxState {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO inbox_state (channel_id, last_uid, failures, next_attempt_at, held_reason, last_error,
                        updated_at)
                    VALUES (?, 0, 1, ?, ?, ?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET
                        failures = failures + 1, next_attempt_at = excluded.next_attempt_at,
                        held_reason = excluded.held_reason, last_error = excluded.last_error,
                        updated_at = excluded.updated_at
                    """,
                arguments: [channelID, nextAttemptAt, heldReason, error, now])
            guard
                let state = try Row.fetchOne(
                    db, sql: "SELECT * FROM inbox_state WHERE channel_id = ?", arguments: [channelID]
                ).map(InboxState.init(row:))
            else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "inbox_state lost a row") }
            return state
        }
    }

    /// Lets every held inbox be read again at once, as after a reload that may have fixed its
    /// configuration; returns the channels released.
    @discardableResult
    public func releaseHeldInboxes(now: Date) throws(StoreError) -> [String] {
        try write { db in
            let held = try String.fetchAll(
                db, sql: "SELECT channel_id FROM inbox_state WHERE held_reason IS NOT NULL ORDER BY channel_id")
            try db.execute(
                sql: """
                    UPDATE inbox_state SET held_reason = NULL, next_attempt_at = NULL, updated_at = ?
                    WHERE held_reason IS NOT NULL
                    """,
                arguments: [now])
            return held
        }
    }
}

extension InboxState {
    /// Reads an `inbox_state` row.
    init(row: Row) {
        self.init(
            channelID: row["channel_id"], uidValidity: row["uid_validity"], lastUID: row["last_uid"],
            readStartedAt: row["read_started_at"], failures: row["failures"], nextAttemptAt: row["next_attempt_at"],
            heldReason: row["held_reason"], lastError: row["last_error"], updatedAt: row["updated_at"])
    }
}
