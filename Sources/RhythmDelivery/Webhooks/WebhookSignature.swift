import Crypto
import Foundation
import RhythmCore

/// The Standard Webhooks signature headers of one message: `webhook-id`, `webhook-timestamp`
/// (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
public struct WebhookSignature: Hashable, Sendable {
    /// The message id; the same on every retry of a delivery.
    public let id: String
    /// Seconds since 1970 when this attempt was signed.
    public let timestamp: Int
    /// `v1,` followed by the base64 signature.
    public let signature: String

    /// Signs `body` as sent: the exact bytes, not a re-encoding.
    public init(id: String, timestamp: Int, body: Data, secret: WebhookSigningSecret) {
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: secret.key)
        self.id = id
        self.timestamp = timestamp
        self.signature = "v1," + Data(mac).base64EncodedString()
    }

    /// Signs `body` at `date`, truncated to whole seconds.
    public init(id: String, date: Date, body: Data, secret: WebhookSigningSecret) {
        self.init(id: id, timestamp: Int(date.timeIntervalSince1970.rounded(.down)), body: body, secret: secret)
    }

    /// The headers to send, in a fixed order.
    public var headers: [(name: String, value: String)] {
        [("webhook-id", id), ("webhook-timestamp", String(timestamp)), ("webhook-signature", signature)]
    }

    /// A message id derived from the delivery's key, such as `msg_3f2a...`: a retry of the same
    /// delivery carries the same id, so a receiver can drop the duplicate, and the key itself
    /// (which names people and meetings) is not revealed.
    public static func messageID(deliveryKey: String) -> String {
        let digest = SHA256.hash(data: Data(deliveryKey.utf8))
        return "msg_" + digest.prefix(16).lowercaseHex
    }
}
