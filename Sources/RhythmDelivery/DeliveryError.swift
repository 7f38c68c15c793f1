/// The error thrown while preparing a delivery: composing a message, checking an address,
/// reading a secret or writing to a Maildir.
///
/// Sending itself never throws; it ends in a ``DeliveryOutcome``. The message names the
/// field or the place at fault, never a secret's value.
public struct DeliveryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for metadata and for tests.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case headerInjection = "header-injection"
            case invalidAddress = "invalid-address"
            case invalidHeader = "invalid-header"
            case invalidMessage = "invalid-message"
            case secretUnavailable = "secret-unavailable"
            case unusableWebhookURL = "unusable-webhook-url"
            case maildir
        }

        fileprivate let base: Base

        /// A header value held a line break (byte 10 or 13) that would start a new header.
        public static let headerInjection = Code(base: .headerInjection)
        /// An e-mail address is not one Rhythm can send to.
        public static let invalidAddress = Code(base: .invalidAddress)
        /// A header value holds a control character or is otherwise unusable.
        public static let invalidHeader = Code(base: .invalidHeader)
        /// The message as a whole cannot be built (no recipient, an empty delivery key).
        public static let invalidMessage = Code(base: .invalidMessage)
        /// A password or webhook secret could not be read.
        public static let secretUnavailable = Code(base: .secretUnavailable)
        /// A webhook URL that is not `https://` (or `http://` to this machine).
        public static let unusableWebhookURL = Code(base: .unusableWebhookURL)
        /// The Maildir could not be created or written.
        public static let maildir = Code(base: .maildir)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// A sentence for a person, naming the field or place at fault.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
