import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/indicator-results: every token reads them all; a partner-limited token records
/// results only for indicators owned by a person of its partner.
extension APIRoutes {
    func listIndicatorResults(_ request: Request) async throws -> Response {
        _ = try await authenticate(request)
        var query = QueryReader(request)
        let indicatorID = query.string("indicator")
        let (limit, offset) = query.page()
        try query.finish()
        let (results, total): ([IndicatorResult], Int) = try await blocking { store in
            (
                try store.indicatorResults(indicatorID: indicatorID, limit: limit, offset: offset),
                try store.countIndicatorResults(indicatorID: indicatorID)
            )
        }
        return try Page(items: results.map(\.json), total: total, limit: limit, offset: offset)
            .response(for: request)
    }

    func showIndicatorResult(_ request: Request, id text: String?) async throws -> Response {
        _ = try await authenticate(request)
        let id = try parseID(text, kind: "indicator result")
        let result = try await blocking { store in try store.indicatorResult(id: id) }
        guard let result else { throw APIProblem.notFound("No indicator result has this id.") }
        return try APIResponse.json(result.json)
    }

    /// Records a value; one already recorded for the same indicator and period is replaced.
    func recordIndicatorResult(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let object = try await JSONBody.object(from: request)
        let initiative = self.initiative()
        var reader = FieldReader(object)
        let indicatorID = reader.string("indicator_id", required: true)
        let periodText = reader.string("period", required: true)
        let value = reader.number("value", required: true)
        let note = reader.text("note", maxLength: Self.detailsLimit)
        var indicator: Indicator?
        if let id = indicatorID.value {
            indicator = initiative.indicators.first { $0.id == id }
            if indicator == nil { reader.report("indicator_id", "No indicator has the id \"\(id)\".") }
        }
        var period: ReportingPeriod?
        if let text = periodText.value {
            period = ReportingPeriod(parsing: text)
            if period == nil {
                reader.report("period", "Must be a reporting period such as 2027-03, 2027-Q1, 2027-H1 or 2027.")
            } else if let indicator, let kind = period?.kind, kind != indicator.reportingPeriod {
                reader.report(
                    "period",
                    "Indicator \(indicator.id) is reported by \(indicator.reportingPeriod.rawValue), "
                        + "not by \(kind.rawValue).")
            } else if let period, !period.hasStarted(by: today(in: initiative)) {
                reader.report(
                    "period", period.notStartedExplanation(today: today(in: initiative), zone: initiative.timeZone))
            }
        }
        try reader.finish(kind: "an indicator result")
        guard let indicator, let period, let value = value.value else { throw APIProblem.internalError }
        if let partnerID = caller.partnerID {
            let owner = initiative.people.first { $0.id == indicator.ownerID }
            guard owner?.partnerID == partnerID else {
                throw APIProblem.forbidden(
                    "Indicator \(indicator.id) is not owned by a person of partner \(partnerID).")
            }
        }
        let actor = caller.actor
        let instant = now()
        let noteValue = note.value
        let result = try await blocking { store in
            try store.recordIndicatorResult(
                indicatorID: indicator.id, period: period, value: value, note: noteValue, actor: actor, now: instant)
        }
        return await changed(try created(result.json, location: "/api/v1/indicator-results/\(result.id)"))
    }
}
