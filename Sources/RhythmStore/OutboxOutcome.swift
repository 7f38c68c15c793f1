import Foundation

/// What became of one attempt to deliver an outbox entry, as the transport classified it.
///
/// Defined here rather than in the delivery module so that the store does not depend on
/// the transports; the transports map their results onto it.
public enum OutboxOutcome: Hashable, Sendable {
    /// The server accepted the message.
    case delivered
    /// A failure worth retrying (a 4xx SMTP reply, HTTP 429 or 5xx, a refused connection);
    /// `retryAfter` is the server's own wish (`Retry-After`), honoured when longer than the
    /// backoff.
    case transient(reply: String, retryAfter: TimeInterval? = nil)
    /// The server refused the message for good (a 5xx SMTP reply, HTTP 4xx).
    case permanent(reply: String)
    /// Rhythm is set up wrongly for this destination (bad credentials, a webhook that is
    /// gone): retrying will not help until an operator fixes it.
    case configuration(message: String)
    /// The message may or may not have arrived (the connection dropped after the body):
    /// retried, with the same message id so the receiver can drop a duplicate.
    case unknown(reply: String)
}
