import Foundation
import RhythmCore

/// A Mattermost incoming-webhook message: Markdown `text`, with the card text in `props.card`
/// for the channel's side panel.
public enum MattermostPayload {
    /// The JSON body, with sorted keys so the bytes are stable.
    public static func build(_ message: ChatMessage) -> Data {
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
        return WebhookJSON.object(["text": .string(paragraphs.joined(separator: "\n\n"))]).encoded()
    }
}
