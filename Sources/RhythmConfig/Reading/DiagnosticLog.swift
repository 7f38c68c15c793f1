/// Collects the findings of one load, so that decoding can carry on past a mistake and
/// report every one of them at the end.
final class DiagnosticLog {
    let file: String
    private var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every finding, by line then column; findings without a place come first.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            (lhs.element.line, lhs.element.column, lhs.offset) < (rhs.element.line, rhs.element.column, rhs.offset)
        }.map(\.element)
    }

    func error(_ message: String, at mark: Position?, path: ConfigPath, columnOffset: Int = 0) {
        add(.error, message, at: mark, path: path, columnOffset: columnOffset)
    }

    func warning(_ message: String, at mark: Position?, path: ConfigPath, columnOffset: Int = 0) {
        add(.warning, message, at: mark, path: path, columnOffset: columnOffset)
    }

    private func add(
        _ severity: Diagnostic.Severity, _ message: String, at mark: Position?, path: ConfigPath, columnOffset: Int
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity,
                file: file,
                line: mark?.line ?? 0,
                column: mark.map { $0.column + columnOffset } ?? 0,
                keyPath: path.description,
                message: message
            )
        )
    }
}
