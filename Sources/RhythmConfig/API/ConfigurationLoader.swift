import Foundation
import RhythmCore

/// Turns the YAML configuration file into an `Initiative`, or into a list of every mistake
/// in it.
///
/// The command line's `check` and the daemon's start-up both go through here, so a file that
/// `rhythm check` accepts is exactly a file the daemon will run.
public struct ConfigurationLoader: Sendable {
    /// Reads the secret a reference points at, or nil when it cannot be read here.
    public typealias SecretLookup = @Sendable (SecretReference) -> String?

    private let secretLookup: SecretLookup?

    /// One value can load any number of files.
    ///
    /// - Parameter secretLookup: reads secrets while the file is checked, so that a webhook
    ///   URL with the wrong scheme is reported at the key that points to it. A secret it
    ///   cannot read is left for the service to report when it is needed; nil reads none.
    public init(secretLookup: SecretLookup? = nil) {
        self.secretLookup = secretLookup
    }

    /// Reads and validates the file at `path`.
    ///
    /// A file that is missing or unreadable is reported as a diagnostic like any other
    /// mistake, so callers handle one kind of failure.
    public func load(path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let data: Data
        do {
            // Read one byte past the bound, so that a huge file (or /dev/zero) is refused unread.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: ConfigurationSizeLimits.maximumFileBytes + 1) ?? Data()
        } catch {
            let problem = UnreadableFile.probe(path)
            throw ConfigurationError(diagnostics: [
                Diagnostic(severity: .error, file: path, line: 0, column: 0, keyPath: "", message: problem.message)
            ])
        }
        guard data.count <= ConfigurationSizeLimits.maximumFileBytes else {
            throw ConfigurationError(diagnostics: [
                Diagnostic(
                    severity: .error, file: path, line: 0, column: 0, keyPath: "",
                    message: ConfigurationSizeLimits.tooLargeMessage(bytes: nil))
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(diagnostics: [
                Diagnostic(
                    severity: .error, file: path, line: 0, column: 0, keyPath: "",
                    message: "the file is not UTF-8 text; save it as UTF-8"
                )
            ])
        }
        return try load(yaml: text, path: path)
    }

    /// Validates YAML text; `path` is only used in diagnostics.
    public func load(yaml: String, path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let log = DiagnosticLog(file: path)
        guard ConfigurationSizeLimits.checkText(yaml, log: log) else {
            throw ConfigurationError(diagnostics: log.sorted)
        }
        let document = YAMLDocument(text: yaml, log: log)
        var decoded: ConfigurationDecoder.Decoded?
        if let root = document.root, ConfigurationSizeLimits.checkValues(in: root, log: log) {
            decoded = ConfigurationDecoder(log: log, duplicateKeys: document.duplicateKeys, secretLookup: secretLookup)
                .decode(root)
        } else if !log.hasErrors {
            log.error("the file is empty; it needs at least an `initiative:` section", at: nil, path: ConfigPath())
        }
        let diagnostics = log.sorted
        guard let decoded, !log.hasErrors else {
            throw ConfigurationError(diagnostics: diagnostics)
        }
        return LoadedConfiguration(
            initiative: decoded.initiative, service: decoded.service, feeds: decoded.feeds, warnings: diagnostics)
    }
}
