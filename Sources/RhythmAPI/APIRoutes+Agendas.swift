import Foundation
import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/agendas/{series_id}/{occurrence_date}: one meeting's agenda as the people who
/// line it up work on it (`rhythm agenda list --format json`): the standing items, the
/// submitted items in order, and the time budget. A partner-limited token reads only the
/// agendas of series its partner attends.
extension APIRoutes {
    func showAgenda(_ request: Request, seriesID: String?, date dateText: String?) async throws -> Response {
        let caller = try await authenticate(request)
        guard let seriesID, let dateText else { throw APIProblem.internalError }
        var query = QueryReader(request)
        let withdrawn = query.bool("include_withdrawn") ?? false
        try query.finish()
        let initiative = self.initiative()
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else {
            throw APIProblem.notFound("No meeting series has the id \"\(seriesID)\".")
        }
        if let partnerID = caller.partnerID, !Self.attends(partnerID, seriesID: series.id, in: initiative) {
            throw APIProblem.forbidden("Partner \(partnerID) does not attend series \(series.id).")
        }
        guard dateText.count == 10, let date = LocalDate(iso: dateText) else {
            throw APIProblem.notFound("The meeting's date must be written YYYY-MM-DD, such as 2027-03-15.")
        }
        guard let occurrence = Schedule(initiative: initiative).meeting(of: series, on: date).named else {
            throw APIProblem.notFound("Series \(series.id) has no occurrence planned on \(date), nor one moved to it.")
        }
        let stored = occurrence.originalStart.date
        let items = try await blocking { store in
            try store.agendaItems(
                seriesID: series.id, occurrenceDate: stored, includingWithdrawn: withdrawn, limit: 10_000, offset: 0)
        }
        return try APIResponse.json(Self.agendaJSON(occurrence, items: items))
    }

    /// The agenda's JSON form: the meeting, its standing items, the items in agenda order
    /// (withdrawn ones after, when asked for) and the budget of the items on it.
    static func agendaJSON(_ occurrence: Occurrence, items: [AgendaItem]) -> JSONValue {
        let budget = AgendaTimeBudget(for: occurrence, items: items)
        return .object([
            "series_id": .string(occurrence.series.id),
            "occurrence_date": .string(occurrence.originalStart.date.description),
            "date": .string(occurrence.localStart.date.description),
            "start": .string(instantText(occurrence.start)),
            "end": .string(instantText(occurrence.end)),
            "status": .string(occurrence.status.label),
            "standing_items": .array(occurrence.series.standingItems.map(JSONValue.string)),
            "items": .array(items.sorted(by: AgendaItem.listedBefore).map(\.json)),
            "budget": .object([
                "meeting_minutes": .integer(Int64(budget.meetingMinutes)),
                "planned_minutes": .integer(Int64(budget.plannedMinutes)),
                "balance": .integer(Int64(budget.balance)),
                "unsized_items": .array(
                    budget.unsizedItems.map { .object(["id": .integer($0.id), "title": .string($0.title)]) }),
                "summary": .string(budget.summary),
            ]),
        ])
    }
}
