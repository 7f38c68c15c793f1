import Crypto
import Foundation

/// A chat channel's HMAC-SHA256 key: the Slack app's signing secret, which Slack signs button
/// presses with, or a Mattermost channel's buttons secret, which Rhythm signs its buttons'
/// context with. The key is the secret's text (UTF-8) without surrounding white space.
public struct ChatSecret: Sendable {
    let key: SymmetricKey

    /// The secret as stored; nil when it is empty.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        key = SymmetricKey(data: Data(trimmed.utf8))
    }

    /// The lower-case hex HMAC-SHA256 of `bytes`.
    public func signature(of bytes: some DataProtocol) -> String {
        HMAC<SHA256>.authenticationCode(for: bytes, using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `hex` is the HMAC-SHA256 of `bytes`, compared in constant time.
    public func isSignature(_ hex: String, of bytes: some DataProtocol) -> Bool {
        guard let code = Self.bytes(hex: hex) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: bytes, using: key)
    }

    /// The bytes of an even-length hex string; nil for anything else.
    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Never the key itself.
extension ChatSecret: Redacted {}
