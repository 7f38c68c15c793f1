import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/actions: a partner-limited token sees and writes only its partner's actions, and
/// names in them only what `PartnerScope` lets it; an action of another partner answers 404,
/// as if it did not exist, so ids reveal nothing.
extension APIRoutes {
    func listActions(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        let initiative = self.initiative()
        var query = QueryReader(request)
        var filter = ActionFilter()
        filter.ownerID = query.string("owner")
        filter.partnerID = query.string("partner")
        filter.groupID = query.string("group")
        filter.seriesID = query.string("series")
        let statusTexts = query.list("status")
        if !statusTexts.isEmpty {
            var statuses = Set<Action.Status>()
            for text in statusTexts {
                if let status = Action.Status(rawValue: text) {
                    statuses.insert(status)
                } else {
                    query.report("status", "Unknown status \"\(text)\"; use one of \(Self.statusList).")
                }
            }
            filter.statuses = statuses
        }
        if query.bool("overdue") == true {
            filter.overdueOn = today(in: initiative)
        }
        filter.dueBefore = query.date("due_before")
        (filter.limit, filter.offset) = query.page()
        try query.finish()
        if let partnerID = caller.partnerID {
            if let asked = filter.partnerID, asked != partnerID {
                throw APIProblem.forbidden("This token may only list the actions of partner \(partnerID).")
            }
            filter.partnerID = partnerID
        }
        let (actions, total): ([Action], Int) = try await blocking { [filter] store in
            (try store.actions(matching: filter), try store.countActions(matching: filter))
        }
        return try Page(items: actions.map(\.json), total: total, limit: filter.limit, offset: filter.offset)
            .response(for: request)
    }

    func showAction(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        let action = try await visibleAction(id: parseID(text, kind: "action"), to: caller)
        return try APIResponse.json(action.json)
    }

    func createAction(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let object = try await JSONBody.object(from: request)
        let initiative = self.initiative()
        var reader = FieldReader(object)
        let title = reader.text("title", required: true, maxLength: Self.titleLimit)
        let details = reader.text("details", maxLength: Self.detailsLimit)
        let owner = reader.string("owner_id", required: true)
        var partner = reader.string("partner_id")
        let group = reader.string("group_id")
        let series = reader.string("series_id")
        let raisedOn = reader.date("raised_on")
        let due = reader.date("due")
        let status = reader.string("status")
        reader.checkReferences(owner: owner, partner: partner, group: group, series: series, in: initiative)
        let parsedStatus = reader.checkStatus(status)
        try reader.finish(kind: "an action")
        if let limited = caller.partnerID {
            var scope = PartnerScope(partnerID: limited, initiative: initiative)
            scope.partner(partner.value, in: "partner_id")
            scope.action(owner: owner.value, group: group.value, series: series.value)
            try scope.finish()
            partner = .value(limited)
        }
        guard let title = title.value, let owner = owner.value else { throw APIProblem.internalError }
        let new = NewAction(
            title: title, details: details.value, ownerID: owner, partnerID: partner.value, groupID: group.value,
            seriesID: series.value, raisedOn: raisedOn.value, due: due.value, status: parsedStatus ?? .open)
        let actor = caller.actor
        let instant = now()
        let action = try await blocking { store in try store.createAction(new, actor: actor, now: instant) }
        return await changed(try created(action.json, location: "/api/v1/actions/\(action.id)"))
    }

    func updateAction(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let existing = try await visibleAction(id: parseID(text, kind: "action"), to: caller)
        let object = try await JSONBody.object(from: request)
        let initiative = self.initiative()
        var reader = FieldReader(object)
        let title = reader.text("title", maxLength: Self.titleLimit)
        let details = reader.text("details", maxLength: Self.detailsLimit)
        let owner = reader.string("owner_id")
        if case .null = owner { reader.report("owner_id", "An action always has an owner; it may not be null.") }
        let partner = reader.string("partner_id")
        let group = reader.string("group_id")
        let series = reader.string("series_id")
        let raisedOn = reader.date("raised_on")
        let due = reader.date("due")
        let status = reader.string("status")
        if case .null = title { reader.report("title", "An action always has a title; it may not be null.") }
        if case .null = status { reader.report("status", "An action always has a status; it may not be null.") }
        reader.checkReferences(owner: owner, partner: partner, group: group, series: series, in: initiative)
        let parsedStatus = reader.checkStatus(status)
        try reader.finish(kind: "an action")
        if let limited = caller.partnerID {
            var scope = PartnerScope(partnerID: limited, initiative: initiative)
            scope.partnerChange(partner.change, in: "partner_id")
            scope.action(owner: owner.value, group: group.value, series: series.value)
            try scope.finish()
        }
        var changes = ActionChanges()
        changes.title = title.value
        changes.details = details.change
        changes.ownerID = owner.value
        changes.partnerID = partner.change
        changes.groupID = group.change
        changes.seriesID = series.change
        changes.raisedOn = raisedOn.change
        changes.due = due.change
        changes.status = parsedStatus
        let actor = caller.actor
        let instant = now()
        let id = existing.id
        let updated = try await blocking { [changes] store in
            try store.updateAction(id: id, changes, actor: actor, now: instant)
        }
        guard let updated else { throw APIProblem.notFound("No action has this id.") }
        return await changed(try APIResponse.json(updated.json))
    }

    /// The action, if it exists and the caller may see it; 404 otherwise.
    private func visibleAction(id: Int64, to caller: Caller) async throws -> Action {
        let action = try await blocking { store in try store.action(id: id) }
        guard let action, caller.partnerID == nil || action.partnerID == caller.partnerID else {
            throw APIProblem.notFound("No action has this id.")
        }
        return action
    }

    static let titleLimit = 200
    static let detailsLimit = 10_000
    static let statusList = Action.Status.allCases.map(\.rawValue).joined(separator: ", ")
}

extension FieldReader {
    /// Checks that the ids name a person, a partner, a group and a series of the initiative.
    mutating func checkReferences(
        owner: Presence<String>, partner: Presence<String>, group: Presence<String>, series: Presence<String>,
        in initiative: Initiative
    ) {
        if let id = owner.value, !initiative.people.contains(where: { $0.id == id }) {
            report("owner_id", "No person has the id \"\(id)\".")
        }
        if let id = partner.value, !initiative.partners.contains(where: { $0.id == id }) {
            report("partner_id", "No partner has the id \"\(id)\".")
        }
        if let id = group.value, !initiative.groups.contains(where: { $0.id == id }) {
            report("group_id", "No group has the id \"\(id)\".")
        }
        if let id = series.value, !initiative.series.contains(where: { $0.id == id }) {
            report("series_id", "No meeting series has the id \"\(id)\".")
        }
    }

    /// Reads an action status; reports an unknown one.
    mutating func checkStatus(_ status: Presence<String>) -> Action.Status? {
        guard let text = status.value else { return nil }
        guard let parsed = Action.Status(rawValue: text) else {
            report("status", "Unknown status \"\(text)\"; use one of \(APIRoutes.statusList).")
            return nil
        }
        return parsed
    }
}
