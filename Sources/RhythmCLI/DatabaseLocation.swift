import Foundation
import RhythmStore

/// Which database a command uses and what chose it, so that a database that cannot be opened
/// is reported together with the ways of pointing at another.
struct DatabaseLocation: Equatable {
    /// What chose the path, first match wins.
    enum Source: Equatable {
        case option
        case environment
        /// `service.database` in the configuration file at this path.
        case configuration(String)
        case stateDirectory
        case builtInDefault
    }

    let path: String
    let source: Source

    /// `--database`, then `$RHYTHM_DATABASE`, then `service.database` (already absolute),
    /// then `rhythm.sqlite` in `$STATE_DIRECTORY`, then `AppDatabase.defaultPath`.
    static func resolve(
        option: String?, environment: [String: String], configured: (database: String, file: String)?
    ) -> DatabaseLocation {
        if let option, !option.isEmpty { return DatabaseLocation(path: option, source: .option) }
        if let path = environment["RHYTHM_DATABASE"], !path.isEmpty {
            return DatabaseLocation(path: path, source: .environment)
        }
        if let configured {
            return DatabaseLocation(path: configured.database, source: .configuration(configured.file))
        }
        let path = AppDatabase.path(environment: environment)
        return DatabaseLocation(path: path, source: path == AppDatabase.defaultPath ? .builtInDefault : .stateDirectory)
    }

    /// Says where the path came from and how to choose another, for after an error.
    var advice: String {
        let origin =
            switch source {
            case .option: "given with --database"
            case .environment: "from $RHYTHM_DATABASE"
            case .configuration(let file): "from service.database in \(file)"
            case .stateDirectory: "rhythm.sqlite in $STATE_DIRECTORY"
            case .builtInDefault: "the default, as nothing named another"
            }
        return "The database \(path) is \(origin). Point at another with --database PATH, $RHYTHM_DATABASE, "
            + "or service.database in the configuration (see rhythm help)."
    }
}
