import Foundation
import RhythmCore

/// What a series' `rule:` may ask for beyond RFC 5545, and advice about rules that calendars
/// read differently.
///
/// Meetings recur at most daily. RFC 5545 also allows rules that repeat every hour, minute or
/// second, or at many times of day; one such line would make every expansion of the series
/// (`check`, each feed, each reminder run) produce millions of meetings. So a series' rule
/// names at most one time of day, and `rhythm preview` is where such rules can still be tried.
extension ConfigurationDecoder {
    /// Refuses a rule that meets more often than daily; false when it did.
    func checkMeetingFrequency(_ parsed: ParsedRule, at value: ConfigValue) -> Bool {
        let rule = parsed.rule
        var allowed = true
        if [.secondly, .minutely, .hourly].contains(rule.frequency) {
            let unit = rule.frequency == .secondly ? "second" : rule.frequency == .minutely ? "minute" : "hour"
            log.error(
                "FREQ=\(rule.frequency.rawValue) repeats the meeting every \(unit), but meetings recur at most "
                    + "daily, so a series' rule is DAILY, WEEKLY, MONTHLY or YEARLY: write FREQ=DAILY for every "
                    + "day (the time of day comes from start:), and try other rules with rhythm preview",
                at: value.mark, path: value.path,
                columnOffset: column(of: Self.offset(of: "FREQ", in: parsed.text), in: value))
            allowed = false
        }
        let timeParts = [("BYHOUR", rule.byHour), ("BYMINUTE", rule.byMinute), ("BYSECOND", rule.bySecond)]
        for (name, values) in timeParts where values.count > 1 {
            log.error(
                "\(name) has \(values.count) values, which would hold the meeting \(values.count) times a day, but "
                    + "meetings recur at most daily: keep one value, and make a series of its own for each other "
                    + "time of day",
                at: value.mark, path: value.path,
                columnOffset: column(of: Self.offset(of: name, in: parsed.text), in: value))
            allowed = false
        }
        return allowed
    }

    /// Warns about parts that calendars read differently from RFC 5545 and Rhythm.
    func adviseOnRule(_ parsed: ParsedRule, start: LocalDateTime, at value: ConfigValue) {
        let rule = parsed.rule
        if !rule.byWeekNumber.isEmpty, rule.byDay.isEmpty, rule.byMonthDay.isEmpty, rule.byYearDay.isEmpty {
            let weekday = start.date.weekday
            log.warning(
                "BYWEEKNO without BYDAY: Rhythm holds the meeting on the \(weekday.name) of each week named (the "
                    + "start's weekday, as RFC 5545 and libical read it), but some calendars show every day of those "
                    + "weeks; add BYDAY=\(weekday.rawValue) to say so",
                at: value.mark, path: value.path,
                columnOffset: column(of: Self.offset(of: "BYWEEKNO", in: parsed.text), in: value))
        }
        if let reason = rule.outlookMovedMonthDays(from: start) {
            log.warning(
                "\(reason). To meet on the last day of every month write BYMONTHDAY=-1; otherwise choose a day "
                    + "every month has",
                at: value.mark, path: value.path)
        }
    }

    /// A series' `start:`: a local date-time no earlier than 1970.
    ///
    /// Every expansion counts from the start (COUNT and BYSETPOS need it to), and stops after
    /// `RecurrenceSequence.Limits.maximumOccurrences`; from 1970 a daily series stays within
    /// that bound for more than two centuries.
    func seriesStart(_ value: ConfigValue) -> LocalDateTime? {
        guard let start = dateTime(value) else { return nil }
        guard start.date.year >= 1970 else {
            log.error(
                "a series starting in \(start.date.year) is too early: Rhythm plans meetings from 1970 on; give the "
                    + "date of the first meeting that still matters, such as the next one",
                at: value.mark, path: value.path)
            return nil
        }
        return start
    }

    /// Where a part's name starts in the rule text, counted in Unicode scalars as the parser counts.
    static func offset(of part: String, in text: String) -> Int {
        guard let range = text.range(of: part, options: .caseInsensitive) else { return 0 }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    }
}
