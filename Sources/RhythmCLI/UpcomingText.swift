import Foundation
import RhythmCore

/// The text form of `rhythm upcoming`.
struct UpcomingText {
    let initiative: Initiative
    let query: UpcomingQuery
    let occurrences: [Occurrence]
    /// The live changes behind the occurrences, to say who changed what and when.
    let layering: LiveLayering

    /// The text as UTF-8, ending without a newline.
    var bytes: OutputBuffer {
        let initiativeZone = initiative.timeZone
        let from = initiativeZone.wallClock(at: query.window.start)
        let until = initiativeZone.wallClock(at: query.window.end)
        var output = OutputBuffer(capacity: 64 + occurrences.count * 160)
        output.append("\(initiative.name): \(Plural.phrase(occurrences.count, "meeting")) from ")
        OccurrenceText.appendDayAndDate(from.date, to: &output)
        output.append(" \(OccurrenceText.hourMinute(from.time.truncatedToMinutes)) to ")
        OccurrenceText.appendDayAndDate(until.date, to: &output)
        output.append(" \(OccurrenceText.hourMinute(until.time.truncatedToMinutes)) (\(initiativeZone.identifier))")
        if let person = query.person {
            output.append("\nMeetings \(person.name) attends; times also shown in \(person.timeZone.identifier).")
        }
        let years = ZoneOffsetTable.years(around: query.window)
        var offsetsByZone: [String: ZoneOffsetTable] = [:]
        let personOffsets = query.person.map { ZoneOffsetTable.shared(for: $0.timeZone, covering: years) }
        for occurrence in occurrences {
            let zone = occurrence.timeZone
            let zoneName = zone.identifier
            let offsets = offsetsByZone[zoneName] ?? ZoneOffsetTable.shared(for: zone, covering: years)
            offsetsByZone[zoneName] = offsets
            output.append("\n\n")
            OccurrenceText.appendWhen(occurrence, offsets: offsets, to: &output)
            output.append("  ")
            output.append(occurrence.series.title)
            output.append(" (")
            output.append(occurrence.series.id)
            output.append(byte: UInt8(ascii: ")"))
            OccurrenceText.appendStatusSuffix(occurrence, to: &output)
            output.append("\n    zone: ")
            output.append(zoneName)
            if let change = layering.liveChange(for: occurrence) {
                output.append("\n    live: \(LiveChangeText.summary(change, zone: initiativeZone))")
            }
            if let person = query.person, let personOffsets, person.timeZone.identifier != zoneName {
                output.append("\n    for \(person.name): ")
                OccurrenceText.appendWhen(occurrence, offsets: personOffsets, to: &output)
            }
            if let location = occurrence.location {
                output.append("\n    at: ")
                output.append(location)
            }
            if let url = occurrence.onlineMeetingURL {
                output.append("\n    online: ")
                output.append(url.absoluteString)
            }
        }
        return output
    }
}
