import ArgumentParser
import Foundation
import RhythmStore

/// The `--database` option, part of the options every command that uses the store shares
/// (see `RhythmOptions`).
struct DatabaseOptions: ParsableArguments {
    /// Exit status for a database that cannot be opened or used: EX_IOERR from sysexits.h.
    static let failureStatus: Int32 = 74

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database.",
            discussion:
                "Defaults to $RHYTHM_DATABASE, then service.database in the configuration, then rhythm.sqlite in "
                + "$STATE_DIRECTORY, then \(AppDatabase.defaultPath).",
            valueName: "path"
        )
    )
    var database: String?

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
