import Crypto
import Foundation
import RhythmCore

/// How feed tokens are made, recognised and hashed: capability URLs whose only protection is
/// that nobody can guess them.
enum FeedToken {
    /// 32 bytes written in base64url without padding.
    static let length = 43
    /// Length of the public ids people use to name tokens.
    static let publicIDLength = 10
    /// Lower-case letters and digits without the look-alikes 0, o, 1, i and l, so that a
    /// public id read aloud or copied by hand stays right.
    static let publicIDAlphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    /// 256 bits from the system's cryptographically secure generator, base64url-encoded.
    static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        return String(
            base64.compactMap { character -> Character? in
                switch character {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: character
                }
            })
    }

    /// A fresh public id; not secret, only unlikely to collide (31^10 values).
    static func generatePublicID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<publicIDLength).map { _ in publicIDAlphabet.randomElement(using: &generator)! })
    }

    /// Whether `text` could be a token at all; anything else is rejected without a lookup.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default:
                    false
                }
            }
    }

    /// The lower-case hex SHA-256 of the token's bytes: what the store keeps instead of it.
    /// A plain hash suffices because the token has 256 random bits: there is nothing to guess.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).lowercaseHex
    }
}
