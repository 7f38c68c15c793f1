/// Why a live change cannot be made: every problem, each tied to the part of the request it
/// is about, so that the API names the field and a console form the input.
public struct LiveChangeRequestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a request a problem is about; the raw value is the API's field name.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        case series = "series_id"
        case date = "occurrence_date"
        case start
        case location
        case onlineURL = "online_url"
        case reason
    }

    /// One thing wrong, in words for the person who asked.
    public struct Problem: Hashable, Sendable {
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
    public var code: String { "invalid-live-change" }

    /// Every problem's message, one per line.
    public var description: String { problems.map(\.message).joined(separator: "\n") }
}
