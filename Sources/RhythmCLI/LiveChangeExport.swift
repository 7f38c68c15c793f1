import Foundation
import RhythmCore

/// The live changes in force written as the configuration file writes them: per series, its
/// `exceptions:` entries (cancel, move) and `extra_dates:`, indented to paste under the
/// series' `- id:` line. Loading the file with them gives the same schedule as the layering.
struct LiveChangeExport {
    let changes: [LiveChange]

    var text: String {
        guard !changes.isEmpty else { return "# No live changes in force: nothing to export." }
        var lines = [
            "# Live changes in force, as configuration. Add each series' entries to its block in the file",
            "# (append to an exceptions: or extra_dates: list it already has), then reload: the live changes",
            "# are then superseded by the file.",
            "series:",
        ]
        let seriesIDs = changes.map(\.seriesID).reduce(into: [String]()) { ids, id in
            if !ids.contains(id) { ids.append(id) }
        }
        for seriesID in seriesIDs {
            let ofSeries = changes.filter { $0.seriesID == seriesID }
            lines.append("  - id: \(seriesID)")
            let exceptions = ofSeries.flatMap(exceptionLines)
            if !exceptions.isEmpty {
                lines.append("    exceptions:")
                lines += exceptions
            }
            let extras = ofSeries.compactMap { change -> String? in
                guard case .extra(let start, _, _) = change.kind else { return nil }
                return "      - \(Self.dateTime(start))"
            }
            if !extras.isEmpty {
                lines.append("    extra_dates:")
                lines += extras
            }
        }
        return lines.joined(separator: "\n")
    }

    private func exceptionLines(_ change: LiveChange) -> [String] {
        let origin = "# live change #\(change.id) by \(change.actor)"
        switch change.kind {
        case .cancel(let date, let reason):
            return ["      - cancel: \(date)  \(origin)"] + Self.field("reason", reason)
        case .move(let date, let move):
            return ["      - move: \(date)  \(origin)"]
                + (move.start.map { ["        to: \(Self.dateTime($0))"] } ?? [])
                + Self.field("location", move.location)
                + Self.field("online_url", move.onlineMeetingURL?.absoluteString)
                + Self.field("reason", move.reason)
        case .extra(let start, let location, _):
            // The extra meeting's place is an exception on its date, as layering makes it.
            guard let location else { return [] }
            return ["      - move: \(start.date)  \(origin)"] + Self.field("location", location)
        }
    }

    private static func field(_ key: String, _ value: String?) -> [String] {
        value.map { ["        \(key): \(quoted($0))"] } ?? []
    }

    /// `2027-03-11T10:00`, or with seconds when they matter.
    private static func dateTime(_ local: LocalDateTime) -> String {
        "\(local.date)T\(OccurrenceText.hourMinute(local.time))"
    }

    /// A YAML double-quoted scalar: safe whatever the text holds (colons, `#`, quotes).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
