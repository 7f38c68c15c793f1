import Foundation
import RhythmCore

/// A Google Chat webhook message: `text` with the title and any mentions (`<users/ID>`), and
/// one `cardsV2` card whose paragraphs carry the body as HTML-escaped text.
public enum GoogleChatPayload {
    /// The JSON body, with sorted keys so the bytes are stable.
    public static func build(_ message: ChatMessage) -> Data {
        let mentions = ChatMessage.safeHandles(message.mentions.map(\.googleChat))
            .filter { $0.allSatisfy { $0.isASCII && $0.isNumber } }  // user ids are numeric; never `all`
            .map { "<users/\($0)>" }
        // The text field reads `<users/all>` as a mention of everyone: user text must not hold `<`.
        let title = message.title.replacingOccurrences(of: "<", with: "\u{2039}")
            .replacingOccurrences(of: ">", with: "\u{203A}")
        var widgets: [WebhookJSON] = message.lines.map {
            ["textParagraph": ["text": .string(ChatTextEscaping.html($0))]]
        }
        if let when = message.meetingTimeText {
            widgets.append(["decoratedText": ["topLabel": "When", "text": .string(ChatTextEscaping.html(when))]])
        }
        if let link = message.safeLink {
            widgets.append([
                "buttonList": [
                    "buttons": [
                        [
                            "text": .string(message.linkLabel),
                            "onClick": ["openLink": ["url": .string(link.absoluteString)]],
                        ]
                    ]
                ]
            ])
        }
        var card: [String: WebhookJSON] = ["header": ["title": .string(message.title)]]
        if !widgets.isEmpty { card["sections"] = [["widgets": .array(widgets)]] }
        return WebhookJSON.object([
            "text": .string(([title] + mentions).joined(separator: " ")),
            "cardsV2": [["cardId": "reminder", "card": .object(card)]],
        ]).encoded()
    }
}
