/// A DURATION value (RFC 5545 §3.3.6): `PT1H30M`, `P1D`, `-PT15M`, `P2W`.
///
/// Days and clock time are kept apart because RFC 5545 makes them different things: `P1D`
/// is one calendar day (23 or 25 hours across a DST change) while `PT24H` is exactly 24 hours.
/// The name avoids clashing with the standard library's `Duration`.
public struct DurationValue: Hashable, Sendable {
    /// Whether the duration points backwards, as a reminder 15 minutes before a start does.
    public let isNegative: Bool
    /// Whole calendar days; written as weeks when a multiple of 7 with no clock time.
    public let days: Int
    /// Exact seconds of clock time.
    public let seconds: Int

    /// Creates a duration from its parts; negative parts are folded into `negative` so that the
    /// text always has one leading sign, the only form RFC 5545 allows.
    public init(
        weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0, negative: Bool = false
    ) {
        let totalDays = weeks * 7 + days
        let totalSeconds = hours * 3600 + minutes * 60 + seconds
        let flips = totalDays < 0 || (totalDays == 0 && totalSeconds < 0)
        self.isNegative = negative != flips
        self.days = abs(totalDays)
        self.seconds = abs(totalSeconds)
    }

    /// The nominal length in seconds, counting a day as 86 400 seconds; negative when negative.
    public var nominalSeconds: Int {
        (days * 86_400 + seconds) * (isNegative ? -1 : 1)
    }

    /// The text of RFC 5545 §3.3.6; an hour with seconds but no minutes is written `PT1H0M5S`
    /// because the grammar only allows seconds after minutes.
    public var rfc5545Text: String {
        let sign = isNegative && (days != 0 || seconds != 0) ? "-" : ""
        if seconds == 0 && days != 0 && days % 7 == 0 { return "\(sign)P\(days / 7)W" }
        var text = "\(sign)P"
        if days != 0 { text += "\(days)D" }
        if seconds != 0 || days == 0 {
            let hours = seconds / 3600
            let minutes = seconds / 60 % 60
            let rest = seconds % 60
            text += "T"
            if hours != 0 { text += "\(hours)H" }
            if minutes != 0 || (hours != 0 && rest != 0) { text += "\(minutes)M" }
            if rest != 0 || seconds == 0 { text += "\(rest)S" }
        }
        return text
    }

    /// Reads a duration, accepting any subset of the parts in their grammar order.
    public init(rfc5545Text text: some StringProtocol) throws(ICalendarError) {
        let original = String(text)
        var rest = Substring(original)
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        var weeks = 0
        var days = 0
        var seconds = 0
        var sawPart = false
        var inTime = false
        var order = 0
        var valid = rest.first == "P"
        rest = rest.dropFirst()
        while valid, !rest.isEmpty {
            if rest.first == "T", !inTime {
                inTime = true
                rest = rest.dropFirst()
                continue
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), let designator = rest.dropFirst(digits.count).first else {
                valid = false
                break
            }
            rest = rest.dropFirst(digits.count + 1)
            let rank: Int
            switch (inTime, designator) {
            case (false, "W"): (rank, weeks) = (1, number)
            case (false, "D"): (rank, days) = (2, number)
            case (true, "H"): (rank, seconds) = (3, seconds + number * 3600)
            case (true, "M"): (rank, seconds) = (4, seconds + number * 60)
            case (true, "S"): (rank, seconds) = (5, seconds + number)
            default: (rank, valid) = (0, false)
            }
            // Weeks stand alone in the grammar (dur-week), so nothing may follow them.
            valid = valid && rank > order
            order = designator == "W" ? 6 : rank
            sawPart = true
        }
        guard valid, sawPart, !inTime || order >= 3 else {
            throw ICalendarError(
                code: .invalidValue, line: nil, message: "expected a DURATION such as PT1H30M, found '\(original)'")
        }
        self.init(weeks: weeks, days: days, seconds: seconds, negative: negative)
    }
}
