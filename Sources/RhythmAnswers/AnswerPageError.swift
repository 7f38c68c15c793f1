/// Why the answer pages cannot start: a template that does not parse or cannot be read.
///
/// The module's one public error type; its description names the file and what to do.
public struct AnswerPageError: Error, CustomStringConvertible, Sendable {
    /// A stable identifier for logs: `unreadable-template` or `malformed-template`.
    public let code: String
    /// The file, what is wrong with it and how to fix it.
    public let description: String

    init(code: String, description: String) {
        self.code = code
        self.description = description
    }
}
