/// What came back from one transfer: libcurl's result, the server's last status and reply
/// lines, and whether the payload left.
///
/// Secrets named in the ``CurlRequest`` have already been removed from every text here.
public struct CurlResponse: Sendable {
    /// libcurl's `CURLcode` (0 is success).
    public var result: Int
    /// libcurl's explanation of `result`, empty on success.
    public var message: String
    /// `CURLINFO_RESPONSE_CODE`: the last SMTP or HTTP status received, 0 if none (IMAP has
    /// no numeric status).
    public var responseCode: Int
    /// Every reply line the server sent (SMTP replies, HTTP status line and headers, IMAP
    /// responses), without line endings.
    public var replyLines: [String]
    /// The response body (an HTTP body, an IMAP command's untagged replies or a fetched
    /// message), cut at the request's ``CurlRequest/bodyLimit``.
    public var body: [UInt8]
    /// Whether the body was longer than the limit and was cut.
    public var bodyTruncated: Bool
    /// The server's `Retry-After`, when it sent one.
    public var retryAfter: Duration?
    /// Whether libcurl began reading the payload; for SMTP this means DATA was accepted, so
    /// from here on a missing reply leaves the delivery unknown.
    public var payloadStarted: Bool
    /// Whether libcurl read the whole payload.
    public var payloadComplete: Bool

    public init(
        result: Int,
        message: String,
        responseCode: Int,
        replyLines: [String] = [],
        body: [UInt8] = [],
        bodyTruncated: Bool = false,
        retryAfter: Duration? = nil,
        payloadStarted: Bool = false,
        payloadComplete: Bool = false
    ) {
        self.result = result
        self.message = message
        self.responseCode = responseCode
        self.replyLines = replyLines
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.retryAfter = retryAfter
        self.payloadStarted = payloadStarted
        self.payloadComplete = payloadComplete
    }

    /// Whether libcurl finished without error.
    public var succeeded: Bool { result == 0 }

    /// The server's final reply line (for SMTP, such as `550 5.1.1 no such user`), or
    /// libcurl's message when the server said nothing useful.
    public var finalReply: DeliveryReply {
        let code = String(responseCode)
        if responseCode != 0,
            let line = replyLines.last(where: { $0.hasPrefix(code) || $0.hasPrefix("HTTP/") })
        {
            let text: Substring
            if line.hasPrefix("HTTP/") {
                // "HTTP/1.1 404 Not Found": the reason phrase.
                text = line.split(separator: " ", maxSplits: 2).dropFirst(2).first ?? ""
            } else {
                text = line.dropFirst(code.count).drop(while: { $0 == " " || $0 == "-" })
            }
            return DeliveryReply(code: responseCode, text: text.isEmpty ? message : String(text))
        }
        return DeliveryReply(code: responseCode, text: message.isEmpty ? "no reply" : message)
    }

    /// Whether libcurl's result points at the configuration rather than the network: a bad
    /// or forbidden URL, refused credentials, TLS required but unavailable, an untrusted
    /// certificate.
    public var isConfigurationProblem: Bool {
        CurlResponse.configurationResults.contains(result)
    }

    /// CURLE_UNSUPPORTED_PROTOCOL, URL_MALFORMAT, NOT_BUILT_IN, LOGIN_DENIED, USE_SSL_FAILED,
    /// PEER_FAILED_VERIFICATION, SSL_CACERT_BADFILE, SSL_CERTPROBLEM, BAD_FUNCTION_ARGUMENT,
    /// UNKNOWN_OPTION.
    static let configurationResults: Set<Int> = [1, 3, 4, 67, 64, 60, 77, 58, 43, 48]

    /// The outcome of an HTTP transfer by the usual rules: 2xx delivered; 429 and 5xx
    /// transient, honouring `Retry-After`; redirects (never followed) and other 4xx
    /// permanent; network failures transient; configuration problems reported as such.
    /// Webhook senders refine this (410 disables an endpoint).
    public var httpOutcome: DeliveryOutcome {
        if isConfigurationProblem { return .configurationError(finalReply.text) }
        let reply = finalReply
        switch responseCode {
        case 200..<300 where succeeded: return .delivered(reply)
        case 429, 500..<600: return .transientFailure(reply, retryAfter: retryAfter)
        case 300..<500: return .permanentFailure(reply)
        default: return .transientFailure(reply, retryAfter: nil)
        }
    }
}
