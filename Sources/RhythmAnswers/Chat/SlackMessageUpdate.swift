import Foundation
import Logging
import RhythmCore
import RhythmDelivery

/// Shows who answered on a Slack post: the post's text and blocks as Slack sent them with the
/// press, with a line such as "✓ Mei Lin will be there" above the buttons (which stay, for the
/// others in the channel), sent to the press's `response_url` with `replace_original`. When
/// the post cannot be replaced (Slack sent no message, or it already has Slack's 50 blocks),
/// the line goes to the channel as a reply of its own.
/// The `response_url` must pass ``SlackResponseURL``; it is a capability URL, so it never
/// appears in a log line or an error.
struct SlackMessageUpdate: Sendable {
    /// Slack keeps a message to 50 blocks.
    static let blockLimit = 50
    /// Slack wants the press answered within 3 seconds, and the update is sent before the
    /// answer: it gets at most two.
    static let timeouts = CurlRequest.Timeouts(
        connect: .seconds(1), total: .seconds(2), serverResponse: .seconds(2))

    let transport: CurlTransport
    let logger: Logger

    /// The JSON that replaces `message` (Slack's message object) with `line` added; nil when
    /// it cannot be replaced.
    static func replacement(of message: [String: Any]?, line: String) -> Data? {
        guard let message, var blocks = message["blocks"] as? [[String: Any]], blocks.count < blockLimit else {
            return nil
        }
        let answered: [String: Any] = [
            "type": "context", "elements": [["type": "mrkdwn", "text": "✓ \(ChatTextEscaping.slack(line))"]],
        ]
        let buttons = blocks.firstIndex { $0["block_id"] as? String == SlackPayload.actionsBlockID }
        blocks.insert(answered, at: buttons ?? blocks.endIndex)
        let body: [String: Any] = [
            "replace_original": true, "text": message["text"] as? String ?? line, "blocks": blocks,
        ]
        return try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    }

    /// The JSON of a reply in the channel holding `line` alone.
    static func reply(line: String) -> Data {
        let body: [String: Any] = [
            "response_type": "in_channel", "replace_original": false, "text": "✓ \(ChatTextEscaping.slack(line))",
        ]
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
    }

    /// Sends the replacement of `message` (or the reply) to `responseURL`; returns whether
    /// Slack took it. Failures are logged without the URL.
    func send(line: String, replacing message: [String: Any]?, to responseURL: String) async -> Bool {
        if let problem = SlackResponseURL.problem(with: responseURL) {
            logger.warning("Slack response_url refused", metadata: ["chat.problem": "\(problem)"])
            return false
        }
        let body = Self.replacement(of: message, line: line) ?? Self.reply(line: line)
        let sender = WebhookSender(transport: transport, timeouts: Self.timeouts, logger: logger)
        let delivery = await sender.send(WebhookRequest(url: responseURL, body: body, deliveryKey: "slack-update"))
        guard case .delivered = delivery.outcome else {
            logger.warning("Slack post not updated", metadata: ["delivery.outcome": "\(delivery.outcome)"])
            return false
        }
        return true
    }
}
