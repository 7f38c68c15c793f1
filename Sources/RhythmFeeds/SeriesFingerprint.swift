import Crypto
import Foundation
import RhythmCore

/// A digest of what a series means to a calendar: its title, times, rule, dates added and
/// taken out, places and changed occurrences. When it changes, the series' SEQUENCE goes up.
///
/// Descriptions, organisers and attendees are left out on purpose: a change to them is
/// not a change of the meeting itself, and clients pick it up from the refreshed feed.
enum SeriesFingerprint {
    static func of(_ plan: SeriesCalendarPlan) -> String {
        let series = plan.series
        var lines = [
            "title=\(series.title)",
            "start=\(series.start)",
            "duration=\(series.duration.components.seconds)",
            "zone=\(series.timeZone.identifier)",
            "rule=\(plan.rule?.rfc5545Text ?? "")",
            "extra=\(series.extraDates.sorted().map(\.description).joined(separator: ","))",
            "excluded=\(plan.excludedStarts.map(\.description).joined(separator: ","))",
            "location=\(series.location ?? "")",
            "online=\(series.onlineMeetingURL?.absoluteString ?? "")",
        ]
        for occurrence in plan.overrides {
            lines.append(
                "override=\(occurrence.originalStart)|\(occurrence.localStart)|\(occurrence.status.label)|"
                    + "\(occurrence.location ?? "")|\(occurrence.onlineMeetingURL?.absoluteString ?? "")"
            )
        }
        let digest = SHA256.hash(data: Data(lines.joined(separator: "\n").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
