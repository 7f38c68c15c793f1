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
        written(into: OutputBuffer(capacity: 64 + occurrences.count * 160))
    }

    /// Writes the text into `output`, ending without a newline, letting it pass full chunks on
    /// between occurrences.
    func written(into output: consuming OutputBuffer) -> OutputBuffer {
        let initiativeZone = initiative.timeZone
        let from = initiativeZone.wallClock(at: query.window.start)
        let until = initiativeZone.wallClock(at: query.window.end)
        output.append("\(initiative.name): \(Plural.phrase(occurrences.count, "meeting")) from ")
        OccurrenceText.appendDayAndDate(from.date, to: &output)
        output.append(" \(OccurrenceText.hourMinute(from.time.truncatedToMinutes)) to ")
        OccurrenceText.appendDayAndDate(until.date, to: &output)
        output.append(" \(OccurrenceText.hourMinute(until.time.truncatedToMinutes)) (\(initiativeZone.identifier))")
        if let person = query.person {
            output.append("\nMeetings \(person.name) attends; times also shown in \(person.timeZone.identifier).")
        }
        let years = ZoneOffsetTable.years(around: query.window)
        var seriesLines: [ObjectIdentifier: SeriesLines] = [:]
        let personOffsets = query.person.map { ZoneOffsetTable.shared(for: $0.timeZone, covering: years) }
        for index in occurrences.indices {
            let occurrence = occurrences[index]
            let lines: SeriesLines
            if let known = seriesLines[occurrence.seriesIdentity] {
                lines = known
            } else {
                lines = SeriesLines(occurrence.series, years: years)
                seriesLines[occurrence.seriesIdentity] = lines
            }
            output.append(literal: "\n\n")
            OccurrenceText.appendWhen(occurrence, offsets: lines.offsets, to: &output)
            output.append(lines.titleAndID)
            OccurrenceText.appendStatusSuffix(occurrence, to: &output)
            output.append(lines.zoneLine)
            if let change = layering.liveChange(for: occurrence) {
                output.append("\n    live: \(LiveChangeText.summary(change, zone: initiativeZone))")
            }
            if let person = query.person, let personOffsets, person.timeZone.identifier != lines.zoneName {
                output.append("\n    for \(person.name): ")
                OccurrenceText.appendWhen(occurrence, offsets: personOffsets, to: &output)
            }
            if let location = occurrence.location {
                output.append(literal: "\n    at: ")
                output.append(location)
            }
            if let url = occurrence.onlineMeetingURL {
                output.append(literal: "\n    online: ")
                output.append(url.absoluteString)
            }
            output.writeIfFull()
        }
        return output
    }

    /// What every occurrence of a series repeats, as bytes, with the offsets of its zone.
    /// A class, so that looking it up per occurrence retains one reference, not each field.
    private final class SeriesLines {
        /// `  Title (id)`, after the time.
        let titleAndID: [UInt8]
        /// `\n    zone: Zone/Name`.
        let zoneLine: [UInt8]
        let zoneName: String
        let offsets: ZoneOffsetTable

        init(_ series: MeetingSeries, years: ClosedRange<Int>) {
            titleAndID = Array("  \(series.title) (\(series.id))".utf8)
            zoneName = series.timeZone.identifier
            zoneLine = Array("\n    zone: \(zoneName)".utf8)
            offsets = ZoneOffsetTable.shared(for: series.timeZone, covering: years)
        }
    }
}
