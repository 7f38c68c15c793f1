import Crypto
import Foundation

/// The nonce every answer form carries: proof that the form came from this service, for this
/// link, recently.
///
/// A nonce is `<issued seconds>.<random>.<HMAC>`, signed with a key made when the process
/// starts and never stored, so no one can mint one, and a form from before a restart is
/// simply shown again with a fresh one. Single use is the store's part: the POST records the
/// nonce's hash (`AppDatabase.useAnswerForm`), and a second POST with it changes nothing.
public struct FormNonce: Sendable {
    /// How long a form may stay open before it must be loaded again.
    public static let lifetime: TimeInterval = 24 * 3600

    private let key: SymmetricKey

    /// A signer with a fresh random key: the per-process key.
    public init() {
        key = SymmetricKey(size: .bits256)
    }

    /// A nonce for a form of link `linkID`, issued at `now`.
    public func issue(linkID: Int64, now: Date) -> String {
        let issued = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        let random = Self.base64URL(Data((0..<16).map { _ in UInt8.random(in: .min ... .max) }))
        return "\(issued).\(random).\(signature(issued: issued, random: random, linkID: linkID))"
    }

    /// Whether `nonce` was issued by this process for link `linkID` no longer than
    /// ``lifetime`` before `now`.
    public func isValid(_ nonce: String, linkID: Int64, now: Date) -> Bool {
        let parts = nonce.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let seconds = Int64(parts[0]) else { return false }
        let expected = signature(issued: parts[0], random: parts[1], linkID: linkID)
        guard Self.constantTimeEqual(expected, parts[2]) else { return false }
        let age = now.timeIntervalSince1970 - TimeInterval(seconds)
        return age >= -60 && age <= Self.lifetime
    }

    /// What the store keeps of a used nonce.
    public static func hash(_ nonce: String) -> String {
        SHA256.hash(data: Data(nonce.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private func signature(issued: String, random: String, linkID: Int64) -> String {
        let message = Data("answer-form|\(linkID)|\(issued)|\(random)".utf8)
        return Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: message, using: key)))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
