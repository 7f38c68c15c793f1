import Foundation
import RhythmCore
import Yams

/// Readers for single values. Each reports what is wrong at the value's own position and
/// returns nil, so that callers simply leave the value out and carry on.
extension ConfigurationDecoder {
    /// Non-empty text; surrounding whitespace (such as the newline a `>` block ends with) is
    /// dropped.
    func text(_ value: ConfigValue) -> String? {
        guard let scalar = value.node.scalar else {
            log.error("expected a single value here, found \(value.kindDescription)", at: value.mark, path: value.path)
            return nil
        }
        let trimmed = scalar.string.trimmingWhitespace
        guard !trimmed.isEmpty, !value.isNull else {
            log.error("this key has no value; give one or remove the key", at: value.mark, path: value.path)
            return nil
        }
        return trimmed
    }

    func integer(_ value: ConfigValue, in range: ClosedRange<Int>, meaning: String) -> Int? {
        guard let text = text(value) else { return nil }
        guard let number = Int(text) else {
            log.error("expected a whole number (\(meaning)), found \"\(text)\"", at: value.mark, path: value.path)
            return nil
        }
        guard range.contains(number) else {
            log.error(
                "\(number) is out of range: \(meaning) must be between \(range.lowerBound) and \(range.upperBound)",
                at: value.mark, path: value.path)
            return nil
        }
        return number
    }

    func number(_ value: ConfigValue) -> Double? {
        guard let text = text(value) else { return nil }
        guard let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite else {
            log.error("expected a number such as 92 or 14.5, found \"\(text)\"", at: value.mark, path: value.path)
            return nil
        }
        return number
    }

    func boolean(_ value: ConfigValue) -> Bool? {
        guard let text = text(value) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            log.error("expected true or false, found \"\(text)\"", at: value.mark, path: value.path)
            return nil
        }
    }

    /// One of a fixed set of words.
    func choice<Choice: RawRepresentable & CaseIterable>(_ value: ConfigValue, _ type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = text(value) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let words = Choice.allCases.map(\.rawValue)
        log.error(
            "\"\(text)\" is not allowed here; \(Suggestion.hint(for: text, in: words))", at: value.mark,
            path: value.path)
        return nil
    }

    /// A built-in word or a word of the coordinator's own; a near miss of a built-in word is
    /// probably a typo, so it is accepted with a warning.
    func openChoice(_ value: ConfigValue, builtIn: [String], noun: String) -> String? {
        guard let text = text(value) else { return nil }
        if !builtIn.contains(text), let match = Suggestion.closest(to: text, in: builtIn) {
            log.warning(
                "\"\(text)\" is taken as a \(noun) of your own; did you mean the built-in \"\(match)\"?",
                at: value.mark, path: value.path)
        }
        return text
    }

    func date(_ value: ConfigValue) -> LocalDate? {
        guard let text = text(value) else { return nil }
        if let date = LocalDate(iso: text), text.count == 10 { return date }
        log.error(DateText.problem(date: text), at: value.mark, path: value.path)
        return nil
    }

    func dateTime(_ value: ConfigValue) -> LocalDateTime? {
        guard let text = text(value) else { return nil }
        // Bytes, not Foundation's contains(_:), which searches with the full Unicode rules.
        if let dateTime = LocalDateTime(iso: text), text.utf8.count >= 16, text.utf8.contains(UInt8(ascii: "-")) {
            return dateTime
        }
        log.error(DateText.problem(dateTime: text), at: value.mark, path: value.path)
        return nil
    }

    func time(_ value: ConfigValue) -> LocalTime? {
        guard let text = text(value) else { return nil }
        if text.utf8.contains(UInt8(ascii: ":")), let time = LocalTime(iso: text) { return time }
        log.error(
            "\"\(text)\" is not a time of day; write it as 24-hour HH:MM in quotes, like \"07:30\"",
            at: value.mark, path: value.path)
        return nil
    }

    func timeZone(_ value: ConfigValue) -> TimeZone? {
        guard let text = text(value) else { return nil }
        return report(TimeZoneName.parse(text), value)
    }

    /// A meeting length, as whole seconds.
    func duration(_ value: ConfigValue) -> Duration? {
        guard let text = text(value) else { return nil }
        return report(DurationText.seconds(in: text), value).map { Duration.seconds($0) }
    }

    /// How long something keeps working, such as `30d`, in seconds.
    func lifetime(_ value: ConfigValue) -> TimeInterval? {
        guard let text = text(value) else { return nil }
        return report(LifetimeText.seconds(in: text), value).map(TimeInterval.init)
    }

    func reminderOffset(_ value: ConfigValue) -> ReminderOffset? {
        guard let text = text(value) else { return nil }
        return report(ReminderOffsetText.offset(in: text), value)
    }

    func emailAddress(_ value: ConfigValue) -> String? {
        guard let text = text(value) else { return nil }
        if let problem = EmailAddress.check(text) {
            log.error(problem.message, at: value.mark, path: value.path)
            return nil
        }
        return text
    }

    func webAddress(_ value: ConfigValue) -> URL? {
        guard let text = text(value) else { return nil }
        return report(WebAddress.parse(text), value)
    }

    /// `{ from: "20:00", to: "07:30" }`.
    func quietHours(_ value: ConfigValue) -> QuietHours? {
        guard let fields = fields(of: value, allowed: ["from", "to"]) else { return nil }
        let start = fields.required("from", "when quiet hours begin, like \"20:00\"").flatMap(time)
        let end = fields.required("to", "when quiet hours end, like \"07:30\"").flatMap(time)
        guard let start, let end else { return nil }
        if start == end {
            log.warning(
                "quiet hours that start and end at the same time are empty, so reminders are never held back",
                at: value.mark, path: value.path)
        }
        return QuietHours(start: start, end: end)
    }

    private func report<Value>(_ result: Result<Value, ValueProblem>, _ value: ConfigValue) -> Value? {
        switch result {
        case .success(let parsed):
            return parsed
        case .failure(let problem):
            log.error(problem.message, at: value.mark, path: value.path)
            return nil
        }
    }
}
