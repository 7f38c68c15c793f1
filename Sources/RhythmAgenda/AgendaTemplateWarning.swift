/// Something in a template that parses but is probably a mistake: a name Rhythm does not give
/// templates, which renders as nothing. `rhythm check` prints these.
public struct AgendaTemplateWarning: Hashable, Sendable, CustomStringConvertible {
    /// The template file.
    public let file: String
    /// 1-based line and column of the tag.
    public let line: Int
    public let column: Int
    /// The tag as written, such as `{{series.titel}}`.
    public let tag: String
    /// What is wrong and what was probably meant.
    public let message: String

    public init(file: String, line: Int, column: Int, tag: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.tag = tag
        self.message = message
    }

    /// `templates/agenda.html.mustache:12:5: warning: ...`, as compilers and `rhythm check` write.
    public var description: String { "\(file):\(line):\(column): warning: \(message)" }
}
