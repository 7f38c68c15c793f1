import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// The read-only way in that `upcoming` and `check` take: it reads a current database as it
/// is, changes nothing, and stands aside for a file whose schema is not this build's.
@Suite struct AppDatabaseReadingTests {
    @Test("a current database is read as it is, and nothing can be written through it")
    func readsACurrentDatabase() throws {
        let directory = try TemporaryDirectory()
        let change = try directory.open().makeLiveChange(
            LiveChangeStoreTests.cancel, over: LiveChangeStoreTests.file, actor: "console:alice", now: .reference)
        let before = try directory.databaseBytes()
        let reading = try #require(try AppDatabase.openForReading(path: directory.databasePath))
        #expect(try reading.liveChanges(includingEnded: false) == [change])
        #expect(throws: StoreError.self) {
            try reading.issueFeedToken(for: .partner("harbour-foundation"), now: .reference)
        }
        #expect(try directory.databaseBytes() == before)
    }

    @Test("an older database, which open(path:) would migrate, is left to it and left unchanged")
    func leavesAnOlderDatabaseToOpen() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.databasePath)
        try AppDatabase.migrator.migrate(queue, upTo: "v1")
        let before = try directory.databaseBytes()
        #expect(try AppDatabase.openForReading(path: directory.databasePath) == nil)
        #expect(try directory.databaseBytes() == before)
    }

    @Test("a database with migrations this build does not know is left to open(path:) to refuse")
    func leavesANewerDatabaseToOpen() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.open()
        let queue = try DatabaseQueue(path: directory.databasePath)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect(try AppDatabase.openForReading(path: directory.databasePath) == nil)
    }
}
