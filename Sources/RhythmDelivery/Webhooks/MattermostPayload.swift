import Foundation
import RhythmCore

/// A Mattermost incoming-webhook message: Markdown `text`, and when the message offers
/// answers and the channel has a buttons secret, an attachment of interactive buttons (which
/// Mattermost keeps as `props.attachments`) whose presses go to
/// `<service.public_url>/chat/mattermost/actions` with a signed ``MattermostButtonContext``.
public enum MattermostPayload {
    /// The path of the endpoint button presses are sent to.
    public static let actionsPath = "/chat/mattermost/actions"

    /// What signs a channel's buttons: its id and its buttons secret.
    public struct Buttons: Sendable {
        /// The Rhythm channel the post goes to; its context names it, so a press is checked
        /// with this channel's secret alone.
        public var channelID: String
        /// The channel's buttons secret, read when the post is sent.
        public var secret: ChatSecret

        public init(channelID: String, secret: ChatSecret) {
            self.channelID = channelID
            self.secret = secret
        }
    }

    /// The JSON body, with sorted keys so the bytes are stable. Without `buttons` (or without
    /// a service URL to send presses to), the post carries no buttons.
    public static func build(_ message: ChatMessage, buttons: Buttons? = nil) -> Data {
        var paragraphs = ["#### \(ChatTextEscaping.mattermost(message.title))"]
        paragraphs += message.lines.map(ChatTextEscaping.mattermost)
        if let when = message.meetingTimeText { paragraphs.append("**When:** \(ChatTextEscaping.mattermost(when))") }
        if let link = message.safeLink {
            paragraphs.append("[\(ChatTextEscaping.mattermost(message.linkLabel))](<\(link.absoluteString)>)")
        }
        // `@all`, `@channel` and `@here` notify everyone: never a person's handle.
        let mentions = ChatMessage.safeHandles(message.mentions.map(\.mattermost))
            .filter { !["all", "channel", "here"].contains($0.lowercased()) }
            .map { "@\($0)" }
        if !mentions.isEmpty { paragraphs.append(mentions.joined(separator: " ")) }
        let text = paragraphs.joined(separator: "\n\n")
        var body: [String: WebhookJSON] = ["text": .string(text)]
        if let buttons, let serviceURL = message.serviceURL, !message.answers.isEmpty {
            body["attachments"] = attachments(
                message.answers, text: text, url: serviceURL + actionsPath, buttons: buttons)
        }
        return WebhookJSON.object(body).encoded()
    }

    /// The response to a button press: the post replaced by `text` with the same buttons
    /// (signed again over the new text, so later presses keep every answer shown), and
    /// `ephemeral` shown to the person who pressed.
    public static func update(
        text: String, answers: [ChatAnswer], serviceURL: String, buttons: Buttons, ephemeral: String
    ) -> Data {
        let attachments = attachments(answers, text: text, url: serviceURL + actionsPath, buttons: buttons)
        return WebhookJSON.object([
            "update": ["message": .string(text), "props": ["attachments": attachments]],
            "ephemeral_text": .string(ephemeral),
        ]).encoded()
    }

    /// One attachment holding a button per answer. Mattermost wants action ids of letters
    /// and digits only.
    private static func attachments(_ answers: [ChatAnswer], text: String, url: String, buttons: Buttons)
        -> WebhookJSON
    {
        let actions: [WebhookJSON] = answers.map { answer in
            let context = MattermostButtonContext(
                answer: answer, channelID: buttons.channelID, message: text, secret: buttons.secret)
            var action: [String: WebhookJSON] = [
                "id": .string(answer.kind.filter { $0.isLetter || $0.isNumber }),
                "name": .string(answer.label),
                "type": "button",
                "integration": [
                    "url": .string(url),
                    "context": [
                        "answer": .string(context.answer), "channel": .string(context.channel),
                        "message": .string(context.message), "signature": .string(context.signature),
                    ],
                ],
            ]
            if answer.isPrimary { action["style"] = "primary" }
            return .object(action)
        }
        return [["fallback": .string(answers.map(\.label).joined(separator: " / ")), "actions": .array(actions)]]
    }
}
