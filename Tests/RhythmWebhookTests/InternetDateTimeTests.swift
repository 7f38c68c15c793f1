import Foundation
import Testing

@testable import RhythmDelivery

/// The webhook payload writes its instants itself rather than through a new
/// `ISO8601DateFormatter` per message; the text stays what that formatter writes.
@Suite struct InternetDateTimeTests {
    static let zones = ["UTC", "Europe/London", "Australia/Melbourne", "America/St_Johns", "Asia/Kathmandu"]
    /// Winter and summer in both hemispheres, a fraction of a second, and a clock change.
    static let instants: [Date] = [
        Date(timeIntervalSince1970: 1_795_000_000), Date(timeIntervalSince1970: 1_780_000_000.75),
        Date(timeIntervalSince1970: 1_801_184_400),
    ]

    @Test("each instant reads as ISO8601DateFormatter writes it, Z for a zero offset", arguments: zones)
    func matchesFormatter(zoneID: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        for instant in Self.instants {
            #expect(GenericWebhookPayload.internetDateTime(instant, in: zone) == formatter.string(from: instant))
        }
    }
}
