import Foundation
import GRDB

extension AppDatabase {
    /// Issues a link that acts for `personID` on `subject` until `expiresAt` (nil: until its
    /// subject decides).
    ///
    /// The returned value holds the only copy of the secret; only its hash is stored.
    public func issueAnswerLink(
        personID: String, subject: AnswerLinkSubject, expiresAt: Date?, now: Date
    ) throws(StoreError) -> IssuedAnswerLink {
        try write { db in
            try Self.insertAnswerLink(
                AnswerLinkRequest(personID: personID, subject: subject, expiresAt: expiresAt), now: now.databaseValue,
                in: db)
        }
    }

    /// Issues every link of `requests` in one transaction, in order: all of them or, when
    /// the store fails, none. A message's links are issued together this way.
    public func issueAnswerLinks(_ requests: [AnswerLinkRequest], now: Date) throws(StoreError) -> [IssuedAnswerLink] {
        let stamp = now.databaseValue
        return try write { db in try requests.map { try Self.insertAnswerLink($0, now: stamp, in: db) } }
    }

    private static func insertAnswerLink(_ request: AnswerLinkRequest, now: DatabaseValue, in db: Database) throws
        -> IssuedAnswerLink
    {
        // Cached statements: the dispatcher issues a few links for every e-mail it sends.
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM answer_link WHERE public_id = ?")
        var publicID = FeedToken.generatePublicID()
        while try Bool.fetchOne(taken, arguments: [publicID]) != nil {
            publicID = FeedToken.generatePublicID()
        }
        let token = FeedToken.generate()
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO answer_link (public_id, person_id, purpose, subject, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                RETURNING *
                """)
        guard
            let row = try Row.fetchOne(
                insert,
                arguments: [
                    publicID, request.personID, request.subject.purpose.rawValue, request.subject.subjectText,
                    FeedToken.hash(token), now, request.expiresAt,
                ])
        else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "answer_link lost a row") }
        return IssuedAnswerLink(token: token, record: try AnswerLinkRecord(row: row))
    }

    /// The link `token` names when it works at `now`; nil when the token is malformed,
    /// unknown, revoked or expired, with no way for a caller to tell which.
    ///
    /// Reading a link writes nothing: mail scanners open every link, and a GET must leave
    /// the store as it was. `markAnswerLinkUsed` records an answer given through it.
    public func answerLink(forToken token: String, now: Date) throws(StoreError) -> AnswerLinkRecord? {
        guard FeedToken.isWellFormed(token) else { return nil }
        let found = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM answer_link WHERE token_hash = ?", arguments: [FeedToken.hash(token)]
            ).map { try AnswerLinkRecord(row: $0) }
        }
        guard let found, found.isActive(at: now) else { return nil }
        return found
    }

    /// Notes that an answer was given through link `id`, at most once per `lastUsedResolution`.
    public func markAnswerLinkUsed(id: Int64, now: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE answer_link SET last_used_at = ?
                    WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)
                    """,
                arguments: [now, id, now.addingTimeInterval(-Self.lastUsedResolution)]
            )
        }
    }

    /// Every link, oldest first, optionally only `personID`'s. Holds no secrets.
    public func answerLinks(personID: String?) throws(StoreError) -> [AnswerLinkRecord] {
        try read { db in
            let filter = personID == nil ? "" : "WHERE person_id = ?"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM answer_link \(filter) ORDER BY created_at, id",
                arguments: personID.map { [$0] } ?? []
            ).map { try AnswerLinkRecord(row: $0) }
        }
    }

    /// Revokes every working link of `personID`; returns how many this call revoked.
    @discardableResult
    public func revokeAnswerLinks(personID: String, now: Date) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: "UPDATE answer_link SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL",
                arguments: [now, personID]
            )
            return db.changesCount
        }
    }

    /// Revokes the link named `publicID`; returns it as it is afterwards, nil when no link
    /// has that id. A link already revoked keeps its first revocation time.
    public func revokeAnswerLink(publicID: String, now: Date) throws(StoreError) -> AnswerLinkRecord? {
        try write { db in
            try db.execute(
                sql: "UPDATE answer_link SET revoked_at = ? WHERE public_id = ? AND revoked_at IS NULL",
                arguments: [now, publicID]
            )
            return try Row.fetchOne(db, sql: "SELECT * FROM answer_link WHERE public_id = ?", arguments: [publicID])
                .map { try AnswerLinkRecord(row: $0) }
        }
    }
}

extension AnswerLinkRecord {
    /// Reads an `answer_link` row; its hash is deliberately left behind.
    init(row: Row) throws {
        let purpose: String = row["purpose"]
        guard let purpose = AnswerLinkSubject.Purpose(rawValue: purpose),
            let subject = AnswerLinkSubject(purpose: purpose, subjectText: row["subject"])
        else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "answer_link holds an unreadable subject") }
        self.init(
            id: row["id"], publicID: row["public_id"], personID: row["person_id"], subject: subject,
            createdAt: row["created_at"], expiresAt: row["expires_at"], revokedAt: row["revoked_at"],
            lastUsedAt: row["last_used_at"])
    }
}
