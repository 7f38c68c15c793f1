import Foundation
import GRDB

/// Rhythm's SQLite database: what happens every day (feed tokens, published series, and in
/// later versions actions, indicator values, the outbox), as opposed to the configuration,
/// which says what is meant to happen.
///
/// Owns the connection and the schema: opening a file migrates an older database in place
/// and refuses one written by a newer Rhythm, so that a downgrade can never damage data.
/// The file is opened in WAL mode, so that the daemon and the command line can use it at once.
public struct AppDatabase: Sendable {
    /// Where the daemon keeps its database unless told otherwise.
    public static let defaultPath = "/var/lib/rhythm/rhythm.sqlite"

    /// The database every Rhythm process agrees on: `$RHYTHM_DATABASE`, else `rhythm.sqlite`
    /// in systemd's `$STATE_DIRECTORY` (set by `StateDirectory=`), else `defaultPath`.
    public static func path(environment: [String: String]) -> String {
        if let path = environment["RHYTHM_DATABASE"], !path.isEmpty { return path }
        if let directory = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !directory.isEmpty {
            return URL(fileURLWithPath: String(directory)).appendingPathComponent("rhythm.sqlite").path
        }
        return defaultPath
    }

    /// How long a write waits for another process's write before giving up.
    static let busyTimeout: TimeInterval = 5

    let writer: any DatabaseWriter

    /// What this database's reads and writes found out about its storage; shared by every copy
    /// of this value, so the dispatcher's writes and the API's count alike.
    public let health: StoreHealth

    init(writer: any DatabaseWriter) {
        self.writer = writer
        self.health = StoreHealth()
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to
    /// date.
    ///
    /// The directory must exist: creating it, with the right owner and permissions, is the
    /// job of the package or the administrator, not of a process that may run as root.
    public static func open(path: String) throws(StoreError) -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw StoreError(
                code: .missingDirectory,
                description: "cannot open the database \(path): the directory \(directory) does not exist; "
                    + "create it, owned by the user Rhythm runs as (for example `install -d -m 0750 \(directory)`), "
                    + "or choose another path"
            )
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw cannotOpen(path: path, error: error)
        }
        return try AppDatabase(writer: pool).migrated(name: path)
    }

    /// A private database in memory, for tests of code that uses the store but does not care
    /// about files; it has the same schema as a file.
    public static func inMemory() throws(StoreError) -> AppDatabase {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration)
        } catch {
            throw cannotOpen(path: ":memory:", error: error)
        }
        return try AppDatabase(writer: queue).migrated(name: "the in-memory database")
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "rhythm.store"
        // In WAL mode NORMAL still survives a crash of any process; only a power cut can lose
        // the last commits. FULL would wait for the disk at every commit, and the dispatcher
        // commits twice per message (its answer links, then its outcome).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    /// Refuses a database that has migrations this build does not know, then applies the
    /// ones it lacks.
    private func migrated(name: String) throws(StoreError) -> AppDatabase {
        let migrator = Self.migrator
        let unknown: [String]
        do {
            // The first read is where SQLite finds out whether the file is a database at all.
            unknown = try writer.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
        } catch {
            throw Self.cannotOpen(path: name, error: error)
        }
        guard unknown.isEmpty else {
            throw StoreError(
                code: .newerDatabase,
                description: "\(name) was written by a newer version of Rhythm (it has migrations "
                    + "\(unknown.joined(separator: ", ")) this version does not know); "
                    + "upgrade Rhythm or restore a backup"
            )
        }
        do {
            try migrator.migrate(writer)
        } catch {
            throw Self.failure(error, doing: "upgrade the schema of \(name)")
        }
        return self
    }

    /// Reads in a snapshot, translating failures into `StoreError`; a damaged file is recorded
    /// in ``health``.
    func read<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(work)
        } catch {
            throw recorded(Self.failure(error, doing: "read the database"), cause: error)
        }
    }

    /// Writes in one transaction: everything in `work` happens, or nothing does. The outcome
    /// is recorded in ``health``.
    func write<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        let result: T
        do {
            result = try writer.write(work)
        } catch let error as StoreError {
            throw error
        } catch {
            throw recorded(Self.failure(error, doing: "write to the database"), cause: error)
        }
        health.recordSuccessfulWrite()
        return result
    }

    /// Records `error` in ``health`` when SQLite's `cause` says the storage failed, and
    /// returns it.
    private func recorded(_ error: StoreError, cause: any Error) -> StoreError {
        if let cause = cause as? DatabaseError, Self.storageFailures.contains(cause.resultCode) {
            health.recordFailure(error.description)
        }
        return error
    }

    /// The result codes that say the file or the disk failed, rather than the statement.
    private static let storageFailures: [ResultCode] = [
        .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_READONLY, .SQLITE_CANTOPEN,
        .SQLITE_PERM,
    ]

    static func cannotOpen(path: String, error: any Error) -> StoreError {
        let reason: String
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            reason = "the file is not an SQLite database; check the path"
        } else if let error = error as? DatabaseError, error.resultCode == .SQLITE_CANTOPEN {
            reason =
                "SQLite cannot open or create it; check that the user Rhythm runs as may write the file "
                + "and its directory"
        } else {
            reason = sqliteMessage(error)
        }
        return StoreError(code: .cannotOpen, description: "cannot open the database \(path): \(reason)")
    }

    /// SQLite's own message without the statement or its arguments, which may hold secrets.
    private static func failure(_ error: any Error, doing action: String) -> StoreError {
        StoreError(code: .databaseFailure, description: "could not \(action): \(sqliteMessage(error))")
    }

    static func sqliteMessage(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(type(of: error))" }
        return "\(error.message ?? "SQLite error") (SQLite code \(error.extendedResultCode.rawValue))"
    }
}
