import Foundation

/// How the Rhythm service is reached: where it listens and the address partners use, and
/// where it keeps its data when the configuration says.
public struct ServiceSettings: Hashable, Sendable {
    /// The address the HTTP server binds to; loopback unless a proxy elsewhere needs more.
    public var listenHost: String
    public var listenPort: Int
    /// The address partners use to reach the service, through its TLS proxy; feed URLs
    /// start with it. Nil means the listening address itself.
    public var publicURL: URL?
    /// The SQLite database (`service.database`), absolute; nil leaves it to the environment
    /// (`$STATE_DIRECTORY`) or the default. `--database` and `$RHYTHM_DATABASE` come first.
    public var database: String?

    public init(
        listenHost: String = "127.0.0.1", listenPort: Int = 8080, publicURL: URL? = nil, database: String? = nil
    ) {
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.publicURL = publicURL
        self.database = database
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
