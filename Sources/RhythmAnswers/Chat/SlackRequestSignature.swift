import Foundation
import RhythmDelivery

/// Slack's request signing: `X-Slack-Signature` is `v0=` and the hex HMAC-SHA256, made with
/// the app's signing secret, of `v0:<X-Slack-Request-Timestamp>:<the raw body>`. A request
/// whose timestamp is more than five minutes from now, either way, is refused before its
/// signature is looked at, so a captured request cannot be replayed later.
struct SlackRequestSignature: Sendable {
    /// How far the timestamp may be from now, in either direction.
    static let window: TimeInterval = 5 * 60

    let timestamp: String
    let signature: String

    /// Reads the two headers' values; nil when either is missing.
    init?(timestamp: String?, signature: String?) {
        guard let timestamp, let signature else { return nil }
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Whether the timestamp is fresh at `now` and the signature is one of `secrets`' over
    /// `body`, each compared in constant time.
    func isValid(body: [UInt8], secrets: [ChatSecret], now: Date) -> Bool {
        guard let seconds = Int64(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= Self.window,
            signature.hasPrefix("v0=")
        else { return false }
        let signed = Array("v0:\(timestamp):".utf8) + body
        let hex = String(signature.dropFirst(3))
        return secrets.contains { $0.isSignature(hex, of: signed) }
    }
}
