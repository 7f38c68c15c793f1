import Foundation
import RhythmCore

/// A Slack incoming-webhook message: a `text` fallback for notifications plus Block Kit blocks,
/// and, when the message offers answers, an `actions` block of buttons whose `action_id` names
/// the answer and whose `value` names it with its subject (see `ChatAnswer.value`).
public enum SlackPayload {
    /// The JSON body, with sorted keys so the bytes are stable.
    public static func build(_ message: ChatMessage) -> Data {
        let mentions = ChatMessage.safeHandles(message.mentions.map(\.slack)).map { "<@\($0)>" }
        let title = ChatTextEscaping.slack(message.title)
        var blocks: [WebhookJSON] = [
            // Slack asks for `&`, `<` and `>` to be escaped in every text, plain or not; at most 150 characters.
            [
                "type": "header",
                "text": [
                    "type": "plain_text", "text": .string(ChatTextEscaping.slack(String(message.title.prefix(150)))),
                ],
            ]
        ]
        if !message.lines.isEmpty {
            let body = message.lines.map(ChatTextEscaping.slack).joined(separator: "\n")
            blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": .string(body)]])
        }
        var context: [String] = []
        if let when = message.meetingTimeText { context.append("*When:* \(ChatTextEscaping.slack(when))") }
        if let link = message.safeLink {
            let url = ChatTextEscaping.slack(link.absoluteString).replacingOccurrences(of: "|", with: "%7C")
            context.append("<\(url)|\(ChatTextEscaping.slack(message.linkLabel))>")
        }
        if !context.isEmpty {
            blocks.append([
                "type": "context", "elements": .array(context.map { ["type": "mrkdwn", "text": .string($0)] }),
            ])
        }
        if !mentions.isEmpty {
            blocks.append([
                "type": "section", "text": ["type": "mrkdwn", "text": .string(mentions.joined(separator: " "))],
            ])
        }
        if !message.answers.isEmpty {
            blocks.append(actions(message.answers))
        }
        let text = ([title] + mentions).joined(separator: " ")
        return WebhookJSON.object(["text": .string(text), "blocks": .array(blocks)]).encoded()
    }

    /// The `block_id` of the buttons, so an update can find them among the post's blocks.
    public static let actionsBlockID = "rhythm-answers"

    /// The buttons block; "I'll be there" and "Done" are primary, the rest plain.
    static func actions(_ answers: [ChatAnswer]) -> WebhookJSON {
        let buttons: [WebhookJSON] = answers.map { answer in
            var button: [String: WebhookJSON] = [
                "type": "button", "action_id": .string(answer.kind), "value": .string(answer.value),
                "text": ["type": "plain_text", "text": .string(answer.label)],
            ]
            if answer.isPrimary { button["style"] = "primary" }
            return .object(button)
        }
        return ["type": "actions", "block_id": .string(actionsBlockID), "elements": .array(buttons)]
    }
}
