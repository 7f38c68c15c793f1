/// Replaces secrets in text that came back from a server (its reply lines, libcurl's error
/// message), which may echo what was sent.
///
/// Searched as UTF-8 bytes: the usual text holds no secret and is returned as it was, without
/// the cost of the standard library's generic `replacing(_:with:)` for every line and secret.
struct SecretRedaction {
    /// What a secret is replaced with.
    static let replacement = "<redacted>"

    private let secrets: [[UInt8]]

    /// A redaction of every non-empty string in `secrets`.
    init(_ secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// `text` with every occurrence of each secret replaced, the secrets taken in order.
    func redact(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var changed = false
        for secret in secrets {
            guard let first = Self.firstMatch(of: secret, in: bytes, from: 0) else { continue }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var start = 0
            var match: Int? = first
            while let found = match {
                result.append(contentsOf: bytes[start..<found])
                result.append(contentsOf: Self.replacement.utf8)
                start = found + secret.count
                match = Self.firstMatch(of: secret, in: bytes, from: start)
            }
            result.append(contentsOf: bytes[start...])
            bytes = result
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private static func firstMatch(of secret: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let head = secret.first, bytes.count - start >= secret.count else { return nil }
        var index = start
        while index + secret.count <= bytes.count {
            if bytes[index] == head, bytes[index..<(index + secret.count)].elementsEqual(secret) { return index }
            index += 1
        }
        return nil
    }
}
