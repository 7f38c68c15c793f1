import Foundation
import Logging
import RhythmCore
import RhythmDelivery
import Testing

/// The transport speaks SMTP as well as HTTP: a webhook request must never go anywhere but
/// `https://`, or `http://` to this machine.
@Suite struct WebhookURLSchemeTests {
    static func request(_ url: String) -> WebhookRequest {
        WebhookRequest(url: url, body: Data("{}".utf8), deliveryKey: "rule/occ/person/chat")
    }

    @Test(
        "a webhook URL that is not https, or http to a loopback host, is a configuration error and never contacted",
        arguments: ["smtp://127.0.0.1:9/T000/SECRET", "http://192.0.2.1:9/T000/SECRET", "ftp://127.0.0.1:9/SECRET"])
    func refused(_ url: String) async throws {
        let delivery = try await TestSupport.withTransport { transport in
            await WebhookSender(transport: transport, logger: .init(label: "test")).send(Self.request(url))
        }
        guard case .configurationError(let message) = delivery.outcome else {
            Issue.record("expected a configuration error, got \(delivery.outcome)")
            return
        }
        #expect(message.hasPrefix("the webhook URL cannot be used"))
        #expect(!message.contains("SECRET"))
    }

    @Test(
        "which hosts count as this machine",
        arguments: [
            ("127.0.0.1", true), ("127.255.0.9", true), ("localhost", true), ("LOCALHOST", true), ("::1", true),
            ("[::1]", true), ("0:0:0:0:0:0:0:1", true), ("128.0.0.1", false), ("10.0.0.1", false),
            ("localhost.example.org", false), ("::2", false), ("127.1", false),
        ])
    func loopback(_ host: String, _ expected: Bool) {
        #expect(WebhookURLPolicy.isLoopback(host) == expected)
    }
}
