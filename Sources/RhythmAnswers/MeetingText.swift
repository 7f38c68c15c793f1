import Foundation
import RhythmCore

/// How meetings, dates and numbers read on the answer pages: in words, on the clocks of the
/// person reading.
enum MeetingText {
    /// `Tuesday 9 February 2027, 10:00–11:00 (Europe/London)`, in `zone`.
    static func when(_ occurrence: Occurrence, in zone: TimeZone) -> String {
        let start = zone.wallClock(at: occurrence.start)
        let end = zone.wallClock(at: occurrence.end)
        let endText = end.date == start.date ? clock(end.time) : "\(day(end.date)) \(clock(end.time))"
        return "\(day(start.date)), \(clock(start.time))–\(endText) (\(zone.identifier))"
    }

    /// `Tuesday 9 February 2027`.
    static func day(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(date.monthName) \(date.year)"
    }

    /// `10:05`.
    static func clock(_ time: LocalTime) -> String {
        String(format: "%02d:%02d", time.hour, time.minute)
    }

    /// The meeting's place and online link, when it has them.
    static func place(_ occurrence: Occurrence) -> String? {
        let parts = [occurrence.location, occurrence.onlineMeetingURL?.absoluteString].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `42` rather than `42.0`; other values as Swift prints them.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Reads a number as people type it: `91.4`, `91,4`, ` 48 `; nil for anything else.
    static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let normalised = trimmed.contains(".") ? trimmed : trimmed.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    /// The words for an attendance answer.
    static func response(_ response: Attendance.Response) -> String {
        switch response {
        case .attending: "I'll be there"
        case .tentative: "maybe"
        case .apologies: "apologies"
        }
    }

    /// The words for an action's status.
    static func status(_ status: Action.Status) -> String {
        switch status {
        case .open: "open"
        case .inProgress: "in progress"
        case .blocked: "blocked"
        case .done: "done"
        case .dropped: "dropped"
        }
    }
}
