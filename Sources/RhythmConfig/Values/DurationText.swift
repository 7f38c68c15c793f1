import RhythmCore

/// Meeting lengths as people write them: `90m`, `1h30m`, `2h`, `PT1H30M`, `45 minutes`,
/// `1 hour 30 minutes`.
enum DurationText {
    /// Longer than this is not a meeting but a mistake (or an event Rhythm does not model).
    static let maximumSeconds = 24 * 3600

    static let example = "write it like 90m, 1h30m, 2h or PT1H30M"

    /// The length in seconds.
    static func seconds(in text: String) -> Result<Int, ValueProblem> {
        var rest = text.trimmingWhitespace.lowercased()
        if rest.hasPrefix("-") {
            return .failure(ValueProblem("a meeting cannot last a negative time; \(example)"))
        }
        if rest.hasPrefix("pt") {
            rest.removeFirst(2)
        } else if rest.hasPrefix("p") {
            return .failure(ValueProblem("\"\(text)\" names days or longer; a meeting lasts at most 24 hours"))
        }
        let terms: [(amount: Int, unit: String)]
        switch NumberedTerms.parse(rest) {
        case .success(let parsed): terms = parsed
        case .failure(let problem):
            return .failure(ValueProblem("\"\(text)\" is not a duration: \(problem.message); \(example)"))
        }
        guard !terms.isEmpty else {
            return .failure(ValueProblem("a duration is needed; \(example)"))
        }
        var total = 0
        for term in terms {
            switch term.unit {
            case "h", "hr", "hrs", "hour", "hours": total += term.amount * 3600
            case "m", "min", "mins", "minute", "minutes": total += term.amount * 60
            case "s", "sec", "secs", "second", "seconds": total += term.amount
            case "":
                return .failure(ValueProblem("\"\(text)\" has a number without a unit; \(example)"))
            case "d", "day", "days":
                return .failure(ValueProblem("\"\(text)\" is longer than a day; a meeting lasts at most 24 hours"))
            default:
                let hint =
                    Suggestion.closest(to: term.unit, in: ["h", "m", "hours", "minutes"])
                    .map { "did you mean \"\($0)\"? " } ?? ""
                return .failure(ValueProblem("\"\(term.unit)\" is not a unit of time; \(hint)\(example)"))
            }
        }
        if total == 0 {
            return .failure(ValueProblem("a meeting must last longer than zero; \(example)"))
        }
        if total > maximumSeconds {
            return .failure(ValueProblem("\"\(text)\" is longer than 24 hours; a meeting lasts at most a day"))
        }
        return .success(total)
    }
}
