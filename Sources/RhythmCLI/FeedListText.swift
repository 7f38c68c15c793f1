import Foundation
import RhythmCore
import RhythmStore

/// The text form of `rhythm feed list`: one aligned row per token.
struct FeedListText {
    /// What the name column says for a subject the configuration no longer has.
    static let missing = "(not in configuration)"

    let initiative: Initiative
    let path: String
    let tokens: [FeedTokenRecord]

    var text: String {
        guard !tokens.isEmpty else {
            return "No feed tokens in \(path). Issue one with `rhythm feed rotate partner:ID`."
        }
        let active = tokens.filter(\.isActive).count
        var lines = [
            "\(Plural.phrase(tokens.count, "feed token")) in \(path), \(active) active; "
                + "times in \(initiative.timeZone.identifier)",
            "",
        ]
        let header = ["ID", "SUBJECT", "NAME", "CREATED", "LAST USED", "REVOKED"]
        let rows = tokens.map { token in
            [
                token.publicID, token.subject.description, initiative.name(of: token.subject) ?? Self.missing,
                time(token.createdAt), token.lastUsedAt.map(time) ?? "never", token.revokedAt.map(time) ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            let cells = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-11-24 23:50`, on the initiative's clocks.
    private func time(_ instant: Date) -> String {
        let local = initiative.timeZone.wallClock(at: instant)
        return "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
    }
}
