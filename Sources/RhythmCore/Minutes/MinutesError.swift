/// Why minutes cannot be saved or published: every problem, each tied by a JSON pointer to
/// the part of the minutes it is about (`/actions/0/owner_id`), so that the API names the
/// field, a page the input and the command line the option.
public struct MinutesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One thing wrong, in words for the person who wrote the minutes.
    public struct Problem: Hashable, Sendable {
        /// A JSON pointer into the minutes as the API writes them; empty for the whole.
        public var pointer: String
        /// What is wrong and how to put it right.
        public var message: String

        public init(_ pointer: String, _ message: String) {
            self.pointer = pointer
            self.message = message
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// A stable identifier for logs; the details are in `problems`.
    public var code: String { "invalid-minutes" }

    /// Every problem, one per line, each with its place when it has one.
    public var description: String {
        problems.map { $0.pointer.isEmpty ? $0.message : "\($0.pointer): \($0.message)" }.joined(separator: "\n")
    }
}
