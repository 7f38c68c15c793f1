import RhythmCore

/// How long something keeps working, as people write it: `30d`, `90 days`, `2 weeks`,
/// `36h`, `1w 3d`, `P30D`. Longer than a meeting's duration can be, so it has its own reader.
enum LifetimeText {
    /// Longer than this is a mistake: a link that works for years is a leaked link waiting.
    static let maximumSeconds = 3_660 * 86_400

    static let example = "write it like 30d, 90 days, 2 weeks or 36h"

    /// The lifetime in seconds.
    static func seconds(in text: String) -> Result<Int, ValueProblem> {
        var rest = text.trimmingWhitespace.lowercased()
        if rest.hasPrefix("-") {
            return .failure(ValueProblem("a lifetime cannot be negative; \(example)"))
        }
        if rest.hasPrefix("pt") {
            rest.removeFirst(2)
        } else if rest.hasPrefix("p") {
            rest.removeFirst()
        }
        let terms: [(amount: Int, unit: String)]
        switch NumberedTerms.parse(rest) {
        case .success(let parsed): terms = parsed
        case .failure(let problem):
            return .failure(ValueProblem("\"\(text)\" is not a lifetime: \(problem.message); \(example)"))
        }
        guard !terms.isEmpty else {
            return .failure(ValueProblem("a lifetime is needed; \(example)"))
        }
        var total = 0
        for term in terms {
            switch term.unit {
            case "w", "week", "weeks": total += term.amount * 7 * 86_400
            case "d", "day", "days": total += term.amount * 86_400
            case "h", "hr", "hrs", "hour", "hours": total += term.amount * 3600
            case "":
                return .failure(ValueProblem("\"\(text)\" has a number without a unit; \(example)"))
            default:
                let hint =
                    Suggestion.closest(to: term.unit, in: ["d", "days", "weeks", "hours"])
                    .map { "did you mean \"\($0)\"? " } ?? ""
                return .failure(ValueProblem("\"\(term.unit)\" is not a unit of days or hours; \(hint)\(example)"))
            }
            if total > maximumSeconds {
                return .failure(ValueProblem("\"\(text)\" is longer than ten years; \(example)"))
            }
        }
        if total == 0 {
            return .failure(ValueProblem("a lifetime of zero would make every link dead on arrival; \(example)"))
        }
        return .success(total)
    }
}
