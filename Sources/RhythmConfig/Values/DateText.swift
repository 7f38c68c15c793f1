import RhythmCore

/// Explanations of why a date or local date-time could not be read, naming the actual
/// mistake (a day that does not exist, a zone where none belongs) rather than just the form.
enum DateText {
    static func problem(date text: String) -> String {
        if let reason = impossibleDay(in: text) {
            return "\"\(text)\" is not a real date: \(reason)"
        }
        if text.contains("T") || text.contains(":") {
            return "\"\(text)\" has a time, but only a date belongs here; write it like 2027-04-06"
        }
        return "\"\(text)\" is not a date; write it as YYYY-MM-DD, like 2027-04-06"
    }

    static func problem(dateTime text: String) -> String {
        if text.hasSuffix("Z") || text.hasSuffix("z") || hasOffset(text) {
            return "\"\(text)\" names a time zone or UTC offset, but this is a local date-time: "
                + "leave the zone off (like 2027-04-06T10:00) and set time_zone instead"
        }
        if let reason = impossibleDay(in: text) {
            return "\"\(text)\" is not a real date: \(reason)"
        }
        if LocalDate(iso: text) != nil {
            return "\"\(text)\" has no time of day; write it like \(text)T10:00"
        }
        return "\"\(text)\" is not a local date-time; write it as YYYY-MM-DDTHH:MM, like 2027-04-06T10:00"
    }

    private static func hasOffset(_ text: String) -> Bool {
        guard let timeStart = text.firstIndex(where: { $0 == "T" || $0 == " " }) else { return false }
        return text[timeStart...].contains { $0 == "+" || $0 == "-" }
    }

    /// Why `YYYY-MM-DD…` names no day, when its numbers are well formed but out of range.
    private static func impossibleDay(in text: String) -> String? {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let days = LocalDate.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return "\(monthNames[month - 1]) \(year) has \(days) days"
        }
        return nil
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
