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
        let start = zone.wallClock(at: occurrence.start)
        let end = zone.wallClock(at: occurrence.end)
        let endText = end.date == start.date ? hourMinute(end.time) : "\(end.date) \(hourMinute(end.time))"
        let startOffset = zone.offsetText(at: occurrence.start)
        let endOffset = zone.offsetText(at: occurrence.end)
        guard endOffset == startOffset else {
            return "\(dayAndDate(start.date)) \(hourMinute(start.time)) \(startOffset)–\(endText) \(endOffset)"
        }
        return "\(dayAndDate(start.date)) \(hourMinute(start.time))–\(endText) \(startOffset)"
    }

    /// ` [cancelled: reason]`, ` [moved from Tue 2027-03-09 10:00: reason]`, or nothing.
    static func statusSuffix(_ occurrence: Occurrence) -> String {
        switch occurrence.status {
        case .scheduled:
            return ""
        case .moved(let from, let reason):
            let origin = "moved from \(dayAndDate(from.date)) \(hourMinute(from.time))"
            return " [\([origin, reason].compactMap { $0 }.joined(separator: ": "))]"
        case .cancelled(let reason):
            return " [\(["cancelled", reason].compactMap { $0 }.joined(separator: ": "))]"
        case .skipped(let reason):
            return " [\(["skipped", reason].compactMap { $0 }.joined(separator: ": "))]"
        }
    }

    /// `Tue 2026-12-08`.
    static func dayAndDate(_ date: LocalDate) -> String {
        "\(date.weekday.name.prefix(3)) \(date)"
    }

    /// `10:00`, or `10:00:30` when the seconds matter.
    static func hourMinute(_ time: LocalTime) -> String {
        let text = time.description
        return time.second == 0 ? String(text.prefix(5)) : text
    }
}
