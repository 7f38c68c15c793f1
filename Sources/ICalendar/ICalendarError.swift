/// Everything that can go wrong while reading iCalendar text or one of its values.
///
/// A feed that fails to parse is usually someone else's file (a holiday calendar, a client's
/// export), so the error says where (`line`, counted from 1 in the original text, before
/// unfolding) and what was expected and found, so that a person can fix the file in one look.
public struct ICalendarError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A stable identifier for logs and tests; new codes can be added without breaking callers.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier as it appears in logs, for example `unmatched-end`.
        public var rawValue: String

        /// Creates a code; the library's own codes are the static members.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier, so that interpolating a code prints something readable.
        public var description: String { rawValue }

        /// An `END:` that closes nothing, or closes a different component than the open one.
        public static let unmatchedEnd = Code(rawValue: "unmatched-end")
        /// A `BEGIN:` whose component is never closed before the text ends.
        public static let unclosedComponent = Code(rawValue: "unclosed-component")
        /// A property that appears before any `BEGIN:` or after the last `END:`.
        public static let propertyOutsideComponent = Code(rawValue: "property-outside-component")
        /// A content line without the `:` that separates the name and parameters from the value.
        public static let missingColon = Code(rawValue: "missing-colon")
        /// A property or component name with characters other than letters, digits and `-`.
        public static let badName = Code(rawValue: "bad-name")
        /// A parameter without `=`, with an empty name, or with an unterminated quoted value.
        public static let badParameter = Code(rawValue: "bad-parameter")
        /// A value that does not have the form its type requires (a date of `2027-04-06`, say).
        public static let invalidValue = Code(rawValue: "invalid-value")
    }

    /// What kind of problem this is.
    public var code: Code
    /// The 1-based line in the original text, or nil for a value checked outside a file.
    public var line: Int?
    /// What was expected and what was found.
    public var message: String

    /// Creates an error; the reader and the typed accessors are the usual sources.
    public init(code: Code, line: Int?, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// The message, prefixed with the line when it is known.
    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
