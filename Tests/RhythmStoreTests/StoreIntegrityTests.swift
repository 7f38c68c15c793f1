import Foundation
import GRDB
import Testing

@testable import RhythmStore

/// A damaged file is found before it is used, a backup of it is never kept, and writes that
/// fail for lack of space are remembered until one succeeds.
@Suite struct StoreIntegrityTests {
    /// A database with a few hundred pages of data, closed, then 4 KiB of zeros written over
    /// the page in the middle of the file.
    static func damagedDatabase(in directory: TemporaryDirectory) throws {
        do {
            _ = try directory.open()
            let queue = try DatabaseQueue(path: directory.databasePath)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE filler (bytes BLOB)")
                for _ in 0..<300 { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(3000))") }
            }
            try queue.close()
        }
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: directory.databasePath))
        let pages = try file.seekToEnd() / 4096
        try file.seek(toOffset: pages / 2 * 4096)
        try file.write(contentsOf: Data(count: 4096))
        try file.close()
    }

    @Test("quick_check passes a sound database")
    func soundDatabase() throws {
        let directory = try TemporaryDirectory()
        let database = try directory.open()
        _ = try database.issueFeedToken(for: .partner("harbour-foundation"), now: .reference)
        try database.checkIntegrity()
    }

    @Test("a page of zeros in the middle of the file is found before the service uses it")
    func damagedDatabaseIsRefused() throws {
        let directory = try TemporaryDirectory()
        try Self.damagedDatabase(in: directory)
        let database = try directory.open()
        let error = try #require(throws: StoreError.self) { try database.checkIntegrity() }
        #expect(error.code == .damagedDatabase)
        #expect(error.description.contains("the database \(directory.databasePath) is damaged"), "\(error)")
        #expect(error.description.contains("restore the latest backup"))
    }

    @Test("a backup of a damaged database fails and leaves no file behind, under its name or another")
    func failedBackupLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        try Self.damagedDatabase(in: directory)
        let database = try directory.open()
        let backups = directory.url.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        let target = backups.appendingPathComponent("new.sqlite").path
        let error = try #require(throws: StoreError.self) { try database.backup(to: target) }
        #expect(error.description.contains("so it was not kept"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path) == [])
    }

    @Test("a good backup is the only file it leaves")
    func backupLeavesOnlyItsFile() throws {
        let directory = try TemporaryDirectory()
        let database = try directory.open()
        let issued = try database.issueFeedToken(for: .partner("harbour-foundation"), now: .reference)
        let backups = directory.url.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        try database.backup(to: backups.appendingPathComponent("good.sqlite").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path) == ["good.sqlite"])
        let copy = try AppDatabase.open(path: backups.appendingPathComponent("good.sqlite").path)
        #expect(try copy.feedTokens() == [issued.record])
    }

    @Test("a write refused because the database is full is remembered until a write succeeds")
    func fullDatabaseIsRemembered() throws {
        let directory = try TemporaryDirectory()
        let database = try directory.open()
        #expect(database.health.unresolvedFailure == nil)
        _ = try database.issueFeedToken(for: .partner("harbour-foundation"), now: .reference)
        let firstSuccess = try #require(database.health.lastSuccessfulWrite)
        // The file may not grow past the pages it has: SQLite answers SQLITE_FULL, as on a full disk.
        let pages = try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        var failure: StoreError?
        for index in 0..<200 where failure == nil {
            do throws(StoreError) {
                _ = try database.issueAPIToken(
                    name: String(repeating: "filler \(index) ", count: 300), scope: .read, partnerID: nil,
                    now: .reference)
            } catch {
                failure = error
            }
        }
        let error = try #require(failure)
        let recorded = try #require(database.health.unresolvedFailure)
        #expect(recorded.message == error.description)
        #expect(recorded.message.contains("full"), "\(recorded.message)")
        // A copy of the value shares the record: the API's and the dispatcher's writes count alike.
        let copy = database
        #expect(copy.health.unresolvedFailure == recorded)

        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1000000") }
        _ = try database.issueFeedToken(for: .partner("kinfolk-health"), now: .reference)
        #expect(database.health.unresolvedFailure == nil)
        #expect(try #require(database.health.lastSuccessfulWrite) >= firstSuccess)
    }

    @Test("a statement SQLite refuses is the caller's mistake and leaves the health alone")
    func refusedStatementIsNotAStorageFailure() throws {
        let directory = try TemporaryDirectory()
        let database = try directory.open()
        #expect(throws: StoreError.self) {
            try database.write { db in try db.execute(sql: "INSERT INTO no_such_table VALUES (1)") }
        }
        #expect(database.health.unresolvedFailure == nil)
    }
}
