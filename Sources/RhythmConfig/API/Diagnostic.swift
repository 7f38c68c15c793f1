/// One finding about a configuration file, placed at the line and column it concerns so that
/// a coordinator can jump straight to it in an editor.
///
/// The description follows the `file:line:column: severity: message` convention of
/// compilers, which editors and CI logs already know how to link.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Whether the finding stops the file from loading.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used until this is fixed.
        case error
        /// The file loads, but this is probably not what was meant.
        case warning
    }

    public let severity: Severity
    /// The path of the file as the caller named it.
    public let file: String
    /// 1-based line; 0 when the finding concerns the whole file (it could not be read).
    public let line: Int
    /// 1-based column, counted in Unicode scalars as YAML does; 0 with `line` 0.
    public let column: Int
    /// Where in the document the finding is, such as `series[2].exceptions[0].move`;
    /// empty for the document as a whole.
    public let keyPath: String
    /// What was expected, what was found, and how to fix it. Never holds a secret.
    public let message: String

    /// Creates a finding; the loader makes these, tests and tools may compare them.
    public init(severity: Severity, file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `config/rhythm.yaml:123:11: error: series[2].rule: BYDAY: ...`.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        let subject = keyPath.isEmpty ? "" : "\(keyPath): "
        return "\(place): \(severity.rawValue): \(subject)\(message)"
    }
}
