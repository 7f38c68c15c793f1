import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// The key prefixes of messages planned by something other than the reminder planner.
    private static let keyPrefixesPlannedElsewhere = [
        OutboxEntry.invitationKeyPrefix, MinutesMail.keyPrefix, LiveChangeNotice.keyPrefix,
        OutboxEntry.consoleSignInKeyPrefix,
    ]

    /// Writes newly planned reminders to the outbox and withdraws those that no longer are.
    ///
    /// - Only keys the outbox does not hold are inserted, so planning the same window twice
    ///   creates nothing. An entry still pending and never attempted takes the new due and
    ///   useful-until instants, so a moved meeting moves its reminders.
    /// - When `window` is the window the entries were planned for, every pending entry (held
    ///   ones included) due in that window whose key is not among `entries` is withdrawn:
    ///   its meeting was cancelled, its action closed, or its data reported. Invitations
    ///   (keys starting with `OutboxEntry.invitationKeyPrefix`), minutes (`MinutesMail.keyPrefix`)
    ///   and the notices of live changes (`LiveChangeNotice.keyPrefix`) are planned on their
    ///   own, and console sign-in messages (`OutboxEntry.consoleSignInKeyPrefix`) are asked
    ///   for: all are left alone.
    /// - A withdrawn entry planned again becomes pending again.
    ///
    /// `entries` is read once, as it is written: a lazily mapped plan never exists as a
    /// whole array of entries. Returns how many entries were inserted.
    @discardableResult
    public func enqueue(_ entries: some Sequence<OutboxEntry>, plannedWindow window: DateInterval?, now: Date)
        throws(StoreError) -> Int
    {
        try write { db in
            var planned = Set<String>()
            let inserted = try Self.insert(
                entries.lazy.map { entry in
                    if window != nil { planned.insert(entry.key) }
                    return entry
                }, in: db, now: now)
            if let window {
                let others = Self.keyPrefixesPlannedElsewhere
                let candidates = try String.fetchAll(
                    db,
                    sql: "SELECT key FROM outbox_entry WHERE status = 'pending' AND due_at >= ? AND due_at < ?"
                        + String(repeating: " AND substr(key, 1, ?) <> ?", count: others.count),
                    arguments: StatementArguments([window.start, window.end])
                        + StatementArguments(others.flatMap { [$0.count, $0] as [any DatabaseValueConvertible] }))
                let withdraw = try db.cachedStatement(
                    sql: "UPDATE outbox_entry SET status = 'withdrawn', held = 0, updated_at = ? WHERE key = ?")
                let stamp = now.databaseValue
                for key in candidates where !planned.contains(key) {
                    try withdraw.execute(arguments: [stamp, key])
                }
            }
            return inserted
        }
    }

    /// Inserts the entries the outbox does not hold; moves a pending, never-attempted one to
    /// its new due and useful-until instants; and brings a withdrawn one back when it is planned
    /// again (a cancellation undone, an action reopened). Returns how many were inserted.
    ///
    /// The two statements are prepared once for the whole batch, and each instant converted
    /// once: planning writes a row per reminder, ten thousand for a large initiative.
    static func insert(_ entries: some Sequence<OutboxEntry>, in db: Database, now: Date) throws -> Int {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO outbox_entry (key, channel_id, recipient, due_at, useful_until, payload, status,
                    held, attempts, next_attempt_at, message_id, created_at, updated_at, kind, subject)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO NOTHING
                """)
        let replan = try db.cachedStatement(
            sql: """
                UPDATE outbox_entry SET status = 'pending', attempts = 0, due_at = ?, next_attempt_at = ?,
                    useful_until = ?, payload = ?, kind = ?, subject = ?, last_reply = NULL, updated_at = ?
                WHERE key = ? AND ((status = 'pending' AND attempts = 0 AND held = 0
                        AND (due_at <> ? OR useful_until <> ? OR payload IS NOT ? OR subject IS NOT ?))
                    OR status = 'withdrawn')
                """)
        let stamp = now.databaseValue
        var instants = InstantValues()
        var inserted = 0
        for entry in entries {
            let due = instants.value(entry.due)
            let usefulUntil = instants.value(entry.usefulUntil)
            try insert.execute(arguments: [
                entry.key, entry.channelID, entry.recipient, due, usefulUntil, entry.payload, due,
                OutboxEntry.messageID(forKey: entry.key), stamp, stamp, entry.kind?.rawValue, entry.subject,
            ])
            if db.changesCount > 0 {
                inserted += 1
                continue
            }
            try replan.execute(arguments: [
                due, due, usefulUntil, entry.payload, entry.kind?.rawValue, entry.subject, stamp,
                entry.key, due, usefulUntil, entry.payload, entry.subject,
            ])
        }
        return inserted
    }

    /// Claims up to `limit` entries whose next attempt is due, in one short transaction:
    /// they become `sending` (and count one more attempt) and are returned, earliest first.
    ///
    /// Due entries whose useful-until has passed become `skipped` instead: after downtime,
    /// what is still useful goes out and the rest is recorded. Two processes claiming at once
    /// never get the same entry, because SQLite lets one write transaction in at a time.
    public func claimDue(now: Date, limit: Int, channelID: String? = nil) throws(StoreError) -> [OutboxEntry] {
        try write { db in
            let channel = channelID == nil ? "" : "AND channel_id = ?"
            let channelArgument: StatementArguments = channelID.map { [$0] } ?? []
            let stamp = now.databaseValue
            try db.cachedStatement(
                sql: """
                    UPDATE outbox_entry SET status = 'skipped', updated_at = ?
                    WHERE status = 'pending' AND held = 0 AND next_attempt_at <= ? AND useful_until <= ? \(channel)
                    """
            ).execute(arguments: [stamp, stamp, stamp] + channelArgument)
            let claimed = try Row.fetchAll(
                db.cachedStatement(sql: Self.claimSQL(byChannel: channelID != nil)),
                arguments: [stamp, stamp] + channelArgument + [max(limit, 0)]
            ).map(OutboxEntry.init(row:))
            return claimed.sorted { ($0.nextAttemptAt, $0.key) < ($1.nextAttemptAt, $1.key) }
        }
    }

    /// The statement that marks a batch `sending` and returns it (RETURNING has no order of
    /// its own); its arguments are the instant twice, the channel id when `byChannel`, and the
    /// limit. The batch is read in index order (`v12-outbox-claim-order`), never sorted.
    static func claimSQL(byChannel: Bool) -> String {
        """
        UPDATE outbox_entry SET status = 'sending', attempts = attempts + 1, updated_at = ?
        WHERE key IN (
            SELECT key FROM outbox_entry WHERE status = 'pending' AND held = 0 AND next_attempt_at <= ?
                \(byChannel ? "AND channel_id = ?" : "")
            ORDER BY next_attempt_at, key LIMIT ?)
        RETURNING *
        """
    }

    /// Records what became of an attempt and returns the entry as stored; nil when there is
    /// no such key.
    ///
    /// - `delivered`: sent.
    /// - `transient` and `unknown`: pending again after `policy`'s backoff (jitter drawn from
    ///   `generator`), unless that would be at or past useful-until: then dead, with the reply.
    /// - `permanent`: dead, with the reply.
    /// - `configuration`: pending but held, with the message: never claimed until an operator
    ///   fixes the configuration and calls `retry`.
    ///
    /// Only an entry that is `sending` or `pending` changes (a dispatcher presumed dead may
    /// still report); one already finished is returned as it is.
    @discardableResult
    public func recordOutcome(
        key: String,
        outcome: OutboxOutcome,
        now: Date,
        policy: OutboxRetryPolicy = .standard,
        using generator: inout some RandomNumberGenerator
    ) throws(StoreError) -> OutboxEntry? {
        let fraction = OutboxRetryPolicy.fraction(using: &generator)
        return try write { db in
            if case .delivered = outcome {
                // The common case needs nothing from the row: one statement, no read before it.
                let sent = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            UPDATE outbox_entry SET status = 'sent', held = 0, updated_at = ?
                            WHERE key = ? AND status IN ('sending', 'pending')
                            RETURNING *
                            """),
                    arguments: [now, key])
                return try sent.map(OutboxEntry.init(row:)) ?? Self.fetchOutboxEntry(key: key, in: db)
            }
            guard let entry = try Self.fetchOutboxEntry(key: key, in: db) else { return nil }
            guard entry.status == .sending || entry.status == .pending else { return entry }
            var status = OutboxStatus.pending
            var held = false
            var next = entry.nextAttemptAt
            var reply = entry.lastReply
            switch outcome {
            case .delivered:
                status = .sent
            case .permanent(let text):
                status = .dead
                reply = text
            case .configuration(let message):
                held = true
                reply = message
            case .transient(let text, let retryAfter):
                reply = text
                next = now + policy.delay(afterAttempt: entry.attempts, fraction: fraction, retryAfter: retryAfter)
            case .unknown(let text):
                reply = text
                next = now + policy.delay(afterAttempt: entry.attempts, fraction: fraction)
            }
            if status == .pending, !held, next >= entry.usefulUntil {
                status = .dead
                reply =
                    "no longer useful after \(entry.usefulUntil.formatted(.iso8601)); last reply: \(reply ?? "none")"
            }
            return try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        UPDATE outbox_entry SET status = ?, held = ?, next_attempt_at = ?, last_reply = ?, updated_at = ?
                        WHERE key = ?
                        RETURNING *
                        """),
                arguments: [status.rawValue, held, next, reply, now, key]
            ).map(OutboxEntry.init(row:))
        }
    }

    /// `recordOutcome` with the system's random numbers, for production.
    @discardableResult
    public func recordOutcome(key: String, outcome: OutboxOutcome, now: Date) throws(StoreError) -> OutboxEntry? {
        var generator = SystemRandomNumberGenerator()
        return try recordOutcome(key: key, outcome: outcome, now: now, using: &generator)
    }

    /// Puts entries a crashed dispatcher left `sending` back to pending, due now; returns
    /// how many. Run at start-up, before dispatching: the only source of a duplicate, and
    /// the retry carries the same message id.
    @discardableResult
    public func recoverAbandoned(now: Date) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET status = 'pending', next_attempt_at = ?, updated_at = ?
                    WHERE status = 'sending'
                    """,
                arguments: [now, now])
            return db.changesCount
        }
    }

    /// The entries with `status` (all when nil) and of `channelID` (all when nil), by due
    /// instant then key.
    public func outboxEntries(status: OutboxStatus? = nil, channelID: String? = nil, limit: Int = 100)
        throws(StoreError) -> [OutboxEntry]
    {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            if let channelID {
                conditions.append("channel_id = ?")
                arguments.append(channelID)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM outbox_entry \(filter) ORDER BY due_at, key LIMIT ?",
                arguments: StatementArguments(arguments + [max(limit, 0)])
            ).map(OutboxEntry.init(row:))
        }
    }

    /// The entry with this message id; nil if there is none.
    public func outboxEntry(messageID: String) throws(StoreError) -> OutboxEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox_entry WHERE message_id = ?", arguments: [messageID])
                .map(OutboxEntry.init(row:))
        }
    }

    /// Makes every dead entry pending again, due now; returns how many.
    @discardableResult
    public func retryDead(now: Date) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET status = 'pending', held = 0, attempts = 0, next_attempt_at = ?,
                        updated_at = ?
                    WHERE status = 'dead'
                    """,
                arguments: [now, now])
            return db.changesCount
        }
    }

    /// The entry with this key; nil if there is none.
    public func outboxEntry(key: String) throws(StoreError) -> OutboxEntry? {
        try read { db in try Self.fetchOutboxEntry(key: key, in: db) }
    }

    /// Makes a dead or held entry pending again, due now, with its attempts counted afresh;
    /// returns it as stored, or nil when there is no such entry. Other entries are returned
    /// unchanged. An entry past its useful-until is then skipped by the next claim.
    @discardableResult
    public func retry(key: String, now: Date) throws(StoreError) -> OutboxEntry? {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_entry SET status = 'pending', held = 0, attempts = 0, next_attempt_at = ?,
                        updated_at = ?
                    WHERE key = ? AND (status = 'dead' OR (status = 'pending' AND held = 1))
                    """,
                arguments: [now, now, key])
            return try Self.fetchOutboxEntry(key: key, in: db)
        }
    }

    /// Deletes entries in `statuses` last changed before `date`; returns how many.
    @discardableResult
    public func purge(olderThan date: Date, statuses: Set<OutboxStatus> = OutboxStatus.finished) throws(StoreError)
        -> Int
    {
        let names = statuses.map(\.rawValue).sorted()
        guard !names.isEmpty else { return 0 }
        return try write { db in
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            try db.execute(
                sql: "DELETE FROM outbox_entry WHERE updated_at < ? AND status IN (\(placeholders))",
                arguments: StatementArguments([date] as [any DatabaseValueConvertible])
                    + StatementArguments(names))
            return db.changesCount
        }
    }

    /// The earliest instant a pending, unheld entry may be claimed; nil when there is none.
    /// The dispatcher sleeps until then (or until something is enqueued).
    public func nextDueInstant() throws(StoreError) -> Date? {
        try read { db in
            try Date.fetchOne(
                db, sql: "SELECT MIN(next_attempt_at) FROM outbox_entry WHERE status = 'pending' AND held = 0")
        }
    }

    static func fetchOutboxEntry(key: String, in db: Database) throws -> OutboxEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM outbox_entry WHERE key = ?"), arguments: [key])
            .map(OutboxEntry.init(row:))
    }
}

extension OutboxEntry {
    /// Reads an `outbox_entry` row.
    init(row: Row) throws {
        let status: String = row["status"]
        guard let status = OutboxStatus(rawValue: status) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "outbox_entry holds an unknown status")
        }
        self.init(
            key: row["key"], channelID: row["channel_id"], recipient: row["recipient"], due: row["due_at"],
            usefulUntil: row["useful_until"], payload: row["payload"], status: status, isHeld: row["held"],
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastReply: row["last_reply"],
            messageID: row["message_id"], createdAt: row["created_at"], updatedAt: row["updated_at"],
            kind: (row["kind"] as String?).flatMap(OutboxEntry.Kind.init(rawValue:)), subject: row["subject"])
    }
}

/// The database values of instants, each converted once: GRDB formats a `Date` through a
/// date formatter, and a plan repeats the same few due and useful-until instants across
/// thousands of rows.
struct InstantValues {
    private var values: [Date: DatabaseValue] = [:]

    mutating func value(_ instant: Date) -> DatabaseValue {
        if let value = values[instant] { return value }
        let value = instant.databaseValue
        values[instant] = value
        return value
    }
}
