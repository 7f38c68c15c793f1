import Foundation
import RhythmCore

/// The JSON form of `rhythm upcoming`, for scripts: stable keys, ISO 8601 times with the
/// offset of the meeting's zone.
struct UpcomingJSON: Encodable {
    struct Entry: Encodable {
        let series: String
        let title: String
        let kind: String
        let status: String
        let start: String
        let end: String
        let timeZone: String
        let originalStart: String
        let location: String?
        let onlineMeetingURL: String?
        let reason: String?
        /// The live change behind the occurrence, when one is.
        let liveChange: LiveChangeEntry?
    }

    /// Who changed an occurrence live, and when.
    struct LiveChangeEntry: Encodable {
        let id: Int64
        let kind: String
        let by: String
        let at: String
        let reason: String?
    }

    let from: String
    let until: String
    let occurrences: [Entry]

    init(query: UpcomingQuery, occurrences: [Occurrence], layering: LiveLayering) {
        from = ISO8601Format.utc(query.window.start)
        until = ISO8601Format.utc(query.window.end)
        self.occurrences = occurrences.map { occurrence in
            let zone = occurrence.timeZone
            return Entry(
                series: occurrence.series.id,
                title: occurrence.series.title,
                kind: occurrence.series.kind.name,
                status: occurrence.status.label,
                start: zone.iso8601(occurrence.start),
                end: zone.iso8601(occurrence.end),
                timeZone: zone.identifier,
                originalStart: zone.iso8601(zone.instant(for: occurrence.originalStart)),
                location: occurrence.location,
                onlineMeetingURL: occurrence.onlineMeetingURL?.absoluteString,
                reason: occurrence.status.reason,
                liveChange: layering.liveChange(for: occurrence).map { change in
                    LiveChangeEntry(
                        id: change.id, kind: change.kind.name, by: change.actor,
                        at: ISO8601Format.utc(change.createdAt),
                        reason: change.kind.reason)
                }
            )
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// UTC instants as `2027-04-06T00:00:00Z`.
enum ISO8601Format {
    static func utc(_ instant: Date) -> String {
        "\(TimeZone.gmt.wallClock(at: instant))Z"
    }
}
