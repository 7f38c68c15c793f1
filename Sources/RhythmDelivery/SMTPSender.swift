import Logging
import RhythmCore

/// Sends e-mail through an SMTP server with libcurl: `smtp://` with STARTTLS required, or
/// `smtps://`, authenticated with a password read from a ``SecretReference``.
public struct SMTPSender: EmailSender {
    /// Where and how to reach the server.
    public struct Configuration: Sendable {
        /// `smtp://host:587` (STARTTLS is required) or `smtps://host:465`.
        public var url: String
        public var username: String?
        public var password: SecretReference?
        /// A CA bundle to trust instead of the system's (tests, private servers); certificate
        /// verification is never turned off.
        public var caFile: String?
        public var timeouts: CurlRequest.Timeouts

        public init(
            url: String,
            username: String? = nil,
            password: SecretReference? = nil,
            caFile: String? = nil,
            timeouts: CurlRequest.Timeouts = .init()
        ) {
            self.url = url
            self.username = username
            self.password = password
            self.caFile = caFile
            self.timeouts = timeouts
        }
    }

    private let configuration: Configuration
    private let transport: CurlTransport
    private let secrets: SecretResolver
    private let logger: Logger

    public init(
        configuration: Configuration,
        transport: CurlTransport,
        secrets: SecretResolver = SecretResolver(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.transport = transport
        self.secrets = secrets
        self.logger = logger
    }

    public func send(_ message: EmailMessage) async -> DeliveryOutcome {
        let url = configuration.url
        let scheme = url.prefix(while: { $0 != ":" }).lowercased()
        guard url.contains("://"), scheme == "smtp" || scheme == "smtps" else {
            return .configurationError("the SMTP URL must start with smtp:// or smtps://, not \(scheme)://")
        }
        let bytes: [UInt8]
        var password: String?
        do throws(DeliveryError) {
            bytes = try message.build()
            if let reference = configuration.password {
                password = try secrets.resolve(reference)
            }
        } catch {
            return .configurationError(error.message)
        }
        let request = CurlRequest(
            url: url,
            payload: .smtp(
                from: "<\(message.from.address)>",
                recipients: message.to.map { "<\($0.address)>" },
                message: bytes
            ),
            username: configuration.username,
            password: password,
            requireTLS: true,
            caFile: configuration.caFile,
            timeouts: configuration.timeouts
        )
        let response = await transport.perform(request)
        let outcome = Self.outcome(of: response)
        logger.debug(
            "smtp delivery attempt finished",
            metadata: [
                "delivery.message_id": "\(message.messageID)",
                "delivery.outcome": "\(outcome)",
            ]
        )
        return outcome
    }

    /// Maps libcurl's result and the server's last reply to an outcome. Once DATA was
    /// accepted, a missing final reply (354 still the last code, or none, or a timeout) is
    /// `unknown`: the message may have arrived.
    static func outcome(of response: CurlResponse) -> DeliveryOutcome {
        let reply = response.finalReply
        let code = response.responseCode
        if response.succeeded {
            return .delivered(reply)
        }
        // 530/534/535/538: authentication refused or impossible; 67 LOGIN_DENIED.
        if [530, 534, 535, 538].contains(code) || response.result == 67 {
            return .configurationError("the SMTP server refused the credentials: \(reply)")
        }
        // 64 USE_SSL_FAILED: STARTTLS required but not offered.
        if response.result == 64 {
            return .configurationError("the SMTP server does not offer STARTTLS, which Rhythm requires: \(reply)")
        }
        if response.isConfigurationProblem {
            return .configurationError(reply.text)
        }
        if response.payloadStarted && (code == 354 || code == 0 || !(400..<600).contains(code)) {
            let detail = response.message.isEmpty ? "no final reply" : response.message
            return .unknown(DeliveryReply(code: code, text: "sent, but no final reply: \(detail)"))
        }
        switch code {
        case 400..<500: return .transientFailure(reply, retryAfter: nil)
        case 500..<600: return .permanentFailure(reply)
        default: return .transientFailure(reply, retryAfter: nil)
        }
    }
}
