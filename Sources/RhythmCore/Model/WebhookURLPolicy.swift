import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which addresses a chat webhook may have: `https://`, or `http://` to this machine only
/// (a loopback host: 127.0.0.0/8, `::1` or `localhost`), for a local relay or a test.
///
/// The transport speaks SMTP too, so without this an `smtp://` URL would be used for a chat
/// channel; and plain HTTP elsewhere would send the token in the URL's path in the clear.
/// The URL is a secret: a problem is described by its scheme and the kind of host only.
public enum WebhookURLPolicy {
    /// Verdicts already given, by URL: a channel's URL is checked before each of its posts,
    /// and parsing it costs more than the rest of composing a small post. Bounded, since a
    /// URL read from a rotated secret adds an entry.
    private static let verdicts = Mutex<[String: String?]>([:])

    /// Why `url` cannot be a webhook address, in words that never repeat it; nil when it can.
    public static func problem(with url: String) -> String? {
        if let known = verdicts.withLock({ $0[url] }) { return known }
        let verdict = judge(url)
        verdicts.withLock { verdicts in
            if verdicts.count >= 64 { verdicts.removeAll() }
            verdicts[url] = verdict
        }
        return verdict
    }

    private static func judge(_ url: String) -> String? {
        let allowed =
            "a webhook must be an https:// address (http:// only to this machine: 127.0.0.1, ::1 or localhost)"
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased()
        else {
            return "it is not a URL; \(allowed)"
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            return "it names no host; \(allowed)"
        }
        switch scheme {
        case "https":
            return nil
        case "http":
            return isLoopback(host) ? nil : "it uses http:// to a host other than this machine; \(allowed)"
        default:
            let named = scheme.count <= 10 && scheme.allSatisfy(\.isLetter) ? "\(scheme)://" : "another scheme"
            return "it uses \(named); \(allowed)"
        }
    }

    /// Whether `host` (as a URL writes it, IPv6 with or without brackets) is this machine.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name == "localhost." { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, name, &ipv6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
        return bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1
    }
}
