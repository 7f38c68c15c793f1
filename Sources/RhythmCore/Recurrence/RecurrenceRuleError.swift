/// Everything wrong with an RRULE text, so that a person can fix it in one pass.
///
/// A configuration loader turns each problem's `offset` into file:line:column; the messages
/// are written for the person editing that file, not for a programmer.
public struct RecurrenceRuleError: Error, CustomStringConvertible, Sendable, Hashable {
    /// One thing wrong with the rule, located in the text that was parsed.
    public struct Problem: Hashable, Sendable {
        /// The rule part at fault (`"BYDAY"`), or nil when the problem is not in one part.
        public var part: String?
        /// The character offset in the parsed text where the offending part starts.
        public var offset: Int
        /// What was expected, what was found and how to fix it.
        public var message: String

        /// Creates a problem; the parser is the usual source, tests and loaders may build their own.
        public init(part: String?, offset: Int, message: String) {
            self.part = part
            self.offset = offset
            self.message = message
        }
    }

    /// Every problem found, in the order they appear in the text.
    public var problems: [Problem]

    /// Creates an error from the problems found; callers only throw it when there is at least one.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// A stable identifier for logs and exit codes; the details are in `problems`.
    public var code: String { "invalid-recurrence-rule" }

    /// One line per problem, each with the character offset it refers to.
    public var description: String {
        let lines = problems.map { "  at character \($0.offset + 1): \($0.message)" }
        return (["The recurrence rule is not valid:"] + lines).joined(separator: "\n")
    }
}
