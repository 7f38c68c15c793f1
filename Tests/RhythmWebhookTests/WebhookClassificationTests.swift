import Foundation
import RhythmDelivery
import Testing

@Suite struct WebhookClassificationTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func response(_ code: Int, lines: [String] = [], complete: Bool = true) -> CurlResponse {
        CurlResponse(
            result: code == 0 ? 28 : 0, message: code == 0 ? "Operation timed out" : "", responseCode: code,
            replyLines: ["HTTP/1.1 \(code) Reason"] + lines, payloadStarted: complete, payloadComplete: complete)
    }

    @Test("410 is permanent and disables the endpoint; 3xx is a redirect not followed; 400 permanent")
    func permanent() {
        let gone = WebhookSender.classify(Self.response(410), now: Self.now)
        #expect(gone.disablesEndpoint)
        #expect(gone.outcome == .permanentFailure(DeliveryReply(code: 410, text: "Reason")))
        let redirect = WebhookSender.classify(Self.response(302), now: Self.now)
        #expect(!redirect.disablesEndpoint)
        #expect(redirect.outcome.reply?.text.contains("redirect not followed") == true)
        #expect(!redirect.outcome.isRetryable)
        #expect(WebhookSender.classify(Self.response(400), now: Self.now).outcome.isRetryable == false)
    }

    @Test("429 and 5xx are transient and read Retry-After, seconds or an HTTP-date")
    func transient() {
        let busy = WebhookSender.classify(Self.response(429, lines: ["Retry-After: 7"]), now: Self.now)
        #expect(busy.outcome == .transientFailure(DeliveryReply(code: 429, text: "Reason"), retryAfter: .seconds(7)))
        let down = WebhookSender.classify(
            Self.response(503, lines: ["Retry-After: Wed, 18 Nov 2026 11:07:40 GMT"]), now: Self.now)
        #expect(down.outcome == .transientFailure(DeliveryReply(code: 503, text: "Reason"), retryAfter: .seconds(60)))
    }

    @Test("2xx is delivered; a sent body with no reply is unknown")
    func deliveredAndUnknown() {
        if case .delivered = WebhookSender.classify(Self.response(200), now: Self.now).outcome {
        } else {
            Issue.record("200 not delivered")
        }
        if case .unknown = WebhookSender.classify(Self.response(0), now: Self.now).outcome {
        } else {
            Issue.record("timeout after the body is not unknown")
        }
    }
}
