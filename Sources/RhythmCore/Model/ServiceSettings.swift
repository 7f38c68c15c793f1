import Foundation

/// How the Rhythm service runs: where it keeps its data and where it listens.
public struct ServiceSettings: Hashable, Sendable {
    /// The directory that holds the database; nil leaves the choice to the environment
    /// (systemd's `$STATE_DIRECTORY`, then `/var/lib/rhythm`).
    public var stateDirectory: String?
    /// The address the HTTP server binds to; loopback unless a proxy elsewhere needs more.
    public var listenHost: String
    public var listenPort: Int
    /// The address partners use to reach the service, through its TLS proxy; feed URLs
    /// start with it. Nil means the listening address itself.
    public var publicURL: URL?

    public init(
        stateDirectory: String? = nil, listenHost: String = "127.0.0.1", listenPort: Int = 8080, publicURL: URL? = nil
    ) {
        self.stateDirectory = stateDirectory
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
