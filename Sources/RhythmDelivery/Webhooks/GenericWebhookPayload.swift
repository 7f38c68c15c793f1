import Foundation
import RhythmCore

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
            data["meetingStart"] = .string(internetDateTime(start, in: message.timeZone))
        }
        if let link = message.safeLink {
            data["link"] = .string(link.absoluteString)
            data["linkLabel"] = .string(message.linkLabel)
        }
        return WebhookJSON.object([
            "type": "reminder", "id": .string(id), "timestamp": .string(internetDateTime(timestamp, in: .gmt)),
            "data": .object(data),
        ]).encoded()
    }

    /// RFC 3339 in whole seconds on `zone`'s clock, `Z` for a zero offset: what
    /// `ISO8601DateFormatter` writes, without building a formatter (and its ICU state) for
    /// every message.
    static func internetDateTime(_ instant: Date, in zone: TimeZone) -> String {
        zone.secondsFromGMT(for: instant) == 0 ? "\(zone.wallClock(at: instant))Z" : zone.iso8601(instant)
    }
}
