import Foundation
import Logging
import RhythmCore
import RhythmDelivery
import Testing

/// `WebhookSender` over real sockets, against `Scripts/webhook_receiver.py`: a receiver written
/// independently in Python that verifies Standard Webhooks signatures with its own HMAC code.
@Suite("WebhookSender against a loopback webhook receiver", .serialized, .timeLimit(.minutes(5)))
struct WebhookSenderLiveTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    /// A different key ("another key entirely"), for a receiver that must reject our signature.
    static let otherSecret = "whsec_YW5vdGhlciBrZXkgZW50aXJlbHk="
    static let deliveryKey = "rule-1/occ-2026-12-01/group-a/hooks"
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let timeouts = CurlRequest.Timeouts(connect: .seconds(5), total: .seconds(10), serverResponse: .seconds(5))

    static func sender(
        _ transport: CurlTransport, timeouts: CurlRequest.Timeouts = WebhookSenderLiveTests.timeouts,
        logger: Logger = Logger(label: "rhythm.webhook-tests")
    ) -> WebhookSender {
        WebhookSender(transport: transport, timeouts: timeouts, now: { Self.now }, logger: logger)
    }

    /// A signed generic webhook for `url`.
    static func generic(_ url: String, deliveryKey: String = deliveryKey) throws -> WebhookRequest {
        let secret = try #require(WebhookSigningSecret(Self.secret))
        return try #require(
            WebhookRequest.build(
                kind: .webhook(url: .environment("URL"), signingSecret: .environment("SECRET")), url: url,
                signingSecret: secret, message: TestSupport.hostileMessage, deliveryKey: deliveryKey, now: Self.now))
    }

    @Test("a signed generic webhook is delivered, verified, and carries its message id in header and body")
    func genericDelivered() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try Self.generic(receiver.url("/ok"))
            let delivery = try await TestSupport.withTransport { await Self.sender($0).send(request) }
            #expect(delivery == WebhookDelivery(outcome: .delivered(DeliveryReply(code: 200, text: "OK"))))

            let record = try #require(try receiver.records().only)
            #expect(record.route == "/ok")
            #expect(record.verified == true)
            #expect(record.headers["webhook-id"] == request.messageID)
            #expect(record.headers["webhook-timestamp"] == "1795000000")
            #expect(record.headers["webhook-signature"]?.hasPrefix("v1,") == true)
            #expect(Data(record.body.utf8) == request.body)
            let json = try #require(JSONSerialization.jsonObject(with: Data(record.body.utf8)) as? [String: Any])
            #expect(json["id"] as? String == request.messageID)
        }
    }

    @Test("sending one delivery twice carries the same webhook-id both times, so a retry is recognisable")
    func retryKeepsMessageID() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let first = try Self.generic(receiver.url("/ok"))
            let again = try Self.generic(receiver.url("/ok"))
            let other = try Self.generic(receiver.url("/ok"), deliveryKey: "rule-1/occ-2026-12-01/group-b/hooks")
            try await TestSupport.withTransport { transport in
                let sender = Self.sender(transport)
                for request in [first, again, other] {
                    #expect(await sender.send(request).outcome == .delivered(DeliveryReply(code: 200, text: "OK")))
                }
            }
            let records = try receiver.records()
            try #require(records.count == 3)
            #expect(records.allSatisfy { $0.verified == true })
            #expect(records[0].headers["webhook-id"] == first.messageID)
            #expect(records[1].headers["webhook-id"] == first.messageID)
            #expect(records[0].body == records[1].body)
            #expect(records[2].headers["webhook-id"] == other.messageID)
            #expect(other.messageID != first.messageID)
        }
    }

    @Test("a receiver holding a different secret reports the signature as not verified")
    func wrongSecretRejected() async throws {
        try await WebhookReceiver.run(secret: Self.otherSecret) { receiver in
            let request = try Self.generic(receiver.url("/ok"))
            _ = try await TestSupport.withTransport { await Self.sender($0).send(request) }
            let record = try #require(try receiver.records().only)
            #expect(record.headers["webhook-signature"] != nil)
            #expect(record.verified == false)
        }
    }

    @Test(
        "a chat payload is posted as application/json with its exact bytes and no signature",
        arguments: ["slack", "teams", "discord"])
    func chatPayload(kindName: String) async throws {
        let kind: Channel.Kind =
            switch kindName {
            case "slack": .slack(webhook: .environment("URL"))
            case "teams": .teams(webhook: .environment("URL"))
            default: .discord(webhook: .environment("URL"))
            }
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try #require(
                WebhookRequest.build(
                    kind: kind, url: receiver.url("/ok"), message: TestSupport.hostileMessage,
                    deliveryKey: Self.deliveryKey, now: Self.now))
            let delivery = try await TestSupport.withTransport { await Self.sender($0).send(request) }
            #expect(delivery.outcome == .delivered(DeliveryReply(code: 200, text: "OK")))

            let record = try #require(try receiver.records().only)
            #expect(record.headers["content-type"] == "application/json")
            #expect(record.headers["content-length"] == String(request.body.count))
            #expect(record.headers["user-agent"] == "Rhythm-Webhooks/1")
            #expect(Data(record.body.utf8) == request.body)
            #expect(record.headers["webhook-signature"] == nil)
            #expect(record.verified == nil)
        }
    }

    @Test(
        "each status is classified from the real reply: 429 and 503 transient, 410 disables, 400 permanent",
        arguments: [
            (
                "/busy",
                WebhookDelivery(
                    outcome: .transientFailure(
                        DeliveryReply(code: 429, text: "Too Many Requests"), retryAfter: .seconds(7)))
            ),
            (
                "/down",
                WebhookDelivery(
                    outcome: .transientFailure(DeliveryReply(code: 503, text: "Service Unavailable"), retryAfter: nil))
            ),
            (
                "/gone",
                WebhookDelivery(
                    outcome: .permanentFailure(DeliveryReply(code: 410, text: "Gone")), disablesEndpoint: true)
            ),
            ("/bad", WebhookDelivery(outcome: .permanentFailure(DeliveryReply(code: 400, text: "Bad Request")))),
        ])
    func statusClassified(path: String, expected: WebhookDelivery) async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try Self.generic(receiver.url(path))
            let delivery = try await TestSupport.withTransport { await Self.sender($0).send(request) }
            #expect(delivery == expected)
            #expect(try receiver.records().map(\.route) == [path])
        }
    }

    @Test("a 302 is not followed: a permanent failure, and only /redirect was ever requested")
    func redirectNotFollowed() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try Self.generic(receiver.url("/redirect"))
            let delivery = try await TestSupport.withTransport { await Self.sender($0).send(request) }
            #expect(
                delivery
                    == WebhookDelivery(
                        outcome: .permanentFailure(DeliveryReply(code: 302, text: "redirect not followed: Found"))))
            #expect(!delivery.outcome.isRetryable)
            #expect(!delivery.disablesEndpoint)
            #expect(try receiver.records().map(\.route) == ["/redirect"])
        }
    }

    @Test("a receiver that takes the body and never answers is given up on within the timeout, as unknown")
    func silentReceiverIsUnknown() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try Self.generic(receiver.url("/slow"))
            let short = CurlRequest.Timeouts(connect: .seconds(2), total: .seconds(2), serverResponse: .seconds(2))
            let clock = ContinuousClock()
            let started = clock.now
            let delivery = try await TestSupport.withTransport {
                await Self.sender($0, timeouts: short).send(request)
            }
            let elapsed = clock.now - started
            #expect(elapsed < .seconds(20), "the receiver sleeps 60 s; the sender must stop after about 2 s")
            // The whole body left and no status came back, so the receiver may have acted on it.
            guard case .unknown(let reply) = delivery.outcome else {
                Issue.record("expected unknown, got \(delivery)")
                return
            }
            #expect(reply.code == 0)
            #expect(delivery.outcome.isRetryable)
            #expect(!delivery.disablesEndpoint)
            #expect(try receiver.records().map(\.route) == ["/slow"])
        }
    }

    @Test(
        "the URL's token never appears in an outcome or a log line, whatever the receiver answers",
        arguments: [
            ("/ok", 200), ("/busy", 429), ("/down", 503), ("/gone", 410), ("/bad", 400), ("/redirect", 302),
            ("/missing", 404), ("/slow", 0),
        ])
    func tokenNeverShown(path: String, status: Int) async throws {
        let token = "SECRET-TOKEN-123"
        let log = LogRecorder()
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let request = try Self.generic(receiver.url("\(path)?token=\(token)"))
            let short = CurlRequest.Timeouts(connect: .seconds(2), total: .seconds(2), serverResponse: .seconds(2))
            let delivery = try await TestSupport.withTransport(logger: log.logger) {
                await Self.sender($0, timeouts: short, logger: log.logger).send(request)
            }
            // Each case takes its own route through the sender: a reply, or curl's timeout message.
            #expect(delivery.outcome.reply?.code == status)
            let record = try #require(try receiver.records().only)
            #expect(record.path == "\(path)?token=\(token)", "the token must reach the receiver")
            #expect(log.count >= 2, "both the transport and the sender log each attempt")
            let shown = [
                "\(delivery)", delivery.outcome.description, delivery.outcome.reply?.text ?? "", log.text,
            ]
            for text in shown {
                #expect(!text.contains(token))
                #expect(!text.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
            }
        }
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
