import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// A database written before actions existed upgrades in place.
@Suite struct WorkMigrationTests {
    @Test("a v1 database gains the work tables and keeps its feed tokens")
    func upgradeFromV1() throws {
        let directory = try TemporaryDirectory()
        let issuedToken: String
        do {
            let pool = try DatabasePool(path: directory.databasePath)
            try AppDatabase.migrator.migrate(pool, upTo: "v1")
            let hash = FeedToken.hash("a" + String(repeating: "b", count: 42))
            issuedToken = "a" + String(repeating: "b", count: 42)
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO feed_token (public_id, subject_kind, subject_id, token_hash, created_at)
                        VALUES ('k7qm2xw9ta', 'partner', 'brightwater-council', ?, ?)
                        """,
                    arguments: [hash, Date.reference])
            }
            let tables = try pool.read { db in try db.tableExists("action") }
            #expect(!tables)
        }
        let database = try directory.open()
        #expect(try database.feedTokens().map(\.publicID) == ["k7qm2xw9ta"])
        #expect(try database.feedSubject(forToken: issuedToken, now: .reference) == .partner("brightwater-council"))
        let action = try database.createAction(NewAction(title: "a", ownerID: "o"), actor: "t", now: .reference)
        #expect(try database.action(id: action.id) == action)
        let applied = try DatabaseQueue(path: directory.databasePath).read { db in
            try AppDatabase.migrator.appliedIdentifiers(db)
        }
        #expect(
            applied == [
                "v1", "v2-work", "v3-outbox", "v4-dispatch", "v5-outbox-subject", "v6-answers", "v7-inbound",
                "v9-console",
            ])
    }
}

/// Outbox entries written before kinds and subjects were recorded keep working, and get the
/// kind their key tells.
@Suite struct OutboxSubjectMigrationTests {
    @Test("a v4 outbox gains kind and subject; invitations, cancellations and digests get their kind")
    func upgradeFromV4() throws {
        let directory = try TemporaryDirectory()
        do {
            let pool = try DatabasePool(path: directory.databasePath)
            try AppDatabase.migrator.migrate(pool, upTo: "v4-dispatch")
            try pool.write { db in
                for key in [
                    "imip:request|s|seq1-g0|person:p|email", "imip:cancel|s|g1|person:p|email",
                    "digest|2027-03-01|person:p|email", "before-3d|series:s@2027-03-09T10:00|person:p|email",
                ] {
                    try db.execute(
                        sql: """
                            INSERT INTO outbox_entry (key, channel_id, recipient, due_at, useful_until, status,
                                next_attempt_at, message_id, created_at, updated_at)
                            VALUES (?, 'email', 'person:p', ?, ?, 'pending', ?, ?, ?, ?)
                            """,
                        arguments: [
                            key, Date.reference, Date.reference, Date.reference, OutboxEntry.messageID(forKey: key),
                            Date.reference, Date.reference,
                        ])
                }
            }
        }
        let database = try directory.open()
        let entries = try database.outboxEntries()
        #expect(entries.map(\.kind) == [nil, .digest, .cancellation, .invitation])  // by key
        #expect(entries.allSatisfy { $0.subject == nil })
    }
}
