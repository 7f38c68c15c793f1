import RhythmCore

/// Reminder offsets as people write them: `3 business-days`, `1 hour`, `2 days`,
/// `30 minutes`, or short as in durations: `2d`, `36h`, `90m`.
enum ReminderOffsetText {
    static let example = "write it like 3 business-days, 2 days, 1 hour or 30 minutes"

    private static let units: [String: ReminderOffset.Unit] = [
        "minute": .minutes, "minutes": .minutes, "min": .minutes, "mins": .minutes, "m": .minutes,
        "hour": .hours, "hours": .hours, "h": .hours,
        "day": .days, "days": .days, "d": .days,
        "business-day": .businessDays, "business-days": .businessDays,
    ]

    static func offset(in text: String) -> Result<ReminderOffset, ValueProblem> {
        let trimmed = text.trimmingWhitespace.lowercased()
        if trimmed.hasPrefix("-") {
            return .failure(
                ValueProblem("an offset counts back from the due time, so it is written without a minus; \(example)"))
        }
        let terms: [(amount: Int, unit: String)]
        switch NumberedTerms.parse(trimmed) {
        case .success(let parsed): terms = parsed
        case .failure(let problem):
            return .failure(ValueProblem("\"\(text)\" is not an offset: \(problem.message); \(example)"))
        }
        guard terms.count == 1, let term = terms.first else {
            return .failure(ValueProblem("\"\(text)\" should be one number and one unit; \(example)"))
        }
        guard let unit = units[term.unit] else {
            let known = ["minutes", "hours", "days", "business-days"]
            let hint =
                term.unit.isEmpty
                ? "the unit is missing"
                : "\"\(term.unit)\" is not a unit; " + Suggestion.hint(for: term.unit, in: known)
            return .failure(ValueProblem("\(hint) (\(example))"))
        }
        guard term.amount > 0 else {
            return .failure(ValueProblem("an offset of zero is not a reminder ahead of time; \(example)"))
        }
        return .success(ReminderOffset(amount: term.amount, unit: unit))
    }
}
