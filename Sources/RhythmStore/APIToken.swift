/// API bearer secrets: a feed token with a prefix, so that secret scanners and people
/// recognise a leaked one, hashed the same way.
enum APIToken {
    /// What every API secret starts with.
    static let prefix = "rhy_"

    /// A fresh secret: the prefix and 256 random bits.
    static func generate() -> String {
        prefix + FeedToken.generate()
    }

    /// Whether `text` could be an API secret at all; anything else is rejected without a lookup.
    static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && FeedToken.isWellFormed(String(text.dropFirst(prefix.count)))
    }

    /// What the store keeps instead of the secret.
    static func hash(_ token: String) -> String {
        FeedToken.hash(token)
    }
}
