import Foundation
import RhythmCore
import RhythmStore

/// The value of one indicator for one period, recorded exactly as `rhythm indicator record`
/// records it: the same period check (`ReportingPeriod.forRecording`) and the same
/// replace-and-audit (`AppDatabase.recordIndicatorResult`).
enum IndicatorAnswer {
    static let noteLimit = 1000

    /// The indicator, if it still exists, the person owns it, and the period is of its kind.
    static func find(indicatorID: String, period: ReportingPeriod, visit: Visit) -> Indicator? {
        guard let indicator = visit.initiative.indicators.first(where: { $0.id == indicatorID }),
            indicator.ownerID == visit.person.id, indicator.reportingPeriod == period.kind
        else { return nil }
        return indicator
    }

    static func view(
        _ indicator: Indicator, period: ReportingPeriod, visit: Visit, preselect: FormBody, store: AppDatabase
    ) throws -> View {
        let results = try store.indicatorResults(indicatorID: indicator.id, limit: Int.max, offset: 0)
        var view = visit.baseView(title: "Enter the \(period) value of \(indicator.name)")
        view["period"] = period.description
        view["unit"] = indicator.unit
        view["target"] = indicator.target.map(MeetingText.number)
        let last = results.filter { $0.period < period }.prefix(3)
        view["hasLastValues"] = !last.isEmpty
        view["lastValues"] = last.map { ["period": $0.period.description, "value": MeetingText.number($0.value)] }
        view["current"] = results.first { $0.period == period }.map { MeetingText.number($0.value) }
        view["value"] = preselect["value"]
        view["note"] = preselect["note"]
        return view
    }

    static func apply(
        _ form: FormBody, indicator: Indicator, period: ReportingPeriod, visit: Visit, store: AppDatabase
    ) throws -> Result<AppliedAnswer, Problems> {
        var messages: [String] = []
        if case .failure(let problem) = ReportingPeriod.forRecording(
            period.description, of: indicator, today: visit.today)
        {
            messages.append(problem.message(field: "The period", indicator: indicator, zone: visit.initiative.timeZone))
        }
        let value = form.text("value").flatMap(MeetingText.parseNumber)
        if value == nil { messages.append("The value must be a number, such as 91.4.") }
        let note = form.text("note")
        if let note, note.count > noteLimit {
            messages.append("The note is \(note.count) characters long; please keep it under \(noteLimit).")
        }
        guard messages.isEmpty, let value else { return .failure(Problems(messages)) }
        let previous = try store.indicatorResults(indicatorID: indicator.id, limit: Int.max, offset: 0)
            .first { $0.period == period }
        let result = try store.recordIndicatorResult(
            indicatorID: indicator.id, period: period, value: value, note: note, actor: visit.actor, now: visit.now)
        var summary = "Recorded \(indicator.name) for \(period): \(MeetingText.number(result.value)) \(indicator.unit)"
        if let previous { summary += " (replaces \(MeetingText.number(previous.value)))" }
        summary += "."
        let change = UndoableChange.indicator(
            indicatorID: indicator.id, period: period.description,
            previous: previous.map { .init(value: $0.value, note: $0.note) })
        return .success(AppliedAnswer(summary: summary, change: change))
    }
}
