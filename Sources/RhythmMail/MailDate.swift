import Foundation

/// The `Date` header (RFC 5322 §3.3), including the obsolete forms still seen in the wild:
/// no day name, two-digit years, seconds left out, zone names (`GMT`, `UT`, `EST`, ...),
/// comments after the zone (`+0000 (UTC)`) and runs of spaces.
enum MailDate {
    static func parse(_ raw: String) -> Date? {
        var text = raw
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        if let comma = text.firstIndex(of: ",") { text = String(text[text.index(after: comma)...]) }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 4, let day = Int(words[0]), let month = month(words[1]),
            var year = Int(words[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let time = words[3].split(separator: ":").map { Int($0) }
        guard time.count >= 2, time.count <= 3, let hour = time[0], let minute = time[1] else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second else { return nil }
        let offset = words.count >= 5 ? zoneOffset(words[4]) : 0
        guard let offset else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            let local = calendar.date(from: components)
        else { return nil }
        return local.addingTimeInterval(TimeInterval(-offset))
    }

    private static func month(_ word: Substring) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex(of: word.prefix(3).lowercased()).map { $0 + 1 }
    }

    /// The zone's offset from UTC in seconds; unknown military zones count as UTC (RFC 5322 §4.3).
    private static func zoneOffset(_ word: Substring) -> Int? {
        if let sign = word.first, sign == "+" || sign == "-" {
            let digits = word.dropFirst()
            guard digits.count == 4, let value = Int(digits) else { return nil }
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        let named: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6,
            "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
        ]
        return (named[word.lowercased()] ?? 0) * 3600
    }
}
