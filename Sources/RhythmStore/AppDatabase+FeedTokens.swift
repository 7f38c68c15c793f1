import Foundation
import GRDB

extension AppDatabase {
    /// How often presenting a token writes its `last_used_at`: calendars poll feeds every
    /// few minutes, and a write per poll would buy nothing but disk traffic.
    public static let lastUsedResolution: TimeInterval = 60

    /// Issues a new token for `subject`, leaving any others working.
    ///
    /// The returned value holds the only copy of the secret; only its hash is stored.
    public func issueFeedToken(for subject: FeedSubject, now: Date) throws(StoreError) -> IssuedFeedToken {
        try write { db in try Self.issue(for: subject, now: now, replacing: [], in: db) }
    }

    /// Revokes every active token of `subject` and issues a new one, in one transaction, so
    /// that the subject is never left without a feed and an old URL never outlives the call.
    public func rotateFeedToken(for subject: FeedSubject, now: Date) throws(StoreError) -> IssuedFeedToken {
        try write { db in
            let replaced = try Self.revoke(subject: subject, now: now, in: db)
            return try Self.issue(for: subject, now: now, replacing: replaced, in: db)
        }
    }

    /// Revokes the token named `publicID`.
    ///
    /// Returns the token as it is afterwards (a token already revoked keeps its first
    /// revocation time), or nil when no token has that id.
    public func revokeFeedToken(publicID: String, now: Date) throws(StoreError) -> FeedTokenRecord? {
        try write { db in
            try db.execute(
                sql: "UPDATE feed_token SET revoked_at = ? WHERE public_id = ? AND revoked_at IS NULL",
                arguments: [now, publicID]
            )
            return try Row.fetchOne(db, sql: "SELECT * FROM feed_token WHERE public_id = ?", arguments: [publicID])
                .map { try FeedTokenRecord(row: $0) }
        }
    }

    /// Revokes every active token of `subject`; returns the ones this call revoked.
    public func revokeFeedTokens(for subject: FeedSubject, now: Date) throws(StoreError) -> [FeedTokenRecord] {
        try write { db in try Self.revoke(subject: subject, now: now, in: db) }
    }

    /// Every token ever issued, revoked ones included, oldest first. Holds no secrets.
    public func feedTokens() throws(StoreError) -> [FeedTokenRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed_token ORDER BY created_at, id").map {
                try FeedTokenRecord(row: $0)
            }
        }
    }

    /// Whose feed `token` opens; nil when the token is malformed, unknown or revoked, with
    /// no way for a caller to tell which, so that a guess learns nothing.
    ///
    /// Records when the token was used, at most once per `lastUsedResolution`. Whether the
    /// subject still exists in the configuration is the caller's question.
    public func feedSubject(forToken token: String, now: Date) throws(StoreError) -> FeedSubject? {
        guard FeedToken.isWellFormed(token) else { return nil }
        let hash = FeedToken.hash(token)
        let found = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM feed_token WHERE token_hash = ? AND revoked_at IS NULL", arguments: [hash]
            ).map { try FeedTokenRecord(row: $0) }
        }
        guard let record = found else { return nil }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedResolution }) ?? true {
            let stale = now.addingTimeInterval(-Self.lastUsedResolution)
            try write { db in
                try db.execute(
                    sql: """
                        UPDATE feed_token SET last_used_at = ?
                        WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at <= ?)
                        """,
                    arguments: [now, hash, stale]
                )
            }
        }
        return record.subject
    }

    private static func issue(
        for subject: FeedSubject, now: Date, replacing replaced: [FeedTokenRecord], in db: Database
    ) throws -> IssuedFeedToken {
        var publicID = FeedToken.generatePublicID()
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM feed_token WHERE public_id = ?", arguments: [publicID]) != nil {
            publicID = FeedToken.generatePublicID()
        }
        let token = FeedToken.generate()
        try db.execute(
            sql: """
                INSERT INTO feed_token (public_id, subject_kind, subject_id, token_hash, created_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [publicID, subject.kind.rawValue, subject.id, FeedToken.hash(token), now]
        )
        let record = try FeedTokenRecord(row: stored(publicID: publicID, in: db))
        return IssuedFeedToken(token: token, record: record, replaced: replaced)
    }

    private static func revoke(subject: FeedSubject, now: Date, in db: Database) throws -> [FeedTokenRecord] {
        let publicIDs = try String.fetchAll(
            db,
            sql: """
                SELECT public_id FROM feed_token
                WHERE subject_kind = ? AND subject_id = ? AND revoked_at IS NULL ORDER BY created_at, id
                """,
            arguments: [subject.kind.rawValue, subject.id]
        )
        try db.execute(
            sql:
                "UPDATE feed_token SET revoked_at = ? WHERE subject_kind = ? AND subject_id = ? AND revoked_at IS NULL",
            arguments: [now, subject.kind.rawValue, subject.id]
        )
        return try publicIDs.map { try FeedTokenRecord(row: stored(publicID: $0, in: db)) }
    }

    /// The row of a token known to exist, read back so that callers see the times as stored.
    private static func stored(publicID: String, in db: Database) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feed_token WHERE public_id = ?", arguments: [publicID])
        else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "feed_token lost a row inside a transaction")
        }
        return row
    }
}

extension FeedTokenRecord {
    /// Reads a `feed_token` row; its hash is deliberately left behind.
    init(row: Row) throws {
        let kind: String = row["subject_kind"]
        let id: String = row["subject_id"]
        guard let kind = FeedSubject.Kind(rawValue: kind), let subject = FeedSubject(kind: kind, id: id) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "feed_token holds an unreadable subject")
        }
        self.init(
            publicID: row["public_id"], subject: subject, createdAt: row["created_at"], revokedAt: row["revoked_at"],
            lastUsedAt: row["last_used_at"])
    }
}
