/// Why a received message could not be read at all.
///
/// Reading is lenient on purpose: a malformed header or a broken encoding yields the best
/// reading possible rather than an error, because a reply from a sloppy client is still worth
/// having. Only the bounds that protect the daemon (size, nesting) refuse a message.
public struct MailError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A stable identifier for logs and tests; new codes can be added without breaking callers.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier as it appears in logs, for example `message-too-large`.
        public var rawValue: String

        /// Creates a code; the library's own codes are the static members.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier, so that interpolating a code prints something readable.
        public var description: String { rawValue }

        /// The message has more bytes than `MailReadingLimits.maximumSize`.
        public static let messageTooLarge = Code(rawValue: "message-too-large")
        /// Multiparts and embedded messages nest deeper than `MailReadingLimits.maximumDepth`.
        public static let nestingTooDeep = Code(rawValue: "nesting-too-deep")
    }

    /// What kind of problem this is.
    public var code: Code
    /// What was expected, what was found and what to do about it.
    public var message: String

    /// Creates an error; the message reader is the usual source.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, prefixed with the code.
    public var description: String { "\(code): \(message)" }
}
