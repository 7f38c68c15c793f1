import Foundation
import GRDB

extension AppDatabase {
    /// Marks `failure.address` as bouncing after a permanent failure and returns the record.
    ///
    /// An address already bouncing keeps its first `bouncing_since` and takes the newest code
    /// and diagnostic; one cleared before bounces again from `now`, its clearing forgotten.
    @discardableResult
    public func recordPermanentFailure(_ failure: AddressFailure, now: Date) throws(StoreError) -> AddressBounce {
        try write { db in
            let entryID = try Int64.fetchOne(
                db, sql: "SELECT id FROM outbox_entry WHERE message_id = ?", arguments: [failure.outboxMessageID])
            try db.execute(
                sql: """
                    INSERT INTO address_bounce (address, person_id, bouncing_since, status_code, diagnostic,
                        outbox_entry_id, temporary_failures, last_failure_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?)
                    ON CONFLICT (address) DO UPDATE SET
                        person_id = excluded.person_id,
                        bouncing_since = coalesce(bouncing_since, excluded.bouncing_since),
                        status_code = excluded.status_code, diagnostic = excluded.diagnostic,
                        outbox_entry_id = excluded.outbox_entry_id, last_failure_at = excluded.last_failure_at,
                        cleared_at = NULL, cleared_by = NULL
                    """,
                arguments: [
                    failure.address.lowercased(), failure.personID, now, failure.statusCode, failure.diagnostic,
                    entryID, now,
                ])
            return try Self.fetchBounce(address: failure.address, in: db)
        }
    }

    /// Counts a temporary failure (4.x.x, or a delay) for `failure.address` and returns the
    /// record; the address does not become bouncing.
    @discardableResult
    public func recordTemporaryFailure(_ failure: AddressFailure, now: Date) throws(StoreError) -> AddressBounce {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO address_bounce (address, person_id, temporary_failures, last_failure_at)
                    VALUES (?, ?, 1, ?)
                    ON CONFLICT (address) DO UPDATE SET
                        temporary_failures = temporary_failures + 1, last_failure_at = excluded.last_failure_at
                    """,
                arguments: [failure.address.lowercased(), failure.personID, now])
            return try Self.fetchBounce(address: failure.address, in: db)
        }
    }

    /// Every address that bounces now, by address.
    public func bouncingAddresses() throws(StoreError) -> [AddressBounce] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM address_bounce WHERE bouncing_since IS NOT NULL ORDER BY address"
            ).map(AddressBounce.init(row:))
        }
    }

    /// What is known about `address` (compared case-insensitively), bouncing or not; nil when
    /// no failure was ever reported for it.
    public func bounce(address: String) throws(StoreError) -> AddressBounce? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM address_bounce WHERE address = ?", arguments: [address.lowercased()]
            ).map(AddressBounce.init(row:))
        }
    }

    /// Lets Rhythm send to the person's addresses again: each address of `personID` that
    /// bounces stops bouncing, and keeps who cleared it (`actor`) and when. Returns the
    /// records cleared, empty when none bounced.
    @discardableResult
    public func clearBounce(personID: String, actor: String, now: Date) throws(StoreError) -> [AddressBounce] {
        try write { db in
            let addresses = try String.fetchAll(
                db,
                sql: "SELECT address FROM address_bounce WHERE person_id = ? AND bouncing_since IS NOT NULL",
                arguments: [personID])
            try db.execute(
                sql: """
                    UPDATE address_bounce SET bouncing_since = NULL, cleared_at = ?, cleared_by = ?
                    WHERE person_id = ? AND bouncing_since IS NOT NULL
                    """,
                arguments: [now, actor, personID])
            return try addresses.sorted().map { address in try Self.fetchBounce(address: address, in: db) }
        }
    }

    private static func fetchBounce(address: String, in db: Database) throws -> AddressBounce {
        guard
            let bounce = try Row.fetchOne(
                db, sql: "SELECT * FROM address_bounce WHERE address = ?", arguments: [address.lowercased()]
            ).map(AddressBounce.init(row:))
        else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "address_bounce lost a row") }
        return bounce
    }
}

extension AddressBounce {
    /// Reads an `address_bounce` row.
    init(row: Row) {
        self.init(
            address: row["address"], personID: row["person_id"], bouncingSince: row["bouncing_since"],
            statusCode: row["status_code"], diagnostic: row["diagnostic"], outboxEntryID: row["outbox_entry_id"],
            temporaryFailures: row["temporary_failures"], lastFailureAt: row["last_failure_at"],
            clearedAt: row["cleared_at"], clearedBy: row["cleared_by"])
    }
}
