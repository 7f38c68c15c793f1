import Foundation
import RhythmCore

/// The text form of `rhythm upcoming`.
struct UpcomingText {
    let initiative: Initiative
    let query: UpcomingQuery
    let occurrences: [Occurrence]
    /// The live changes behind the occurrences, to say who changed what and when.
    let layering: LiveLayering

    var text: String {
        let zone = initiative.timeZone
        let from = zone.wallClock(at: query.window.start)
        let until = zone.wallClock(at: query.window.end)
        var lines = [
            "\(initiative.name): \(Plural.phrase(occurrences.count, "meeting")) from "
                + "\(OccurrenceText.dayAndDate(from.date)) \(OccurrenceText.hourMinute(from.time.truncatedToMinutes)) to "
                + "\(OccurrenceText.dayAndDate(until.date)) \(OccurrenceText.hourMinute(until.time.truncatedToMinutes)) "
                + "(\(zone.identifier))"
        ]
        if let person = query.person {
            lines.append("Meetings \(person.name) attends; times also shown in \(person.timeZone.identifier).")
        }
        for occurrence in occurrences {
            lines.append("")
            lines.append(
                "\(OccurrenceText.when(occurrence))  \(occurrence.series.title) (\(occurrence.series.id))"
                    + OccurrenceText.statusSuffix(occurrence)
            )
            lines.append("    zone: \(occurrence.timeZone.identifier)")
            if let change = layering.liveChange(for: occurrence) {
                lines.append("    live: \(LiveChangeText.summary(change, zone: zone))")
            }
            if let person = query.person, person.timeZone.identifier != occurrence.timeZone.identifier {
                lines.append("    for \(person.name): \(OccurrenceText.when(occurrence, in: person.timeZone))")
            }
            if let location = occurrence.location {
                lines.append("    at: \(location)")
            }
            if let url = occurrence.onlineMeetingURL {
                lines.append("    online: \(url.absoluteString)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
