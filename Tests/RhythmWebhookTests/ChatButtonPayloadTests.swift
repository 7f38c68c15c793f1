import Foundation
import RhythmCore
import RhythmDelivery
import Testing

/// Answer buttons in Slack and Mattermost posts: what each button names, and the signed
/// context a Mattermost button carries.
@Suite struct ChatButtonPayloadTests {
    static let meetingDate = LocalDate(year: 2027, month: 3, day: 9)!
    static let secret = ChatSecret("0123456789abcdef0123456789abcdef")!

    static var meetingPost: ChatMessage {
        var message = TestSupport.hostileMessage
        message.answers = ChatAnswer.meeting(seriesID: "leadership-table", occurrenceDate: meetingDate)
        message.serviceURL = "https://rhythm.example.org"
        return message
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Slack: a meeting post ends with I'll be there and Apologies naming the series and the date")
    func slackMeetingButtons() throws {
        let json = try Self.object(SlackPayload.build(Self.meetingPost))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let actions = try #require(blocks.last)
        #expect(actions["type"] as? String == "actions")
        #expect(actions["block_id"] as? String == SlackPayload.actionsBlockID)
        let buttons = try #require(actions["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["action_id"] as? String } == ["rhythm-attending", "rhythm-apologies"])
        #expect(
            buttons.map { $0["value"] as? String } == [
                "attending|leadership-table|2027-03-09", "apologies|leadership-table|2027-03-09",
            ])
        #expect(buttons.map { ($0["text"] as? [String: Any])?["text"] as? String } == ["I'll be there", "Apologies"])
    }

    @Test("Slack: an action post offers Done for that action; a post without answers has no actions block")
    func slackActionButton() throws {
        var message = TestSupport.hostileMessage
        message.answers = [.done(actionID: 42)]
        let blocks = try #require(try Self.object(SlackPayload.build(message))["blocks"] as? [[String: Any]])
        let buttons = try #require(blocks.last?["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["value"] as? String } == ["done|42"])
        let plain = try #require(
            try Self.object(SlackPayload.build(TestSupport.hostileMessage))["blocks"] as? [[String: Any]])
        #expect(!plain.contains { $0["type"] as? String == "actions" })
    }

    @Test("Mattermost: buttons post to /chat/mattermost/actions with a context signed for the channel")
    func mattermostButtons() throws {
        let data = MattermostPayload.build(
            Self.meetingPost, buttons: .init(channelID: "backbone-mattermost", secret: Self.secret))
        let json = try Self.object(data)
        let attachments = try #require(json["attachments"] as? [[String: Any]])
        let actions = try #require(attachments.first?["actions"] as? [[String: Any]])
        #expect(actions.map { $0["name"] as? String } == ["I'll be there", "Apologies"])
        #expect(actions.map { $0["id"] as? String } == ["rhythmattending", "rhythmapologies"])
        let integration = try #require(actions.first?["integration"] as? [String: Any])
        #expect(integration["url"] as? String == "https://rhythm.example.org/chat/mattermost/actions")
        let contextData = try JSONSerialization.data(withJSONObject: try #require(integration["context"]))
        let context = try JSONDecoder().decode(MattermostButtonContext.self, from: contextData)
        #expect(context.channel == "backbone-mattermost")
        #expect(context.message == json["text"] as? String)
        #expect(
            context.verifiedAnswer(with: Self.secret)
                == .attending(seriesID: "leadership-table", occurrenceDate: Self.meetingDate))
    }

    @Test("Mattermost: a context altered in any field, or checked with another secret, verifies as nothing")
    func mattermostContextTampering() throws {
        let context = MattermostButtonContext(
            answer: .done(actionID: 7), channelID: "mm", message: "#### Send the budget", secret: Self.secret)
        #expect(context.verifiedAnswer(with: Self.secret) == .done(actionID: 7))
        var otherAnswer = context
        otherAnswer.answer = "done|8"
        var otherChannel = context
        otherChannel.channel = "mm2"
        var otherText = context
        otherText.message += " now"
        var badHex = context
        badHex.signature = "zz" + context.signature.dropFirst(2)
        for altered in [otherAnswer, otherChannel, otherText, badHex] {
            #expect(altered.verifiedAnswer(with: Self.secret) == nil)
        }
        #expect(context.verifiedAnswer(with: try #require(ChatSecret("another-secret-another-secret-00"))) == nil)
    }

    @Test("Mattermost: without a buttons secret the post carries no buttons, byte for byte as before")
    func mattermostWithoutButtons() {
        var plain = Self.meetingPost
        plain.answers = []
        #expect(MattermostPayload.build(Self.meetingPost) == MattermostPayload.build(plain))
    }
}
