/// Why an answer cannot be recorded: every problem, each tied to the part of the request it
/// is about, so that a command names the argument, the API the field and a page the input.
public struct AttendanceRequestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a request a problem is about.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        case series
        case date
        case person
        case note
        case delegate
    }

    /// One thing wrong, in words for the person who asked.
    public struct Problem: Error, Hashable, Sendable {
        public var field: Field
        /// What is wrong and how to put it right.
        public var message: String

        public init(_ field: Field, _ message: String) {
            self.field = field
            self.message = message
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// A stable identifier for logs; the details are in `problems`.
    public var code: String { "invalid-attendance" }

    /// Every problem's message, one per line.
    public var description: String { problems.map(\.message).joined(separator: "\n") }
}
