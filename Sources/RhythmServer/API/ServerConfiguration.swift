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
    /// How long a connection may go without a complete request head, after it opened or
    /// after its last response, before it is closed.
    public var idleTimeout: Duration
    /// The most connections open at once; see ``defaultMaximumConnections``.
    public var maximumConnections: Int

    /// Creates a configuration; the defaults suit a server behind a reverse proxy on the same host.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        feedMaxAge: Duration = .seconds(300),
        serverName: String = "Rhythm",
        idleTimeout: Duration = .seconds(10),
        maximumConnections: Int = Self.defaultMaximumConnections
    ) {
        self.host = host
        self.port = port
        self.feedMaxAge = feedMaxAge
        self.serverName = serverName
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }

    /// File descriptors kept back from connections, for the database (a writer and its
    /// readers, each with its WAL and shared memory), mail and webhook transfers, the event
    /// loops and the journal.
    public static let reservedDescriptors = 128

    /// The process's limit on open files (`LimitNOFILE=`, `ulimit -n`) less
    /// ``reservedDescriptors``: 8,064 under the shipped unit, 896 under systemd's default 1,024.
    public static var defaultMaximumConnections: Int {
        max(16, DescriptorLimit.current - reservedDescriptors)
    }
}
