import Foundation
import GRDB

extension AppDatabase {
    /// Issues a new API token; the returned value holds the only copy of the secret.
    public func issueAPIToken(name: String, scope: APIScope, partnerID: String?, now: Date) throws(StoreError)
        -> IssuedAPIToken
    {
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(code: .invalidValue, description: "an API token needs a name that is not empty")
        }
        return try write { db in
            var publicID = FeedToken.generatePublicID()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM api_token WHERE public_id = ?", arguments: [publicID])
                != nil
            {
                publicID = FeedToken.generatePublicID()
            }
            let token = APIToken.generate()
            try db.execute(
                sql: """
                    INSERT INTO api_token (public_id, name, scope, partner_id, token_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [publicID, name, scope.rawValue, partnerID, APIToken.hash(token), now]
            )
            guard let record = try Self.fetchAPIToken(publicID: publicID, in: db) else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "api_token lost a row")
            }
            return IssuedAPIToken(token: token, record: record)
        }
    }

    /// The token a client presented; nil when it is malformed, unknown or revoked, with no
    /// way for a caller to tell which.
    ///
    /// Records when the token was used, at most once per `lastUsedResolution`.
    public func apiToken(forSecret secret: String, now: Date) throws(StoreError) -> APITokenRecord? {
        guard APIToken.isWellFormed(secret) else { return nil }
        let hash = APIToken.hash(secret)
        let found = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM api_token WHERE token_hash = ? AND revoked_at IS NULL", arguments: [hash]
            ).map(APITokenRecord.init(row:))
        }
        guard let record = found else { return nil }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedResolution }) ?? true {
            let stale = now.addingTimeInterval(-Self.lastUsedResolution)
            try write { db in
                try db.execute(
                    sql: """
                        UPDATE api_token SET last_used_at = ?
                        WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at <= ?)
                        """,
                    arguments: [now, hash, stale]
                )
            }
        }
        return record
    }

    /// Every API token ever issued, revoked ones included, oldest first. Holds no secrets.
    public func apiTokens() throws(StoreError) -> [APITokenRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY created_at, id").map(APITokenRecord.init(row:))
        }
    }

    /// Revokes the token named `publicID`; returns it as it is afterwards (a token already
    /// revoked keeps its first revocation time), or nil when no token has that id.
    public func revokeAPIToken(publicID: String, now: Date) throws(StoreError) -> APITokenRecord? {
        try write { db in
            try db.execute(
                sql: "UPDATE api_token SET revoked_at = ? WHERE public_id = ? AND revoked_at IS NULL",
                arguments: [now, publicID]
            )
            return try Self.fetchAPIToken(publicID: publicID, in: db)
        }
    }

    private static func fetchAPIToken(publicID: String, in db: Database) throws -> APITokenRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE public_id = ?", arguments: [publicID])
            .map(APITokenRecord.init(row:))
    }
}

extension APITokenRecord {
    /// Reads an `api_token` row; its hash is deliberately left behind.
    init(row: Row) throws {
        let scope: String = row["scope"]
        guard let scope = APIScope(rawValue: scope) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "api_token holds an unknown scope")
        }
        self.init(
            publicID: row["public_id"], name: row["name"], scope: scope, partnerID: row["partner_id"],
            createdAt: row["created_at"], revokedAt: row["revoked_at"], lastUsedAt: row["last_used_at"])
    }
}
