import Foundation
import RhythmCore

/// A Discord webhook message: `content` with the title and mentions, one embed with the body,
/// and `allowed_mentions` that lets only the named users be pinged, so that no text can
/// trigger `@everyone`, `@here` or a role.
public enum DiscordPayload {
    /// The JSON body, with sorted keys so the bytes are stable.
    public static func build(_ message: ChatMessage) -> Data {
        // Discord user ids are snowflakes: digits only.
        let users = ChatMessage.safeHandles(message.mentions.map(\.discord)).filter {
            $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
        }
        let content = ([ChatTextEscaping.markdown(String(message.title.prefix(1800)))] + users.map { "<@\($0)>" })
            .joined(separator: " ")
        var embed: [String: WebhookJSON] = ["title": .string(String(message.title.prefix(256)))]
        if !message.lines.isEmpty {
            embed["description"] = .string(
                String(message.lines.map(ChatTextEscaping.markdown).joined(separator: "\n").prefix(4096)))
        }
        if let when = message.meetingTimeText {
            embed["fields"] = [["name": "When", "value": .string(ChatTextEscaping.markdown(when)), "inline": false]]
        }
        if let link = message.safeLink { embed["url"] = .string(link.absoluteString) }
        return WebhookJSON.object([
            "content": .string(content),
            "embeds": [.object(embed)],
            "allowed_mentions": ["parse": [], "users": .array(users.map { .string($0) })],
        ]).encoded()
    }
}
