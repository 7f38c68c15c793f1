import Crypto
import Foundation

/// The key a generic webhook is signed with. Standard Webhooks secrets are written
/// `whsec_<base64>`: the key is the decoded bytes after the prefix. A secret without the prefix
/// is accepted as raw bytes (its UTF-8 encoding), for receivers that hand out plain strings.
public struct WebhookSigningSecret: Sendable {
    let key: SymmetricKey

    /// Reads a secret as stored; nil when it has the `whsec_` prefix but is not valid base64, or is empty.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("whsec_") {
            guard let bytes = Data(base64Encoded: String(trimmed.dropFirst("whsec_".count))), !bytes.isEmpty else {
                return nil
            }
            key = SymmetricKey(data: bytes)
        } else {
            guard !trimmed.isEmpty else { return nil }
            key = SymmetricKey(data: Data(trimmed.utf8))
        }
    }
}

/// Never the key itself.
extension WebhookSigningSecret: Redacted {}
