import Foundation
import Logging
import RhythmCore

/// Posts webhook requests through the curl transport and classifies the answer: 2xx delivered;
/// 429 and 5xx transient, honouring `Retry-After` (seconds or an HTTP-date); 410 permanent and
/// disabling the endpoint; redirects permanent and never followed; other 4xx permanent; a
/// body sent without a reply unknown (retry with the same `webhook-id`).
public struct WebhookSender: Sendable {
    let transport: CurlTransport
    let userAgent: String
    let timeouts: CurlRequest.Timeouts
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - transport: the shared curl transport, whose lifetime the caller owns.
    ///   - timeouts: per attempt; chat services answer quickly, so these are short.
    ///   - now: the clock for signature timestamps.
    public init(
        transport: CurlTransport,
        userAgent: String = "Rhythm-Webhooks/1",
        timeouts: CurlRequest.Timeouts = CurlRequest.Timeouts(
            connect: .seconds(10), total: .seconds(30), serverResponse: .seconds(30)),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.transport = transport
        self.userAgent = userAgent
        self.timeouts = timeouts
        self.now = now
        self.logger = logger
    }

    /// Sends one attempt. Never throws: every failure is an outcome. A URL that is not a
    /// webhook address (see `WebhookURLPolicy`) is a configuration error and is never contacted.
    public func send(_ request: WebhookRequest) async -> WebhookDelivery {
        if let problem = WebhookURLPolicy.problem(with: request.url) {
            return WebhookDelivery(outcome: .configurationError("the webhook URL cannot be used: \(problem)"))
        }
        var headers = ["Content-Type: application/json", "Accept: application/json", "User-Agent: \(userAgent)"]
        if let secret = request.signingSecret {
            let signature = WebhookSignature(
                id: request.messageID, date: now(), body: request.body, secret: secret)
            headers += signature.headers.map { "\($0.name): \($0.value)" }
        }
        let curlRequest = CurlRequest(
            url: request.url,
            payload: .http(method: "POST", headers: headers, body: Array(request.body)),
            timeouts: timeouts,
            secrets: Self.secretParts(of: request.url)
        )
        let response = await transport.perform(curlRequest)
        let delivery = Self.classify(response, now: now())
        logger.debug(
            "webhook attempt finished",
            metadata: [
                "webhook.id": "\(request.messageID)",
                "delivery.status": "\(response.responseCode)",
                "delivery.outcome": "\(delivery)",
            ])
        return delivery
    }

    /// The outcome of a finished transfer, by the rules above.
    public static func classify(_ response: CurlResponse, now: Date) -> WebhookDelivery {
        let reply = response.finalReply
        if response.isConfigurationProblem { return WebhookDelivery(outcome: response.httpOutcome) }
        switch response.responseCode {
        case 410:
            return WebhookDelivery(outcome: .permanentFailure(reply), disablesEndpoint: true)
        case 300..<400:
            let text = DeliveryReply(code: reply.code, text: "redirect not followed: \(reply.text)")
            return WebhookDelivery(outcome: .permanentFailure(text))
        case 429, 500..<600:
            return WebhookDelivery(outcome: .transientFailure(reply, retryAfter: retryAfter(response, now: now)))
        case 0 where response.payloadComplete && !response.isConfigurationProblem:
            return WebhookDelivery(outcome: .unknown(reply))
        default:
            return WebhookDelivery(outcome: response.httpOutcome)
        }
    }

    /// libcurl's parsed `Retry-After`, or the header read here when libcurl gave none (a date
    /// already past reads as no delay).
    static func retryAfter(_ response: CurlResponse, now: Date) -> Duration? {
        if let parsed = response.retryAfter { return parsed }
        for line in response.replyLines.reversed() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "retry-after" {
                return RetryAfter.parse(String(parts[1]), now: now)
            }
        }
        return nil
    }

    /// The URL, its path and its query: each may carry the token, so each is removed from
    /// every reply and message the transport returns.
    static func secretParts(of url: String) -> [String] {
        var parts = [url]
        if let components = URLComponents(string: url) {
            if components.percentEncodedPath.count > 1 { parts.append(components.percentEncodedPath) }
            if let query = components.percentEncodedQuery, !query.isEmpty { parts.append(query) }
        }
        return parts
    }
}
