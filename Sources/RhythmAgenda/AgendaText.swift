import Foundation
import RhythmCore

/// How dates, times and numbers read on an agenda: spelt out in English, with no locale
/// settings involved, so an agenda renders the same on every server.
enum AgendaText {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `Thursday 27 May 2027`.
    static func longDate(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// `Thu 27 May 2027`.
    static func shortDate(_ date: LocalDate) -> String {
        "\(date.weekday.name.prefix(3)) \(date.day) \(monthNames[date.month - 1].prefix(3)) \(date.year)"
    }

    /// `13:00`, or `13:00:30` when the seconds matter.
    static func time(_ time: LocalTime) -> String {
        let text = time.description
        return time.second == 0 ? String(text.prefix(5)) : text
    }

    /// `Thursday 27 May 2027, 13:00–15:30`; the end carries its date when the meeting runs
    /// past midnight.
    static func span(_ start: LocalDateTime, _ end: LocalDateTime) -> String {
        let endText = end.date == start.date ? time(end.time) : "\(shortDate(end.date)) \(time(end.time))"
        return "\(longDate(start.date)), \(time(start.time))–\(endText)"
    }

    /// `92`, `91.5`, `0.33`: at most two decimals, none when the value is whole.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int(rounded))
        }
        return String(rounded)
    }

    /// `92%` or `120 young people`.
    static func quantity(_ value: Double, unit: String) -> String {
        let text = number(value)
        if unit.isEmpty { return text }
        return unit == "%" ? "\(text)%" : "\(text) \(unit)"
    }

    /// `1 day`, `3 days`.
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
