import Foundation

/// The generic JSON webhook body, in the shape the Standard Webhooks specification recommends:
/// `{"type": "reminder", "id": ..., "timestamp": ..., "data": {...}}`. Text is sent as typed:
/// the receiver decides how to show it.
public enum GenericWebhookPayload {
    /// The JSON body, with sorted keys so the bytes are stable.
    /// - Parameters:
    ///   - id: the message id, the same as the `webhook-id` header (stable across retries).
    ///   - timestamp: when the reminder was produced, written as RFC 3339 in UTC.
    public static func build(_ message: ChatMessage, id: String, timestamp: Date) -> Data {
        var data: [String: WebhookJSON] = [
            "title": .string(message.title),
            "lines": .array(message.lines.map { .string($0) }),
            "timeZone": .string(message.timeZone.identifier),
        ]
        if let start = message.meetingStart {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = message.timeZone
            data["meetingStart"] = .string(formatter.string(from: start))
        }
        if let link = message.safeLink {
            data["link"] = .string(link.absoluteString)
            data["linkLabel"] = .string(message.linkLabel)
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .gmt
        return WebhookJSON.object([
            "type": "reminder", "id": .string(id), "timestamp": .string(formatter.string(from: timestamp)),
            "data": .object(data),
        ]).encoded()
    }
}
