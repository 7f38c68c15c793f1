import ArgumentParser
import Foundation
import RhythmStore

/// The `--database` option every command that reads or writes the store shares.
struct DatabaseOptions: ParsableArguments {
    /// Exit status for a database that cannot be opened or used: EX_IOERR from sysexits.h.
    static let failureStatus: Int32 = 74

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database.",
            discussion:
                "Defaults to $RHYTHM_DATABASE, then rhythm.sqlite in $STATE_DIRECTORY, then \(AppDatabase.defaultPath).",
            valueName: "path"
        )
    )
    var database: String?

    /// The path to open: `--database`, then the environment (see `AppDatabase.path(environment:)`).
    var path: String {
        database ?? AppDatabase.path(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database, migrating it if it is older than this Rhythm.
    func open() throws -> AppDatabase {
        try Self.checked { () throws(StoreError) in try AppDatabase.open(path: path) }
    }

    /// Runs `work`; a store failure is printed to standard error and ends the command with
    /// `failureStatus`.
    static func checked<T>(_ work: () throws(StoreError) -> T) throws -> T {
        do {
            return try work()
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode(failureStatus)
        }
    }
}
