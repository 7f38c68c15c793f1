import Foundation
import RhythmCore

/// One webhook POST, ready to send: the destination, the exact body and, for generic webhooks,
/// the key to sign it with.
public struct WebhookRequest: Sendable {
    /// The webhook URL. It is a secret (its path is the token): it never appears in an outcome,
    /// an error or a log line.
    public var url: String
    /// The JSON body, sent byte for byte as built.
    public var body: Data
    /// The delivery's key in the outbox; the Standard Webhooks message id is derived from it.
    public var deliveryKey: String
    /// For generic webhooks: the key for the Standard Webhooks signature headers.
    public var signingSecret: WebhookSigningSecret?

    public init(url: String, body: Data, deliveryKey: String, signingSecret: WebhookSigningSecret? = nil) {
        self.url = url
        self.body = body
        self.deliveryKey = deliveryKey
        self.signingSecret = signingSecret
    }

    /// The message id a generic webhook carries in its body and its `webhook-id` header.
    public var messageID: String { WebhookSignature.messageID(deliveryKey: deliveryKey) }

    /// Builds the request for a chat channel with the payload its kind needs; nil for e-mail.
    /// - Parameters:
    ///   - url: the resolved webhook URL (the secret `kind` points to).
    ///   - signingSecret: the resolved signing secret, for the generic `webhook` kind.
    ///   - mattermostButtons: the channel's resolved buttons secret, for a Mattermost post's
    ///     answer buttons; without it the post carries none.
    ///   - now: when the reminder is produced, the generic payload's `timestamp`.
    public static func build(
        kind: Channel.Kind,
        url: String,
        signingSecret: WebhookSigningSecret? = nil,
        mattermostButtons: MattermostPayload.Buttons? = nil,
        message: ChatMessage,
        deliveryKey: String,
        now: Date
    ) -> WebhookRequest? {
        let body: Data
        switch kind {
        case .email: return nil
        case .slack: body = SlackPayload.build(message)
        case .teams: body = TeamsPayload.build(message)
        case .mattermost: body = MattermostPayload.build(message, buttons: mattermostButtons)
        case .discord: body = DiscordPayload.build(message)
        case .googleChat: body = GoogleChatPayload.build(message)
        case .webhook:
            body = GenericWebhookPayload.build(
                message, id: WebhookSignature.messageID(deliveryKey: deliveryKey), timestamp: now)
            return WebhookRequest(url: url, body: body, deliveryKey: deliveryKey, signingSecret: signingSecret)
        }
        return WebhookRequest(url: url, body: body, deliveryKey: deliveryKey)
    }
}

/// Prints as `WebhookRequest(redacted)`: its URL is the webhook's token.
extension WebhookRequest: Redacted {}
