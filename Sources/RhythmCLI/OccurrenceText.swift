import Foundation
import RhythmCore

/// How occurrences read in a terminal: short, aligned, and always with the UTC offset, so
/// that nobody has to guess which zone a time is in.
enum OccurrenceText {
    /// `Tue 2026-12-08 10:00–12:00 +11:00`, in the series' own zone.
    static func when(_ occurrence: Occurrence) -> String {
        when(occurrence, in: occurrence.timeZone)
    }

    /// The same, read on the clocks of `zone`. When the clocks change during the meeting, the
    /// end has its own offset: `Sun 2027-04-04 02:30 +11:00–02:30 +10:00` is an hour long.
    static func when(_ occurrence: Occurrence, in zone: TimeZone) -> String {
        var output = OutputBuffer()
        let startYear = occurrence.localStart.date.year
        appendWhen(occurrence, offsets: .shared(for: zone, covering: startYear...startYear), to: &output)
        return output.string
    }

    /// Writes `when(_:in:)` for the zone of `offsets` to `output`.
    static func appendWhen(_ occurrence: Occurrence, offsets: ZoneOffsetTable, to output: inout OutputBuffer) {
        let startSecond = Int(occurrence.start.timeIntervalSince1970.rounded(.down))
        let endSecond = Int(occurrence.end.timeIntervalSince1970.rounded(.down))
        let startOffset = offsets.offsetSeconds(at: startSecond)
        let endOffset = offsets.offsetSeconds(at: endSecond)
        let start = LocalDateTime(secondsSinceEpoch: startSecond + startOffset)
        let end = LocalDateTime(secondsSinceEpoch: endSecond + endOffset)
        appendDayAndDate(start.date, to: &output)
        output.append(byte: UInt8(ascii: " "))
        appendHourMinute(start.time, to: &output)
        // Offsets are compared as they are written, to the minute.
        if (startOffset < 0, abs(startOffset) / 60) != (endOffset < 0, abs(endOffset) / 60) {
            output.append(byte: UInt8(ascii: " "))
            output.append(offsetSeconds: startOffset)
        }
        output.append("–")
        if end.date != start.date {
            output.append(end.date)
            output.append(byte: UInt8(ascii: " "))
        }
        appendHourMinute(end.time, to: &output)
        output.append(byte: UInt8(ascii: " "))
        output.append(offsetSeconds: endOffset)
    }

    /// ` [cancelled: reason]`, ` [moved from Tue 2027-03-09 10:00: reason]`, or nothing.
    static func statusSuffix(_ occurrence: Occurrence) -> String {
        var output = OutputBuffer()
        appendStatusSuffix(occurrence, to: &output)
        return output.string
    }

    /// Writes `statusSuffix(_:)` to `output`.
    static func appendStatusSuffix(_ occurrence: Occurrence, to output: inout OutputBuffer) {
        let reason: String?
        switch occurrence.status {
        case .scheduled:
            return
        case .moved(let from, let why):
            output.append(" [moved from ")
            appendDayAndDate(from.date, to: &output)
            output.append(byte: UInt8(ascii: " "))
            appendHourMinute(from.time, to: &output)
            reason = why
        case .cancelled(let why):
            output.append(" [cancelled")
            reason = why
        case .skipped(let why):
            output.append(" [skipped")
            reason = why
        }
        if let reason {
            output.append(": ")
            output.append(reason)
        }
        output.append(byte: UInt8(ascii: "]"))
    }

    /// `Tue 2026-12-08`.
    static func dayAndDate(_ date: LocalDate) -> String {
        var output = OutputBuffer()
        appendDayAndDate(date, to: &output)
        return output.string
    }

    /// Writes `dayAndDate(_:)` to `output`.
    static func appendDayAndDate(_ date: LocalDate, to output: inout OutputBuffer) {
        output.append(shortNames[date.weekday.isoIndex])
        output.append(byte: UInt8(ascii: " "))
        output.append(date)
    }

    /// The first three letters of each weekday's name, Monday first.
    private static let shortNames = Weekday.allCases.map { String($0.name.prefix(3)) }

    /// `10:00`, or `10:00:30` when the seconds matter.
    static func hourMinute(_ time: LocalTime) -> String {
        var output = OutputBuffer()
        appendHourMinute(time, to: &output)
        return output.string
    }

    /// Writes `hourMinute(_:)` to `output`.
    static func appendHourMinute(_ time: LocalTime, to output: inout OutputBuffer) {
        if time.second == 0 {
            output.appendHourAndMinute(time)
        } else {
            output.append(time)
        }
    }
}
