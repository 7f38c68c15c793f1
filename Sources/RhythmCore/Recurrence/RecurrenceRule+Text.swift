extension RecurrenceRule {
    /// Parses an RRULE value such as `FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU`, with or without a leading
    /// `RRULE:`, ignoring the case of names and values.
    ///
    /// Rules come from configuration files written by people, so this reports every problem in
    /// the text at once, each with the offset of the part at fault, and enforces the RFC 5545
    /// rules on which parts combine with which frequency.
    public init(parsing text: String) throws(RecurrenceRuleError) {
        var parser = RecurrenceRuleParser(text: text)
        self = try parser.parse()
    }

    /// The rule as RFC 5545 text, in the canonical part order (FREQ, INTERVAL, COUNT or UNTIL,
    /// BYSECOND through BYSETPOS, WKST), leaving out INTERVAL=1 and WKST=MO.
    ///
    /// Storing and exporting rules in one canonical form makes them comparable as text and
    /// parses back to an equal rule.
    public var rfc5545Text: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        switch end {
        case .never: break
        case .count(let count): parts.append("COUNT=\(count)")
        case .until(let until): parts.append("UNTIL=\(Self.text(for: until))")
        }
        let lists: [(String, [Int])] = [("BYSECOND", bySecond), ("BYMINUTE", byMinute), ("BYHOUR", byHour)]
        for (name, values) in lists where !values.isEmpty {
            parts.append("\(name)=\(values.map(String.init).joined(separator: ","))")
        }
        if !byDay.isEmpty {
            let days = byDay.map { entry in
                entry.ordinal.map { "\($0)\(entry.weekday.rawValue)" } ?? entry.weekday.rawValue
            }
            parts.append("BYDAY=\(days.joined(separator: ","))")
        }
        let dayLists: [(String, [Int])] = [
            ("BYMONTHDAY", byMonthDay), ("BYYEARDAY", byYearDay), ("BYWEEKNO", byWeekNumber), ("BYMONTH", byMonth),
            ("BYSETPOS", bySetPosition),
        ]
        for (name, values) in dayLists where !values.isEmpty {
            parts.append("\(name)=\(values.map(String.init).joined(separator: ","))")
        }
        if weekStart != .monday { parts.append("WKST=\(weekStart.rawValue)") }
        return parts.joined(separator: ";")
    }

    /// UNTIL in the RFC 5545 DATE, local DATE-TIME or UTC DATE-TIME form.
    private static func text(for until: Until) -> String {
        switch until {
        case .date(let date): basicText(date)
        case .local(let reading): basicText(reading)
        case .utc(let reading): basicText(reading) + "Z"
        }
    }

    private static func basicText(_ date: LocalDate) -> String {
        ISO8601Digits.pad(date.year, 4) + ISO8601Digits.pad(date.month, 2) + ISO8601Digits.pad(date.day, 2)
    }

    private static func basicText(_ reading: LocalDateTime) -> String {
        let time = reading.time
        return basicText(reading.date) + "T" + ISO8601Digits.pad(time.hour, 2) + ISO8601Digits.pad(time.minute, 2)
            + ISO8601Digits.pad(time.second, 2)
    }
}
