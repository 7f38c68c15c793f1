import Foundation
import RhythmDelivery
import Testing

@Suite struct WebhookSignatureTests {
    static let vectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test("reproduces the Standard Webhooks published test vector")
    func testVector() throws {
        let secret = try #require(WebhookSigningSecret(Self.vectorSecret))
        let signature = WebhookSignature(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8),
            secret: secret)
        #expect(signature.signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(signature.headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(signature.headers[1].value == "1614265330")
    }

    @Test(
        "an independent verifier (Python's hmac) accepts our signatures",
        arguments: [vectorSecret, "plain-text-secret"])
    func pythonVerifies(secretText: String) throws {
        let secret = try #require(WebhookSigningSecret(secretText))
        let body = ChatPayloadGoldenTests.payload("webhook")
        let signature = WebhookSignature(
            id: "msg_abc", date: Date(timeIntervalSince1970: 1_795_000_000.9), body: body, secret: secret)
        #expect(signature.timestamp == 1_795_000_000)
        let arguments = [TestSupport.receiverScript.path, "verify", secretText, signature.id, "1795000000"]
        let accepted = try TestSupport.run(TestSupport.python, arguments + [signature.signature], input: body)
        #expect(accepted.status == 0)
        var tampered = body
        tampered.append(contentsOf: Array(" ".utf8))
        let rejected = try TestSupport.run(TestSupport.python, arguments + [signature.signature], input: tampered)
        #expect(rejected.status == 1)
    }

    @Test("a whsec_ secret that is not base64 is refused; its description never shows the key")
    func secrets() throws {
        #expect(WebhookSigningSecret("whsec_***not base64***") == nil)
        #expect(WebhookSigningSecret("") == nil)
        let secret = try #require(WebhookSigningSecret(Self.vectorSecret))
        #expect(!"\(secret)".contains("MfKQ"))
    }

    @Test("the message id is stable for a delivery key and differs between keys")
    func messageID() {
        let first = WebhookSignature.messageID(deliveryKey: "rule/occurrence/person/channel")
        #expect(first == WebhookSignature.messageID(deliveryKey: "rule/occurrence/person/channel"))
        #expect(first != WebhookSignature.messageID(deliveryKey: "rule/occurrence/other/channel"))
        #expect(first.hasPrefix("msg_") && first.count == 36)
    }
}
