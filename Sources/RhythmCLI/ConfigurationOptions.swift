import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmDaemon

/// The `--config` option every command that reads the configuration shares.
struct ConfigurationOptions: ParsableArguments {
    /// Where the configuration lives when neither `--config` nor `RHYTHM_CONFIG` says.
    static let defaultPath = "/etc/rhythm/rhythm.yaml"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file.",
            discussion: "Defaults to $RHYTHM_CONFIG, then \(defaultPath).",
            valueName: "path"
        )
    )
    var config: String?

    /// The path to read: `--config`, then `RHYTHM_CONFIG`, then the default.
    var path: String {
        config ?? environmentPath ?? Self.defaultPath
    }

    /// Whether `--config` or `RHYTHM_CONFIG` names the file, rather than the default.
    var isNamed: Bool { config != nil || environmentPath != nil }

    private var environmentPath: String? {
        ProcessInfo.processInfo.environment["RHYTHM_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Loads and validates the configuration; on errors prints every one of them to standard
    /// error and exits with 78 (EX_CONFIG), the code sysexits.h gives a bad configuration.
    func load() throws -> LoadedConfiguration {
        do {
            return try ConfigurationLoader.readingSecrets().load(path: path)
        } catch {
            let count = error.diagnostics.filter { $0.severity == .error }.count
            for diagnostic in error.diagnostics {
                StandardError.print(diagnostic.description)
            }
            StandardError.print("\(path): \(count) \(count == 1 ? "error" : "errors"); nothing was changed.")
            throw ExitCode(78)
        }
    }
}

/// Writes lines to standard error, where diagnostics belong.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
