/// What a server answered: its status code (0 when no reply came) and its text.
///
/// The text is the server's own final reply line, or libcurl's message when the server said
/// nothing; secrets are removed from it before it is stored here.
public struct DeliveryReply: Hashable, Sendable, CustomStringConvertible {
    /// The SMTP or HTTP status code, or 0 when no reply arrived.
    public var code: Int
    /// The reply text, safe to log and to show to an operator.
    public var text: String

    public init(code: Int, text: String) {
        self.code = code
        self.text = text
    }

    public var description: String {
        code == 0 ? text : "\(code) \(text)"
    }
}

/// The result of one delivery attempt, typed so that the outbox knows what to do next.
///
/// Every transfer ends in exactly one of these; a transport never throws, because the
/// difference between "retry", "give up" and "call an operator" is the whole point.
public enum DeliveryOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The destination accepted the message.
    case delivered(DeliveryReply)
    /// Try again later, no sooner than `retryAfter` when the destination said so.
    case transientFailure(DeliveryReply, retryAfter: Duration?)
    /// The destination refused this message for good: record it as a dead letter.
    case permanentFailure(DeliveryReply)
    /// The configuration is wrong (a bad URL, refused credentials, TLS required but not
    /// offered): alert an operator and do not retry until it is fixed.
    case configurationError(String)
    /// The message was sent but no final reply came, so it may have arrived: retry with the
    /// same message id so that the recipient can recognise a duplicate.
    case unknown(DeliveryReply)

    /// Whether the outbox should try this delivery again.
    public var isRetryable: Bool {
        switch self {
        case .transientFailure, .unknown: true
        case .delivered, .permanentFailure, .configurationError: false
        }
    }

    /// The reply behind the outcome, if there is one.
    public var reply: DeliveryReply? {
        switch self {
        case .delivered(let reply), .transientFailure(let reply, _), .permanentFailure(let reply),
            .unknown(let reply):
            reply
        case .configurationError:
            nil
        }
    }

    public var description: String {
        switch self {
        case .delivered(let reply): "delivered: \(reply)"
        case .transientFailure(let reply, let retryAfter):
            if let retryAfter {
                "transient failure (retry after \(retryAfter)): \(reply)"
            } else {
                "transient failure: \(reply)"
            }
        case .permanentFailure(let reply): "permanent failure: \(reply)"
        case .configurationError(let message): "configuration error: \(message)"
        case .unknown(let reply): "unknown (sent, no final reply): \(reply)"
        }
    }
}
