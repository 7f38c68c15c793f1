import Foundation
import GRDB
import Testing

@testable import RhythmStore

/// Opening, migrating and refusing database files.
@Suite struct AppDatabaseTests {
    @Test("a new file is created in WAL mode with every migration and both tables")
    func migratesEmptyFile() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.open()
        let queue = try DatabaseQueue(path: directory.databasePath)
        let (journalMode, migrations, tables) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try AppDatabase.migrator.appliedMigrations(db),
                try ["feed_token", "series_publication"].filter { try db.tableExists($0) }
            )
        }
        #expect(journalMode == "wal")
        #expect(migrations == AppDatabase.migrator.migrations)
        #expect(migrations.first == "v1")
        #expect(tables == ["feed_token", "series_publication"])
    }

    @Test("an empty file that exists is migrated like a new one")
    func migratesZeroByteFile() throws {
        let directory = try TemporaryDirectory()
        try Data().write(to: URL(fileURLWithPath: directory.databasePath))
        let database = try directory.open()
        #expect(try database.feedTokens().isEmpty)
    }

    @Test("reopening a file keeps what was written")
    func reopenKeepsData() throws {
        let directory = try TemporaryDirectory()
        let issued = try directory.open().issueFeedToken(for: .partner("harbour-foundation"), now: .reference)
        _ = try directory.open().recordPublications(["leadership-table": "a"], now: .reference)
        let reopened = try directory.open()
        #expect(try reopened.feedTokens() == [issued.record])
        #expect(try reopened.publicationStates()["leadership-table"]?.fingerprint == "a")
        #expect(try reopened.feedSubject(forToken: issued.token, now: .reference) == .partner("harbour-foundation"))
    }

    @Test("a database with migrations this version does not know is refused and left alone")
    func refusesNewerDatabase() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.open()
        let queue = try DatabaseQueue(path: directory.databasePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-agenda'), ('v2-outbox')")
        }
        let error = try #require(throws: StoreError.self) { try directory.open() }
        #expect(error.code == .newerDatabase)
        #expect(
            error.description
                == "\(directory.databasePath) was written by a newer version of Rhythm (it has migrations "
                + "v2-outbox, v3-agenda this version does not know); upgrade Rhythm or restore a backup")
        let identifiers = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(identifiers.sorted() == (AppDatabase.migrator.migrations + ["v2-outbox", "v3-agenda"]).sorted())
    }

    @Test("a missing directory is named, with how to create it, and nothing is created")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("state/rhythm.sqlite").path
        let error = try #require(throws: StoreError.self) { try AppDatabase.open(path: path) }
        #expect(error.code == .missingDirectory)
        #expect(error.description.contains("the directory \(directory.url.path)/state does not exist"))
        #expect(error.description.contains("install -d"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("state").path))
    }

    @Test("a file that is not a database is refused with a clear reason")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        try Data(String(repeating: "initiative: not sqlite\n", count: 100).utf8)
            .write(to: URL(fileURLWithPath: directory.databasePath))
        let error = try #require(throws: StoreError.self) { try directory.open() }
        #expect(error.code == .cannotOpen)
        #expect(
            error.description
                == "cannot open the database \(directory.databasePath): the file is not an SQLite database; check the path"
        )
    }

    @Test("the in-memory database has the same schema and behaviour")
    func inMemory() throws {
        let database = try AppDatabase.inMemory()
        let issued = try database.issueFeedToken(for: .group("backbone"), now: .reference)
        #expect(try database.feedSubject(forToken: issued.token, now: .reference) == .group("backbone"))
    }
}
