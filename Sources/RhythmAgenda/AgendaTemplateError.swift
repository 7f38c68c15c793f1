/// A template that cannot be used, with where the problem is and what to do about it.
///
/// Its `description` is the message a coordinator reads after editing a template:
/// `templates/agenda.html.mustache:12:5: error: ... ` followed by the fix.
public struct AgendaTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for code that needs to tell the cases apart.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String

        /// A closing tag that does not match the section it closes, or closes none.
        public static let unmatchedClosingTag = Code(name: "unmatched-closing-tag")
        /// A section opened and never closed.
        public static let unclosedSection = Code(name: "unclosed-section")
        /// A tag that is not finished or not well formed.
        public static let malformedTag = Code(name: "malformed-tag")
        /// A partial naming a template that does not exist, or a template directory that
        /// does not exist.
        public static let missingTemplate = Code(name: "missing-template")
        /// A template file that exists but cannot be read.
        public static let unreadableTemplate = Code(name: "unreadable-template")

        public var description: String { name }
    }

    public var code: Code
    /// The template file (or directory) at fault.
    public var file: String
    /// 1-based line and column of the bad tag, when the problem has a place.
    public var line: Int?
    public var column: Int?
    /// The bad tag as written, such as `{{/items}}`.
    public var tag: String?
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var advice: String

    public init(
        code: Code,
        file: String,
        line: Int? = nil,
        column: Int? = nil,
        tag: String? = nil,
        message: String,
        advice: String
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.tag = tag
        self.message = message
        self.advice = advice
    }

    public var description: String {
        let place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(place): error: \(message) \(advice)"
    }
}
