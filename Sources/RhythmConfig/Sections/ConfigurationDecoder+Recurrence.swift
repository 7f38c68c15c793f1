import Foundation
import RhythmCore
import Yams

/// The `rule:` of a series, and the checks that need its occurrences.
extension ConfigurationDecoder {
    /// A parsed rule, or nil inside when the text could not be parsed (already reported).
    struct ParsedRule: Equatable {
        var rule: RecurrenceRule
        var text: String
    }

    /// Parses the RRULE, reporting each problem at the column of the part at fault, and
    /// refuses rules that meet more than once a day.
    func recurrenceRule(_ value: ConfigValue) -> ParsedRule? {
        guard let text = text(value) else { return nil }
        do throws(RecurrenceRuleError) {
            let parsed = ParsedRule(rule: try RecurrenceRule(parsing: text), text: text)
            return checkMeetingFrequency(parsed, at: value) ? parsed : nil
        } catch {
            for problem in error.problems {
                log.error(
                    problem.message, at: value.mark, path: value.path,
                    columnOffset: column(of: problem.offset, in: value))
            }
            return nil
        }
    }

    /// The column offset of a character of the rule text; the start of the value when the
    /// text is a block scalar whose characters cannot be placed on one line.
    func column(of offset: Int, in value: ConfigValue) -> Int {
        guard let textOffset = value.textColumnOffset, let scalar = value.node.scalar else { return 0 }
        let leading = scalar.string.prefix { $0.isWhitespace }.unicodeScalars.count
        return textOffset + leading + offset
    }

    /// UNTIL before the start, a start the rule does not produce, and parts calendars read differently.
    func checkRule(_ parsed: ParsedRule, of occurrences: SeriesOccurrences, at value: ConfigValue) {
        let start = occurrences.start
        adviseOnRule(parsed, start: start, at: value)
        if case .until(let until) = parsed.rule.end, Self.ends(until, before: start, in: occurrences.zone) {
            let offset = Self.offset(of: "UNTIL", in: parsed.text)
            log.error(
                "UNTIL ends the series before its start (\(start)), so only the first meeting would happen; "
                    + "set UNTIL after the start or correct the start",
                at: value.mark, path: value.path, columnOffset: column(of: offset, in: value))
            return
        }
        if !parsed.rule.matches(start, from: start) {
            var iterator = parsed.rule.occurrences(from: start, in: occurrences.zone).makeIterator()
            _ = iterator.next()
            let next = iterator.next()
            let advice =
                next.map { "the first date it produces is \($0.date) (a \($0.date.weekday.name))" }
                ?? "it produces no other date"
            log.warning(
                "the start \(start.date) (a \(start.date.weekday.name)) is not a date the rule produces, so the first "
                    + "meeting falls out of step with the rest; \(advice): start the series on it",
                at: value.mark, path: value.path)
        }
    }

    private static func ends(_ until: RecurrenceRule.Until, before start: LocalDateTime, in zone: TimeZone) -> Bool {
        switch until {
        case .date(let date): date < start.date
        case .local(let local): local < start
        case .utc(let utc): Date(timeIntervalSince1970: TimeInterval(utc.secondsSinceEpoch)) < zone.instant(for: start)
        }
    }
}
