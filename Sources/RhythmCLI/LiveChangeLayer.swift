import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmStore

/// Lays the database's live changes over the configuration for the commands that show or act
/// on the schedule, so that they see what `rhythm serve` serves.
enum LiveChangeLayer {
    /// The live changes of `store` over `file`; a store failure exits with 74.
    static func layered(_ file: LoadedConfiguration, store: AppDatabase) throws -> LayeredConfiguration {
        try DatabaseOptions.checked { () throws(StoreError) in try LayeredConfiguration(file: file, store: store) }
    }

    /// For commands that read the database only to show live changes (`check`, `upcoming`):
    /// the file alone when the database does not exist yet, which they must not create, and
    /// otherwise one read-only look at it; only a file whose schema is not this build's is
    /// opened as `rhythm serve` opens it, to be migrated or refused.
    static func layeredIfStored(_ file: LoadedConfiguration, configurationPath: String, database: DatabaseOptions)
        throws -> LayeredConfiguration
    {
        let location = DatabaseLocation.resolve(
            option: database.database, environment: ProcessInfo.processInfo.environment,
            configured: file.service.database.map { (database: $0, file: configurationPath) })
        guard FileManager.default.fileExists(atPath: location.path) else {
            return LayeredConfiguration(unlayered: file)
        }
        if let store = try? AppDatabase.openForReading(path: location.path) {
            return try layered(file, store: store)
        }
        let store: AppDatabase
        do {
            store = try AppDatabase.open(path: location.path)
        } catch {
            StandardError.print("error: \(error.description)")
            StandardError.print(location.advice)
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        return try layered(file, store: store)
    }
}
