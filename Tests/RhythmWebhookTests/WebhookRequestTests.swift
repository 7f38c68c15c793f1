import Foundation
import RhythmCore
import RhythmDelivery
import Testing

@Suite struct WebhookRequestTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("each chat kind gets its own payload; e-mail is not a webhook")
    func payloadPerKind() throws {
        let message = TestSupport.hostileMessage
        let cases: [(Channel.Kind, Data)] = [
            (.slack(webhook: .environment("U")), SlackPayload.build(message)),
            (.teams(webhook: .environment("U")), TeamsPayload.build(message)),
            (.mattermost(webhook: .environment("U")), MattermostPayload.build(message)),
            (.discord(webhook: .environment("U")), DiscordPayload.build(message)),
            (.googleChat(webhook: .environment("U")), GoogleChatPayload.build(message)),
        ]
        for (kind, body) in cases {
            let request = try #require(
                WebhookRequest.build(
                    kind: kind, url: "https://hooks.example/T0KEN", message: message, deliveryKey: "k", now: Self.now))
            #expect(request.body == body, "\(kind.name)")
            #expect(request.signingSecret == nil)
        }
        let email = Channel.Kind.email(EmailSettings(from: "backbone@example.org"))
        #expect(
            WebhookRequest.build(kind: email, url: "x", message: message, deliveryKey: "k", now: Self.now) == nil)
    }

    @Test("a generic webhook is signed and its body carries the webhook-id derived from the delivery key")
    func generic() throws {
        let secret = try #require(WebhookSigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let request = try #require(
            WebhookRequest.build(
                kind: .webhook(url: .environment("U"), signingSecret: .environment("S")),
                url: "https://hooks.example/T0KEN", signingSecret: secret, message: TestSupport.hostileMessage,
                deliveryKey: "rule/occ/group/hooks", now: Self.now))
        #expect(request.signingSecret != nil)
        #expect(request.messageID == WebhookSignature.messageID(deliveryKey: "rule/occ/group/hooks"))
        let json = try #require(JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(json["id"] as? String == request.messageID)
    }
}
