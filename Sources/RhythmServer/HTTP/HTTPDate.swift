import Foundation

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out, and all three historic forms in.
enum HTTPDate {
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// Formats `date` as an IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = dayNames[(parts.weekday ?? 1) - 1]
        let month = monthNames[(parts.month ?? 1) - 1]
        return "\(day), \(padded(parts.day)) \(month) \(padded(parts.year, width: 4)) "
            + "\(padded(parts.hour)):\(padded(parts.minute)):\(padded(parts.second)) GMT"
    }

    /// Parses an IMF-fixdate, an RFC 850 date or an asctime date; nil for anything else, which
    /// RFC 9110 says a conditional request must then ignore.
    static func parse(_ text: String) -> Date? {
        let separators: Set<Character> = [" ", ",", "-", ":"]
        let tokens = text.split { separators.contains($0) }.map(String.init)
        let day: Int?
        let month: Int?
        var year: Int?
        let time: ArraySlice<String>
        switch tokens.count {
        case 8 where tokens[7] == "GMT":
            // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" or RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT"
            (day, month, year, time) = (
                Int(tokens[1]), monthNames.firstIndex(of: tokens[2]), Int(tokens[3]), tokens[4...6]
            )
            if tokens[3].count == 2, let twoDigitYear = year {
                year = twoDigitYear + (twoDigitYear < 70 ? 2000 : 1900)
            }
        case 7:
            // asctime "Sun Nov  6 08:49:37 1994"
            (day, month, year, time) = (
                Int(tokens[2]), monthNames.firstIndex(of: tokens[1]), Int(tokens[6]), tokens[3...5]
            )
        default:
            return nil
        }
        let clock = time.compactMap { Int($0) }
        guard let day, let month, let year, clock.count == 3 else {
            return nil
        }
        let parts = DateComponents(
            year: year,
            month: month + 1,
            day: day,
            hour: clock[0],
            minute: clock[1],
            second: clock[2]
        )
        guard parts.isValidDate(in: calendar) else {
            return nil
        }
        return calendar.date(from: parts)
    }
}
