import GRDB

extension AppDatabase {
    /// v12-outbox-claim-order: the outbox's due entries indexed in the order a dispatcher
    /// claims them (next attempt, then key).
    ///
    /// With the index on status and next attempt alone, SQLite sorted every due entry by key
    /// for each batch of 32 it claimed, so a pass over ten thousand entries sorted them some
    /// three hundred times; now a claim reads its batch off the index and stops. The new
    /// index starts with the old one's columns and replaces it.
    static func addOutboxClaimOrder(_ db: Database) throws {
        try db.create(
            index: "outbox_entry_on_status_next_key", on: "outbox_entry",
            columns: ["status", "next_attempt_at", "key"])
        try db.drop(index: "outbox_entry_on_status_next")
    }
}
