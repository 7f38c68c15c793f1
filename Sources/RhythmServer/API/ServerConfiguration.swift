/// Where the HTTP server listens and what it tells calendar clients about polling.
public struct ServerConfiguration: Sendable {
    /// The address to bind, e.g. "127.0.0.1" behind a reverse proxy or "0.0.0.0" to serve directly.
    public var host: String
    /// The TCP port; 0 lets the system choose one (tests).
    public var port: Int
    /// How long a client may reuse a feed before asking again (`Cache-Control: max-age`).
    ///
    /// Clients that honour it poll at most this often, and each poll after it is usually a cheap 304.
    public var feedMaxAge: Duration
    /// The `Server` header of every response.
    public var serverName: String

    /// Creates a configuration; the defaults suit a server behind a reverse proxy on the same host.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        feedMaxAge: Duration = .seconds(300),
        serverName: String = "Rhythm"
    ) {
        self.host = host
        self.port = port
        self.feedMaxAge = feedMaxAge
        self.serverName = serverName
    }
}
