/// Reads an RRULE value, collecting every problem instead of stopping at the first, so that a
/// person editing a configuration file sees all their mistakes at once.
struct RecurrenceRuleParser {
    /// One `NAME=VALUE` part as written, with where it starts.
    private struct Part {
        var name: String
        var value: String
        var offset: Int
    }

    /// Part names in the canonical order RFC 5545 lists them.
    static let partNames = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]

    private static let weekdayAdvice =
        "use MO, TU, WE, TH, FR, SA or SU, optionally preceded by an ordinal such as 2TU or -1FR"

    private let text: String
    private var problems: [RecurrenceRuleError.Problem] = []
    private var parts: [String: Part] = [:]
    private var isEmpty = false
    /// Every known part name written so far, valid or not, to catch repeats.
    private var seenNames: Set<String> = []

    init(text: String) {
        self.text = text
    }

    /// The rule, or every problem found in the text.
    mutating func parse() throws(RecurrenceRuleError) -> RecurrenceRule {
        split()
        let frequency = parseFrequency()
        let interval = parseCount("INTERVAL", example: "INTERVAL=2") ?? 1
        let end = parseEnd()
        let bySecond = parseIntegers("BYSECOND", range: 0...60, advice: "use a second from 0 to 60")
        let byMinute = parseIntegers("BYMINUTE", range: 0...59, advice: "use a minute from 0 to 59")
        let byHour = parseIntegers("BYHOUR", range: 0...23, advice: "use an hour from 0 to 23")
        let byDay = parseByDay(frequency: frequency)
        let byMonthDay = parseIntegers(
            "BYMONTHDAY", range: -31...31,
            advice: "use 1 to 31, or -1 to -31 to count from the end of the month (-1 is the last day)")
        let byYearDay = parseIntegers(
            "BYYEARDAY", range: -366...366,
            advice: "use 1 to 366, or -1 to -366 to count from the end of the year (-1 is 31 December)")
        let byWeekNumber = parseIntegers(
            "BYWEEKNO", range: -53...53,
            advice: "use a week from 1 to 53, or -1 to -53 to count from the end of the year")
        let byMonth = parseIntegers("BYMONTH", range: 1...12, advice: "use a month from 1 (January) to 12 (December)")
        let bySetPosition = parseIntegers(
            "BYSETPOS", range: -366...366,
            advice: "use 1 to 366, or -1 to -366 to count from the end of each period's set (-1 is the last)")
        let weekStart = parseWeekStart()
        if let frequency {
            checkCombinations(frequency: frequency, byDay: byDay)
        }
        checkSetPosition()
        guard problems.isEmpty, let frequency else {
            throw RecurrenceRuleError(problems: problems.sorted { $0.offset < $1.offset })
        }
        return RecurrenceRule(
            frequency: frequency, interval: interval, end: end, bySecond: bySecond, byMinute: byMinute,
            byHour: byHour, byDay: byDay, byMonthDay: byMonthDay, byYearDay: byYearDay,
            byWeekNumber: byWeekNumber, byMonth: byMonth, bySetPosition: bySetPosition, weekStart: weekStart)
    }

    // MARK: - Splitting

    /// Splits the text into parts, reporting empty, nameless, unknown and repeated ones.
    private mutating func split() {
        let characters = Self.characters(of: text)
        var start = 0
        if characters.count >= 6, String(characters[0..<6]).uppercased() == "RRULE:" {
            start = 6
        }
        var end = characters.count
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        // A single trailing semicolon is harmless and some generators write one.
        if end > start, characters[end - 1] == ";" { end -= 1 }
        guard end > start else {
            isEmpty = true
            report(nil, at: start, "the rule is empty; it needs at least FREQ, for example FREQ=WEEKLY;BYDAY=TU")
            return
        }
        var segmentStart = start
        for index in start...end where index == end || characters[index] == ";" {
            splitPart(characters, from: segmentStart, to: index)
            segmentStart = index + 1
        }
    }

    /// The text as characters. A rule in ASCII (every rule in practice) is read byte by byte,
    /// without the grapheme breaking of `Array(text)`, which showed in every command's start.
    private static func characters(of text: String) -> [Character] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(text) }
        return text.utf8.map { Character(Unicode.Scalar($0)) }
    }

    private mutating func splitPart(_ characters: [Character], from start: Int, to end: Int) {
        var first = start
        var last = end
        while first < last, characters[first].isWhitespace { first += 1 }
        while last > first, characters[last - 1].isWhitespace { last -= 1 }
        guard first < last else {
            report(nil, at: start, "there is an empty part between two semicolons; remove the extra \";\"")
            return
        }
        let segment = characters[first..<last]
        guard let equals = segment.firstIndex(of: "=") else {
            let written = String(segment)
            let name = written.uppercased()
            report(
                Self.partNames.contains(name) ? name : nil, at: first,
                "\"\(written)\" has no value; every part is written NAME=VALUE, for example FREQ=WEEKLY")
            return
        }
        let name = String(characters[first..<equals]).trimmingWhitespace().uppercased()
        let value = String(characters[(equals + 1)..<last]).trimmingWhitespace()
        guard Self.partNames.contains(name) else {
            reportUnknown(name, at: first)
            return
        }
        guard seenNames.insert(name).inserted else {
            report(
                name, at: first,
                "\(name) is given twice; keep one \(name) part and list all its values in it, separated by commas")
            return
        }
        if value.isEmpty {
            report(
                name, at: first, "\(name) has no value after \"=\"; write a value, for example \(example(for: name))")
            return
        }
        parts[name] = Part(name: name, value: value, offset: first)
    }

    private mutating func reportUnknown(_ name: String, at offset: Int) {
        let shown = name.isEmpty ? "an empty name" : "\"\(name)\""
        let part = name.isEmpty ? nil : name
        if let suggestion = Self.closestPartName(to: name) {
            report(part, at: offset, "\(shown) is not a recurrence rule part; did you mean \(suggestion)?")
        } else {
            let names = Self.partNames.joined(separator: ", ")
            report(part, at: offset, "\(shown) is not a recurrence rule part; use one of \(names)")
        }
    }

    /// Names that other recurrence libraries give to a part, mapped to the RFC 5545 part.
    ///
    /// Spelling alone answers `BYWEEKDAY` (python-dateutil's name for BYDAY) with BYYEARDAY,
    /// which is one letter closer but means something else entirely.
    private static let partAliases = [
        "BYWEEKDAY": "BYDAY", "BYWEEKDAYS": "BYDAY", "WEEKDAY": "BYDAY", "WEEKDAYS": "BYDAY", "BYDAYS": "BYDAY",
    ]

    /// The valid part name a typo most likely meant, if one is close enough to be a useful guess.
    static func closestPartName(to name: String) -> String? {
        guard !name.isEmpty else { return nil }
        return partAliases[name.uppercased()] ?? Suggestion.closest(to: name, in: partNames)
    }

    // MARK: - Values

    private mutating func parseFrequency() -> RecurrenceRule.Frequency? {
        guard let part = parts["FREQ"] else {
            // An empty rule has been reported as such already.
            guard !isEmpty else { return nil }
            report(
                "FREQ", at: 0,
                "FREQ is missing; every rule needs one, for example FREQ=WEEKLY to repeat every week")
            return nil
        }
        if let frequency = RecurrenceRule.Frequency(rawValue: part.value.uppercased()) {
            return frequency
        }
        report(
            "FREQ", at: part.offset,
            "FREQ: \"\(part.value)\" is not a frequency; use SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY "
                + "or YEARLY")
        return nil
    }

    /// INTERVAL or COUNT: a whole number of at least 1.
    private mutating func parseCount(_ name: String, example: String) -> Int? {
        guard let part = parts[name] else { return nil }
        guard let number = Int(part.value) else {
            report(
                name, at: part.offset, "\(name): \"\(part.value)\" is not a whole number; write digits, e.g. \(example)"
            )
            return nil
        }
        guard number >= 1 else {
            report(name, at: part.offset, "\(name): \"\(part.value)\" is out of range; use a whole number of 1 or more")
            return nil
        }
        return number
    }

    private mutating func parseEnd() -> RecurrenceRule.End {
        let count = parseCount("COUNT", example: "COUNT=10")
        let until = parseUntil()
        if let countPart = parts["COUNT"], let untilPart = parts["UNTIL"] {
            let later = countPart.offset > untilPart.offset ? countPart : untilPart
            report(
                later.name, at: later.offset,
                "COUNT and UNTIL cannot both be given; keep COUNT to stop after a number of occurrences, "
                    + "or UNTIL to stop at a date")
        }
        if let count { return .count(count) }
        if let until { return .until(until) }
        return .never
    }

    private mutating func parseUntil() -> RecurrenceRule.Until? {
        guard let part = parts["UNTIL"] else { return nil }
        let value = part.value.uppercased()
        let characters = Array(value)
        let allDigits = { (range: Range<Int>) in characters[range].allSatisfy { $0.isASCII && $0.isNumber } }
        if characters.count == 8, allDigits(0..<8), let date = LocalDate(iso: value) {
            return .date(date)
        }
        if characters.count == 15 || characters.count == 16, characters[8] == "T", allDigits(0..<8),
            allDigits(9..<15), characters.count == 15 || characters[15] == "Z",
            let date = LocalDate(iso: String(characters[0..<8])),
            let time = LocalTime(iso: String(characters[9..<15]))
        {
            let reading = LocalDateTime(date: date, time: time)
            return characters.count == 16 ? .utc(reading) : .local(reading)
        }
        report(
            "UNTIL", at: part.offset,
            "UNTIL: \"\(part.value)\" is not a date; write YYYYMMDD (20271231), a local time YYYYMMDDTHHMMSS "
                + "(20271231T235959) or a UTC time YYYYMMDDTHHMMSSZ (20271231T235959Z), using a real date and time")
        return nil
    }

    private mutating func parseIntegers(_ name: String, range: ClosedRange<Int>, advice: String) -> [Int] {
        guard let part = parts[name] else { return [] }
        var numbers: [Int] = []
        for item in part.value.split(separator: ",", omittingEmptySubsequences: false) {
            let item = String(item).trimmingWhitespace()
            guard !item.isEmpty else {
                report(name, at: part.offset, "\(name) has an empty value between commas; remove the extra \",\"")
                continue
            }
            guard let number = Int(item) else {
                report(name, at: part.offset, "\(name): \"\(item)\" is not a whole number; \(advice)")
                continue
            }
            guard range.contains(number), number != 0 || range.lowerBound == 0 else {
                report(name, at: part.offset, "\(name): \"\(item)\" is out of range; \(advice)")
                continue
            }
            numbers.append(number)
        }
        return numbers
    }

    private mutating func parseByDay(frequency: RecurrenceRule.Frequency?) -> [RecurrenceRule.WeekdayOccurrence] {
        guard let part = parts["BYDAY"] else { return [] }
        var entries: [RecurrenceRule.WeekdayOccurrence] = []
        for item in part.value.split(separator: ",", omittingEmptySubsequences: false) {
            let item = String(item).trimmingWhitespace()
            guard !item.isEmpty else {
                report("BYDAY", at: part.offset, "BYDAY has an empty value between commas; remove the extra \",\"")
                continue
            }
            guard item.count >= 2, let weekday = Weekday(rawValue: String(item.suffix(2)).uppercased()) else {
                report("BYDAY", at: part.offset, "BYDAY: \"\(item)\" is not a weekday; \(Self.weekdayAdvice)")
                continue
            }
            let ordinalText = String(item.dropLast(2))
            guard !ordinalText.isEmpty else {
                entries.append(.init(weekday))
                continue
            }
            guard let ordinal = Int(ordinalText) else {
                report("BYDAY", at: part.offset, "BYDAY: \"\(item)\" is not a weekday; \(Self.weekdayAdvice)")
                continue
            }
            let limit = frequency == .monthly ? 5 : 53
            guard ordinal != 0, abs(ordinal) <= limit else {
                let scope =
                    frequency == .monthly
                    ? "a month has at most 5 of each weekday; use 1 to 5, or -1 to -5"
                    : "use 1 to 53, or -1 to -53"
                report(
                    "BYDAY", at: part.offset,
                    "BYDAY: the ordinal in \"\(item)\" is out of range; \(scope) to count from the end "
                        + "(-1\(weekday.rawValue) is the last \(weekday.name))")
                continue
            }
            entries.append(.init(weekday, ordinal: ordinal))
        }
        return entries
    }

    private mutating func parseWeekStart() -> Weekday {
        guard let part = parts["WKST"] else { return .monday }
        if let weekday = Weekday(rawValue: part.value.uppercased()) { return weekday }
        report(
            "WKST", at: part.offset,
            "WKST: \"\(part.value)\" is not a weekday; use MO, TU, WE, TH, FR, SA or SU for the day weeks start on")
        return .monday
    }

    // MARK: - Combinations

    /// The RFC 5545 rules about which parts may appear with which frequency.
    private mutating func checkCombinations(
        frequency: RecurrenceRule.Frequency, byDay: [RecurrenceRule.WeekdayOccurrence]
    ) {
        let freq = "FREQ=\(frequency.rawValue)"
        if let part = parts["BYWEEKNO"], frequency != .yearly {
            report(
                "BYWEEKNO", at: part.offset,
                "BYWEEKNO only works with FREQ=YEARLY, not \(freq); remove BYWEEKNO or change FREQ to YEARLY")
        }
        if let part = parts["BYYEARDAY"], [.daily, .weekly, .monthly].contains(frequency) {
            report(
                "BYYEARDAY", at: part.offset,
                "BYYEARDAY cannot be used with \(freq); use FREQ=YEARLY, or pick days with BYMONTHDAY or BYDAY")
        }
        if let part = parts["BYMONTHDAY"], frequency == .weekly {
            report(
                "BYMONTHDAY", at: part.offset,
                "BYMONTHDAY cannot be used with FREQ=WEEKLY; pick weekdays with BYDAY, or use FREQ=MONTHLY to pick "
                    + "days of the month")
        }
        guard let part = parts["BYDAY"], let ordinal = byDay.first(where: { $0.ordinal != nil }) else { return }
        let written = "\(ordinal.ordinal ?? 0)\(ordinal.weekday.rawValue)"
        if frequency != .monthly && frequency != .yearly {
            report(
                "BYDAY", at: part.offset,
                "BYDAY: \"\(written)\" has an ordinal, which only works with FREQ=MONTHLY or FREQ=YEARLY, not \(freq); "
                    + "write \(ordinal.weekday.rawValue) for every \(ordinal.weekday.name), or change FREQ")
        } else if frequency == .yearly, parts["BYWEEKNO"] != nil {
            report(
                "BYDAY", at: part.offset,
                "BYDAY: \"\(written)\" has an ordinal, which cannot be combined with BYWEEKNO; write "
                    + "\(ordinal.weekday.rawValue) for the \(ordinal.weekday.name) of the chosen weeks")
        }
    }

    private mutating func checkSetPosition() {
        guard let part = parts["BYSETPOS"] else { return }
        let others = ["BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH"]
        guard !others.contains(where: { parts[$0] != nil }) else { return }
        report(
            "BYSETPOS", at: part.offset,
            "BYSETPOS picks from the set that other BY parts build, but there are none; add one such as BYDAY or "
                + "BYMONTHDAY, or remove BYSETPOS")
    }

    // MARK: - Helpers

    private mutating func report(_ part: String?, at offset: Int, _ message: String) {
        problems.append(.init(part: part, offset: offset, message: message))
    }

    private func example(for name: String) -> String {
        switch name {
        case "FREQ": "FREQ=WEEKLY"
        case "INTERVAL": "INTERVAL=2"
        case "COUNT": "COUNT=10"
        case "UNTIL": "UNTIL=20271231"
        case "BYDAY": "BYDAY=MO,WE"
        case "WKST": "WKST=SU"
        case "BYMONTH": "BYMONTH=1,7"
        case "BYHOUR": "BYHOUR=9"
        default: "\(name)=1"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs or line breaks.
    fileprivate func trimmingWhitespace() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters = characters.dropFirst() }
        while characters.last?.isWhitespace == true { characters = characters.dropLast() }
        return String(characters)
    }
}
