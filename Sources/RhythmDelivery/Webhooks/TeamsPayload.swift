import Foundation
import RhythmCore

/// A Microsoft Teams Workflows webhook message: one Adaptive Card (version 1.5) as an
/// attachment. The Office 365 connector MessageCard format is retired and never produced.
public enum TeamsPayload {
    /// The Adaptive Card schema version the card declares.
    public static let cardVersion = "1.5"

    /// The JSON body, with sorted keys so the bytes are stable.
    public static func build(_ message: ChatMessage) -> Data {
        var body: [WebhookJSON] = [
            [
                "type": "TextBlock", "text": .string(ChatTextEscaping.markdown(message.title)), "size": "Medium",
                "weight": "Bolder", "wrap": true,
            ]
        ]
        for line in message.lines {
            body.append(["type": "TextBlock", "text": .string(ChatTextEscaping.markdown(line)), "wrap": true])
        }
        if let when = message.meetingTimeText {
            body.append([
                "type": "FactSet", "facts": [["title": "When", "value": .string(ChatTextEscaping.markdown(when))]],
            ])
        }
        let handles = ChatMessage.safeHandles(message.mentions.map(\.teams))
        if !handles.isEmpty {
            // A mention is an <at> tag in the text plus an entity naming the user (UPN or Entra id).
            let tags = handles.map { "<at>\($0)</at>" }
            body.append(["type": "TextBlock", "text": .string(tags.joined(separator: " ")), "wrap": true])
        }
        var card: [String: WebhookJSON] = [
            "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": .string(cardVersion), "body": .array(body),
        ]
        if let link = message.safeLink {
            card["actions"] = [
                ["type": "Action.OpenUrl", "title": .string(message.linkLabel), "url": .string(link.absoluteString)]
            ]
        }
        if !handles.isEmpty {
            let entities: [WebhookJSON] = handles.map { handle in
                [
                    "type": "mention", "text": .string("<at>\(handle)</at>"),
                    "mentioned": ["id": .string(handle), "name": .string(handle)],
                ]
            }
            card["msteams"] = ["entities": .array(entities)]
        }
        let attachment: WebhookJSON = [
            "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": nil, "content": .object(card),
        ]
        return WebhookJSON.object(["type": "message", "attachments": [attachment]]).encoded()
    }
}
