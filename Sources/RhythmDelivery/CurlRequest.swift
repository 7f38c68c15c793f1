/// One transfer for ``CurlTransport``: where to, what to send, and how long to wait.
///
/// The webhook and SMTP senders build these; the transport knows nothing about either
/// protocol beyond the libcurl options each needs.
public struct CurlRequest: Sendable {
    /// What kind of transfer this is, with its payload.
    public enum Payload: Sendable {
        /// An HTTP request; `body` is sent when not empty (a POST unless `method` says otherwise).
        case http(method: String, headers: [String], body: [UInt8])
        /// An SMTP transaction: MAIL FROM, one RCPT TO per recipient, then DATA with `message`.
        case smtp(from: String, recipients: [String], message: [UInt8])
        /// An IMAP command: libcurl logs in, selects the mailbox the URL names (if any), then
        /// sends `command`, whose untagged replies become the body. With no command, libcurl
        /// fetches what the URL names (`;UID=`), and the message becomes the body.
        case imap(command: String?)
    }

    /// How long each stage of a transfer may take.
    public struct Timeouts: Hashable, Sendable {
        /// Connecting, including the TLS handshake.
        public var connect: Duration
        /// The whole transfer.
        public var total: Duration
        /// Waiting for any one server reply; also bounds the QUIT libcurl sends after an error,
        /// which `total` does not (libcurl 7.88.1).
        public var serverResponse: Duration

        public init(
            connect: Duration = .seconds(10),
            total: Duration = .seconds(60),
            serverResponse: Duration = .seconds(30)
        ) {
            self.connect = connect
            self.total = total
            self.serverResponse = serverResponse
        }
    }

    /// The URL; only `smtp`, `smtps`, `http`, `https`, `imap` and `imaps` are ever contacted,
    /// and only the scheme family of the payload.
    public var url: String
    public var payload: Payload
    public var username: String?
    /// The password for AUTH; never logged and removed from every reply text.
    public var password: String?
    /// For `smtp://`: refuse to go on unless the server offers STARTTLS.
    public var requireTLS: Bool
    /// A CA bundle to trust instead of the system's, for tests and private servers.
    public var caFile: String?
    public var timeouts: Timeouts
    /// Other strings to remove from every reply, error and log line, such as a webhook URL's
    /// path, which is its token.
    public var secrets: [String]
    /// The most of the response body kept; the rest is read and dropped, and
    /// ``CurlResponse/bodyTruncated`` says so.
    public var bodyLimit: Int

    public init(
        url: String,
        payload: Payload,
        username: String? = nil,
        password: String? = nil,
        requireTLS: Bool = true,
        caFile: String? = nil,
        timeouts: Timeouts = Timeouts(),
        secrets: [String] = [],
        bodyLimit: Int = 64 * 1024
    ) {
        self.url = url
        self.payload = payload
        self.username = username
        self.password = password
        self.requireTLS = requireTLS
        self.caFile = caFile
        self.timeouts = timeouts
        self.secrets = secrets
        self.bodyLimit = bodyLimit
    }

    /// Every string that must never leave the transport.
    var redactions: [String] {
        ([password].compactMap { $0 } + secrets).filter { !$0.isEmpty }
    }
}

/// Prints as `CurlRequest(redacted)`: its URL may be a webhook token, and it carries the password.
extension CurlRequest: Redacted {}
