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
        #expect(applied == ["v1", "v2-work", "v3-outbox", "v4-dispatch"])
    }
}
