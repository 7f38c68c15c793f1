import Foundation
import RhythmCore

/// How a live change reads in a terminal: what it did, who did it and when, in the
/// initiative's zone: `cancelled live by console:alice 2026-12-07 10:02: chair ill`.
enum LiveChangeText {
    /// What the change does to its meeting, then who and when, then why.
    static func summary(_ change: LiveChange, zone: TimeZone) -> String {
        let what: String =
            switch change.kind {
            case .cancel: "cancelled live"
            case .move(_, let move):
                "moved live" + (movedTo(move).map { " to \($0)" } ?? "")
            case .extra(let start, let location, _):
                "extra meeting added live for \(stamp(start))" + (location.map { " at \($0)" } ?? "")
            }
        let reason = change.kind.reason.map { ": \($0)" } ?? ""
        return "\(what) by \(change.actor) \(stamp(zone.wallClock(at: change.createdAt)))\(reason)"
    }

    /// `2026-12-07 10:02`.
    static func stamp(_ local: LocalDateTime) -> String {
        "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
    }

    private static func movedTo(_ move: OccurrenceChange) -> String? {
        let parts = [move.start.map(stamp), move.location, move.onlineMeetingURL?.absoluteString].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
