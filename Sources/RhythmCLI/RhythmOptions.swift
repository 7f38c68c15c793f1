import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// The options every command that uses the database shares, so each takes the same ones:
/// `--config` (the configuration) and `--database` (the SQLite store).
struct RhythmOptions: ParsableArguments {
    @OptionGroup var configuration: ConfigurationOptions

    @OptionGroup var store: DatabaseOptions

    /// The configuration file this command reads.
    var configurationPath: String { configuration.path }

    /// Loads and validates the configuration, or exits with 78 (see `ConfigurationOptions`).
    func load() throws -> LoadedConfiguration {
        try configuration.load()
    }

    /// The database for a command that has loaded the configuration.
    func databaseLocation(for loaded: LoadedConfiguration) -> DatabaseLocation {
        DatabaseLocation.resolve(
            option: store.database, environment: ProcessInfo.processInfo.environment,
            configured: loaded.service.database.map { (database: $0, file: configurationPath) })
    }

    /// The database for a command that needs no configuration otherwise: the configuration is
    /// read only when neither `--database` nor `$RHYTHM_DATABASE` names one, and then only
    /// when a file was named or the default one exists.
    func databaseLocation() throws -> DatabaseLocation {
        let environment = ProcessInfo.processInfo.environment
        let named = store.database != nil || environment["RHYTHM_DATABASE"].map { !$0.isEmpty } == true
        if !named, configuration.isNamed || FileManager.default.fileExists(atPath: configurationPath) {
            return databaseLocation(for: try load())
        }
        return DatabaseLocation.resolve(option: store.database, environment: environment, configured: nil)
    }

    /// Opens the database at `location`, migrating it if it is older than this Rhythm; when it
    /// cannot be opened, says how to point at another and exits with 74.
    func open(_ location: DatabaseLocation) throws -> AppDatabase {
        do {
            return try AppDatabase.open(path: location.path)
        } catch {
            StandardError.print("error: \(error.description)")
            StandardError.print(location.advice)
            throw ExitCode(DatabaseOptions.failureStatus)
        }
    }

    /// Opens the database of a command that needs no configuration otherwise.
    func openDatabase() throws -> AppDatabase {
        try open(databaseLocation())
    }

    /// Opens the database of a command that has loaded the configuration.
    func openDatabase(for loaded: LoadedConfiguration) throws -> AppDatabase {
        try open(databaseLocation(for: loaded))
    }
}
