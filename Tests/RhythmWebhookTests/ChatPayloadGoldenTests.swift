import Foundation
import RhythmCore
import RhythmDelivery
import Testing

/// Each chat system's payload for one hostile reminder, compared byte for byte with a golden
/// file in Fixtures/. To regenerate after a deliberate change, run the tests with
/// `RHYTHM_REGENERATE_GOLDENS=1`, then read the diff of Fixtures/ before committing it.
@Suite struct ChatPayloadGoldenTests {
    static let kinds = ["slack", "teams", "mattermost", "discord", "google-chat", "webhook"]

    static func payload(_ kind: String) -> Data {
        let message = TestSupport.hostileMessage
        switch kind {
        case "slack": return SlackPayload.build(message)
        case "teams": return TeamsPayload.build(message)
        case "mattermost": return MattermostPayload.build(message)
        case "discord": return DiscordPayload.build(message)
        case "google-chat": return GoogleChatPayload.build(message)
        default:
            return GenericWebhookPayload.build(
                message, id: WebhookSignature.messageID(deliveryKey: "rule-1/occ-2026-12-01/group-a/hooks"),
                timestamp: Date(timeIntervalSince1970: 1_795_000_000))
        }
    }

    @Test("each payload matches its golden file byte for byte", arguments: kinds)
    func golden(kind: String) throws {
        let data = Self.payload(kind)
        let file = TestSupport.fixtures.appendingPathComponent("\(kind).json")
        if ProcessInfo.processInfo.environment["RHYTHM_REGENERATE_GOLDENS"] == "1" {
            try data.write(to: file)
        }
        let golden = try Data(contentsOf: file)
        #expect(String(decoding: data, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
    }

    @Test("each payload is one JSON object", arguments: kinds)
    func parses(kind: String) throws {
        let object = try JSONSerialization.jsonObject(with: Self.payload(kind))
        #expect(object is [String: Any])
    }

    @Test("Slack: user text cannot form a mention or a link; only safe handles are mentioned")
    func slackEscaping() throws {
        let json = try #require(
            JSONSerialization.jsonObject(with: SlackPayload.build(TestSupport.hostileMessage)) as? [String: Any])
        let text = try #require(json["text"] as? String)
        #expect(text.hasPrefix("Q3 review &lt;b&gt;&amp;&lt;/b&gt; *budget* @everyone &lt;!channel&gt;"))
        #expect(text.hasSuffix("<@U0123ABC>"))
        let all = String(decoding: SlackPayload.build(TestSupport.hostileMessage), as: UTF8.self)
        #expect(!all.contains("<!channel>"))
        #expect(!all.contains("U1>"))
        #expect(all.contains("<https://rhythm.example.org/agenda/q3?x=1&amp;y=2|Agenda &lt;here&gt;>"))
    }

    @Test("Teams: an Adaptive Card attachment, never the retired MessageCard")
    func teamsCard() throws {
        let data = TeamsPayload.build(TestSupport.hostileMessage)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["type"] as? String == "message")
        let attachment = try #require((json["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String == "1.5")
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("MessageCard"))
        #expect(text.contains("<at>ana@example.org</at>"))
        #expect(!text.contains("x</at>"))
    }

    @Test("Discord: allowed_mentions pings only the named users, never everyone")
    func discordMentions() throws {
        let json = try #require(
            JSONSerialization.jsonObject(with: DiscordPayload.build(TestSupport.hostileMessage)) as? [String: Any])
        let allowed = try #require(json["allowed_mentions"] as? [String: Any])
        #expect((allowed["parse"] as? [String]) == [])
        #expect((allowed["users"] as? [String]) == ["123456789012345678"])
        #expect((json["content"] as? String)?.contains("\\[x\\]\\(https://evil.example\\)") == true)
    }

    @Test("Mattermost: @channel and @everyone in user text cannot notify")
    func mattermostMentions() throws {
        let json = try #require(
            JSONSerialization.jsonObject(with: MattermostPayload.build(TestSupport.hostileMessage)) as? [String: Any])
        let text = try #require(json["text"] as? String)
        #expect(!text.contains("@channel"))
        #expect(!text.contains("@everyone"))
        #expect(text.hasSuffix("@ana.lopez"))
    }

    @Test("Google Chat: user text cannot mention everyone; the card text is HTML-escaped")
    func googleChat() throws {
        let data = GoogleChatPayload.build(TestSupport.hostileMessage)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<users/all>"))
        #expect(text.contains("<users/1112223334445556667>"))
        #expect(text.contains("&lt;users/all&gt;"))
    }

    @Test("the generic webhook carries the text as typed, in the Standard Webhooks shape")
    func generic() throws {
        let data = Self.payload("webhook")
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["type"] as? String == "reminder")
        #expect(json["timestamp"] as? String == "2026-11-18T11:06:40Z")
        let inner = try #require(json["data"] as? [String: Any])
        #expect(inner["title"] as? String == TestSupport.hostileMessage.title)
        #expect(inner["meetingStart"] as? String == "2026-12-01T14:00:00+01:00")
    }

    @Test("a link that is not http or https is never shown")
    func unsafeLink() {
        var message = TestSupport.hostileMessage
        message.link = URL(string: "javascript:alert(1)")
        for data in [SlackPayload.build(message), TeamsPayload.build(message), DiscordPayload.build(message)] {
            #expect(!String(decoding: data, as: UTF8.self).contains("javascript"))
        }
    }
}
