/// Why a configuration file could not be loaded: every error found in it, with any warnings,
/// in the order of their lines, so that one run of `rhythm check` shows everything to fix.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The errors and warnings, sorted by line and column.
    public let diagnostics: [Diagnostic]

    /// Wraps findings that include at least one error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// A stable identifier for logs and exit codes; the details are in `diagnostics`.
    public var code: String { "invalid-configuration" }

    /// One line per diagnostic, ready to print.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
