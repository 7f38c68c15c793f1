import Foundation
import GRDB

/// The console's sign-in links and sessions. A sign-in, a sign-out and a revocation are each
/// one transaction with their audit entry (entity `console-session`).
extension AppDatabase {
    /// Issues a one-time sign-in link for `personID`, valid for the policy's link lifetime.
    /// The returned token is the only copy of the secret; only its hash is stored.
    public func issueConsoleSignInLink(personID: String, now: Date, policy: ConsoleSessionPolicy = .init())
        throws(StoreError) -> String
    {
        let token = FeedToken.generate()
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO console_sign_in_link (token_hash, person_id, created_at, expires_at)
                    VALUES (?, ?, ?, ?)
                    """,
                arguments: [FeedToken.hash(token), personID, now, now.addingTimeInterval(policy.signInLinkLifetime)])
        }
        return token
    }

    /// The person a sign-in link is for while it is unused and unexpired; nil otherwise, with
    /// no way to tell why. Writes nothing: mail scanners open links.
    public func consoleSignInLinkPerson(token: String, now: Date) throws(StoreError) -> String? {
        guard FeedToken.isWellFormed(token) else { return nil }
        return try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT person_id FROM console_sign_in_link
                    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                    """,
                arguments: [FeedToken.hash(token), now])
        }
    }

    /// Spends the sign-in link `token` and starts a session for its person, audited as
    /// `console:<person>`; nil when the link is unknown, used or expired. `mayUse` is asked
    /// inside the transaction whether the person may still sign in (the configuration may
    /// have changed since the link was issued); a refused link stays unused.
    public func startConsoleSession(
        signInToken token: String, now: Date, policy: ConsoleSessionPolicy = .init(),
        mayUse: (String) -> Bool = { _ in true }
    ) throws(StoreError) -> StartedConsoleSession? {
        guard FeedToken.isWellFormed(token) else { return nil }
        return try write { db -> StartedConsoleSession? in
            guard
                let link = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, person_id FROM console_sign_in_link
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                        """,
                    arguments: [FeedToken.hash(token), now])
            else { return nil }
            let personID: String = link["person_id"]
            guard mayUse(personID) else { return nil }
            try db.execute(
                sql: "UPDATE console_sign_in_link SET used_at = ? WHERE id = ?", arguments: [now, link["id"] as Int64])
            let secret = FeedToken.generate()
            try db.execute(
                sql: """
                    INSERT INTO console_session
                        (token_hash, person_id, created_at, last_seen_at, expires_at, csrf_token)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    FeedToken.hash(secret), personID, now, now, now.addingTimeInterval(policy.absoluteLifetime),
                    FeedToken.generate(),
                ])
            let id = db.lastInsertedRowID
            var details = AuditDetails()
            details.record("person_id", old: .null, new: .text(personID))
            try Self.audit(
                entity: "console-session", id: id, change: "signed-in", details: details,
                actor: "console:\(personID)", now: now, in: db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM console_session WHERE id = ?", arguments: [id])
            else { return nil }
            return StartedConsoleSession(token: secret, session: ConsoleSession(row: row))
        }
    }

    /// The active session the cookie `token` names, after noting that it was seen at `now`
    /// (which moves its idle end); nil when the token is malformed or unknown, or the session
    /// ended, idled out or reached its absolute end.
    public func consoleSession(token: String, now: Date, policy: ConsoleSessionPolicy = .init())
        throws(StoreError) -> ConsoleSession?
    {
        guard FeedToken.isWellFormed(token) else { return nil }
        return try write { db -> ConsoleSession? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM console_session WHERE token_hash = ?", arguments: [FeedToken.hash(token)])
            else { return nil }
            let session = ConsoleSession(row: row)
            guard session.isActive(at: now, policy: policy) else { return nil }
            try db.execute(
                sql: "UPDATE console_session SET last_seen_at = ? WHERE id = ?", arguments: [now, session.id])
            return try Row.fetchOne(db, sql: "SELECT * FROM console_session WHERE id = ?", arguments: [session.id])
                .map(ConsoleSession.init(row:))
        }
    }

    /// Ends session `id` as its person signing out, audited as `console:<person>`; false when
    /// it had already ended.
    @discardableResult
    public func endConsoleSession(id: Int64, now: Date) throws(StoreError) -> Bool {
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM console_session WHERE id = ? AND ended_at IS NULL", arguments: [id])
            else { return false }
            try Self.end(ConsoleSession(row: row), change: "signed-out", actor: nil, now: now, in: db)
            return true
        }
    }

    /// The sessions that still sign in at `now`, newest first.
    public func activeConsoleSessions(now: Date, policy: ConsoleSessionPolicy = .init()) throws(StoreError)
        -> [ConsoleSession]
    {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM console_session WHERE ended_at IS NULL AND expires_at > ? ORDER BY id DESC",
                arguments: [now]
            ).map(ConsoleSession.init(row:)).filter { $0.isActive(at: now, policy: policy) }
        }
    }

    /// Ends the active sessions `selection` names, each audited as `revoked` by `actor`, in
    /// one transaction; returns them as they were.
    public func revokeConsoleSessions(
        _ selection: ConsoleSessionSelection, actor: String, now: Date, policy: ConsoleSessionPolicy = .init()
    ) throws(StoreError) -> [ConsoleSession] {
        try write { db in
            let active = try Row.fetchAll(
                db, sql: "SELECT * FROM console_session WHERE ended_at IS NULL AND expires_at > ? ORDER BY id",
                arguments: [now]
            ).map(ConsoleSession.init(row:)).filter { $0.isActive(at: now, policy: policy) }
            let chosen = active.filter { session in
                switch selection {
                case .publicIDPrefix(let prefix): session.publicID.hasPrefix(prefix.lowercased())
                case .person(let personID): session.personID == personID
                case .all: true
                }
            }
            for session in chosen {
                try Self.end(session, change: "revoked", actor: actor, now: now, in: db)
            }
            return chosen
        }
    }

    /// Marks `session` ended by `actor` (its own person when nil) and audits it.
    private static func end(_ session: ConsoleSession, change: String, actor: String?, now: Date, in db: Database)
        throws
    {
        let actor = actor ?? "console:\(session.personID)"
        try db.execute(
            sql: "UPDATE console_session SET ended_at = ?, ended_by = ? WHERE id = ?",
            arguments: [now, actor, session.id])
        var details = AuditDetails()
        details.record("ended_by", old: .null, new: .text(actor))
        try audit(
            entity: "console-session", id: session.id, change: change, details: details,
            actor: actor, now: now, in: db)
    }
}

extension AppDatabase {
    /// Puts a console sign-in message for `personID` in the outbox, due at `now` on the e-mail
    /// channel `channelID`, worth sending for the policy's link lifetime. The link itself is
    /// issued when the dispatcher composes the message, so no secret waits in the outbox.
    /// The entry has no `kind` (the outbox's kinds are the planned messages'); its key's
    /// prefix and its subject say what it is.
    public func enqueueConsoleSignIn(
        personID: String, channelID: String, subject: String, now: Date, policy: ConsoleSessionPolicy = .init()
    ) throws(StoreError) {
        let entry = OutboxEntry(
            key: OutboxEntry.consoleSignInKeyPrefix + personID + ":" + UUID().uuidString.lowercased(),
            channelID: channelID, recipient: "person:\(personID)", due: now,
            usefulUntil: now.addingTimeInterval(policy.signInLinkLifetime), subject: subject)
        try enqueue([entry], plannedWindow: nil, now: now)
    }
}
