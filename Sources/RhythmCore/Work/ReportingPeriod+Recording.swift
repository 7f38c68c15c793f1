import Foundation

extension ReportingPeriod {
    /// Why a value cannot be recorded for a period, whichever way it was given (`rhythm
    /// indicator record`, an answer link): one check, so the two never disagree.
    public enum RecordingProblem: Error, Hashable, Sendable {
        /// The text is no period at all; `example` is the form the indicator expects.
        case unreadable(text: String, example: ReportingPeriod)
        /// A period of another kind than the indicator's; `right` is the one meant, perhaps.
        case wrongKind(period: ReportingPeriod, text: String, right: ReportingPeriod)
        /// A period that has not begun by `today`.
        case notStarted(period: ReportingPeriod, today: LocalDate)

        /// The problem in words, naming the field as `field` (`--period`) and the indicator
        /// and the initiative's zone where they help.
        public func message(field: String, indicator: Indicator, zone: TimeZone) -> String {
            switch self {
            case .unreadable(let text, let example):
                "\(field) expects a \(indicator.reportingPeriod.rawValue) such as \(example) for \(indicator.id); "
                    + "found \"\(text)\"."
            case .wrongKind(let period, let text, let right):
                "\(indicator.id) is reported by \(indicator.reportingPeriod.rawValue), so the period is written like "
                    + "\(right), not \(text) (a \(period.kind.rawValue))."
            case .notStarted(let period, let today):
                "\(field): " + period.notStartedExplanation(today: today, zone: zone)
            }
        }
    }

    /// The period `text` names, if a value of `indicator` can be recorded for it by `today`
    /// (on the initiative's clock): of the indicator's own kind, and begun.
    public static func forRecording(_ text: String, of indicator: Indicator, today: LocalDate) -> Result<
        ReportingPeriod, RecordingProblem
    > {
        let kind = indicator.reportingPeriod
        guard let period = ReportingPeriod(parsing: text) else {
            return .failure(.unreadable(text: text, example: .containing(today, kind: kind)))
        }
        guard period.kind == kind else {
            return .failure(.wrongKind(period: period, text: text, right: .containing(period.firstDay, kind: kind)))
        }
        guard period.hasStarted(by: today) else { return .failure(.notStarted(period: period, today: today)) }
        return .success(period)
    }
}
