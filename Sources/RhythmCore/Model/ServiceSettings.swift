import Foundation

/// How the Rhythm service is reached: where it listens and the address partners use.
///
/// Where it keeps its data is not configured here: systemd's `StateDirectory=` (or the
/// `--database` option) decides that, so every command finds the same database without
/// reading this file.
public struct ServiceSettings: Hashable, Sendable {
    /// The address the HTTP server binds to; loopback unless a proxy elsewhere needs more.
    public var listenHost: String
    public var listenPort: Int
    /// The address partners use to reach the service, through its TLS proxy; feed URLs
    /// start with it. Nil means the listening address itself.
    public var publicURL: URL?

    public init(listenHost: String = "127.0.0.1", listenPort: Int = 8080, publicURL: URL? = nil) {
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.publicURL = publicURL
    }

    /// The base every published link starts with, without a trailing slash.
    public var baseURL: String {
        if let publicURL {
            let text = publicURL.absoluteString
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        let host = listenHost.contains(":") ? "[\(listenHost)]" : listenHost
        return "http://\(host):\(listenPort)"
    }
}
