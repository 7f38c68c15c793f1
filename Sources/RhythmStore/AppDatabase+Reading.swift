import Foundation
import GRDB

extension AppDatabase {
    /// Opens an existing database file to read it only: one connection, opened read-only,
    /// and one look at which migrations it has. Nil when its schema is not this build's (an
    /// older file that `open(path:)` would migrate, or a newer one it would refuse), so that
    /// the caller can fall back to `open(path:)`, which does either properly.
    ///
    /// For the commands that only show what the database holds (`upcoming`, `check`): they
    /// need neither the pool of readers nor the write connection and migration pass of
    /// `open(path:)`, and must not change the file. Every write through the value fails.
    public static func openForReading(path: String) throws(StoreError) -> AppDatabase? {
        var configuration = configuration
        configuration.readonly = true
        let migrator = Self.migrator
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let isCurrent = try queue.read { db in
                try migrator.appliedIdentifiers(db) == Set(migrator.migrations)
            }
            return isCurrent ? AppDatabase(writer: queue) : nil
        } catch {
            throw cannotOpen(path: path, error: error)
        }
    }
}
