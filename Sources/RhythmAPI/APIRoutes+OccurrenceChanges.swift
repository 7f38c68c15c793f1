import Foundation
import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/occurrence-changes: live changes to single meetings (cancel, move, extra),
/// layered over the configuration file, with the same checks as the console
/// (`LiveChangeRequest`). A change takes effect before the answer is sent: the feeds, the
/// invitations and the reminders follow it. DELETE restores the meeting; the change stays
/// in the list with `all=true`, as history.
///
/// Changing the schedule is the backbone's business: a partner-limited token may read the
/// changes but not make them.
extension APIRoutes {
    func listOccurrenceChanges(_ request: Request) async throws -> Response {
        _ = try await authenticate(request)
        var query = QueryReader(request)
        let includingEnded = query.bool("all") ?? false
        let seriesID = query.string("series_id")
        let (limit, offset) = query.page()
        try query.finish()
        let changes = try await blocking { store in try store.liveChanges(includingEnded: includingEnded) }
        let layering = LiveLayering(file: liveChanges.fileInitiative(), changes: changes)
        let matching = changes.filter { seriesID == nil || $0.seriesID == seriesID }
        let window = matching.dropFirst(offset).prefix(limit)
        return try Page(
            items: window.map { $0.json(state: layering.standing(of: $0)) }, total: matching.count,
            limit: limit, offset: offset
        ).response(for: request)
    }

    func createOccurrenceChange(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        if let partnerID = caller.partnerID {
            throw APIProblem.forbidden(
                "This token is limited to partner \(partnerID); changing the schedule needs a token for the whole "
                    + "initiative.")
        }
        let object = try await JSONBody.object(from: request)
        var reader = FieldReader(object)
        let parsed = Self.liveChangeRequest(from: &reader)
        try reader.finish(kind: "an occurrence change")
        guard let parsed else { throw APIProblem.internalError }
        let file = liveChanges.fileInitiative()
        let actor = caller.actor
        let instant = now()
        let change: LiveChange
        do {
            change = try await blocking { store in
                try store.makeLiveChange(parsed, over: file, actor: actor, now: instant)
            }
        } catch let error as LiveChangeRequestError {
            throw APIProblem.invalidFields(
                error.problems.map { FieldProblem.field($0.field.rawValue, $0.message) })
        }
        try await liveChanges.onLiveChange()
        let state = LiveLayering(file: file, changes: [change]).standing(of: change)
        return await changed(
            try created(change.json(state: state), location: "/api/v1/occurrence-changes/\(change.id)"))
    }

    func restoreOccurrenceChange(_ request: Request, id idText: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        if caller.partnerID != nil {
            throw APIProblem.forbidden("A partner-limited token cannot change the schedule.")
        }
        let id = try parseID(idText, kind: "occurrence change in force")
        let actor = caller.actor
        let instant = now()
        let ended = try await blocking { store in try store.endLiveChange(id: id, actor: actor, now: instant) }
        guard let ended else { throw APIProblem.notFound("No occurrence change in force has this id.") }
        try await liveChanges.onLiveChange()
        return await changed(try APIResponse.json(ended.json(state: .restored)))
    }

    /// Reads a request body; nil when a field is wrong (the reader holds why).
    private static func liveChangeRequest(from reader: inout FieldReader) -> LiveChangeRequest? {
        let kind = reader.string("kind", required: true)
        let seriesID = reader.string("series_id", required: true)
        let date = reader.date("occurrence_date")
        let start = reader.string("start").value.flatMap { text in
            LocalDateTime(iso: text) ?? reader.reportBadStart()
        }
        let location = reader.text("location", maxLength: LiveChangeRequest.locationLimit)
        let url = reader.string("online_url").value.flatMap { text in
            URL(string: text).flatMap { ["https", "http"].contains($0.scheme?.lowercased() ?? "") ? $0 : nil }
                ?? reader.reportBadURL()
        }
        let reason = reader.text("reason", maxLength: LiveChangeRequest.reasonLimit)
        let notify = reader.field("notify", expected: "true or false") { value -> Bool? in
            if case .bool(let flag) = value { flag } else { nil }
        }
        guard let kindText = kind.value, let seriesID = seriesID.value else { return nil }
        let unused: [String]
        let parsedKind: LiveChange.Kind?
        switch kindText {
        case "cancel":
            unused = ["start", "location", "online_url"]
            parsedKind = date.value.map { .cancel(originalDate: $0, reason: reason.value) }
            if !reader.contains("occurrence_date") { reader.report("occurrence_date", "A cancel needs this field.") }
        case "move":
            unused = []
            parsedKind = date.value.map {
                .move(
                    originalDate: $0,
                    OccurrenceChange(
                        start: start, location: location.value, onlineMeetingURL: url,
                        reason: reason.value))
            }
            if !reader.contains("occurrence_date") { reader.report("occurrence_date", "A move needs this field.") }
        case "extra":
            unused = ["occurrence_date", "online_url"]
            parsedKind = start.map { .extra(start: $0, location: location.value, reason: reason.value) }
            if !reader.contains("start") { reader.report("start", "An extra meeting needs this field.") }
        default:
            reader.report("kind", "Unknown kind \"\(kindText)\"; use cancel, move or extra.")
            return nil
        }
        for name in unused where reader.contains(name) {
            reader.report(name, "A \(kindText) has no \(name); leave it out.")
        }
        guard let parsedKind, reader.problems.isEmpty else { return nil }
        return LiveChangeRequest(seriesID: seriesID, kind: parsedKind, notifiesAttendees: notify.value ?? false)
    }
}

extension FieldReader {
    /// Reports a start that is not a local date-time; always nil, for use in `??`.
    fileprivate mutating func reportBadStart() -> LocalDateTime? {
        report("start", "Must be a local date-time written YYYY-MM-DDTHH:MM, such as 2027-03-11T10:00.")
        return nil
    }

    /// Reports an online address that is not http or https; always nil, for use in `??`.
    fileprivate mutating func reportBadURL() -> URL? {
        report("online_url", "Must be an http or https address.")
        return nil
    }
}

extension LiveChange {
    /// The API's JSON form; `start` is the new or extra start, local to the series' zone.
    func json(state: LiveLayering.Standing) -> JSONValue {
        var start: LocalDateTime?
        var location: String?
        var url: URL?
        switch kind {
        case .cancel: break
        case .move(_, let change): (start, location, url) = (change.start, change.location, change.onlineMeetingURL)
        case .extra(let extraStart, let extraLocation, _): (start, location) = (extraStart, extraLocation)
        }
        return .object([
            "id": .integer(id),
            "series_id": .string(seriesID),
            "kind": .string(kind.name),
            "occurrence_date": .string(kind.date.description),
            "start": .optional(start.map { "\($0.date)T\($0.time.description.prefix(5))" }),
            "location": .optional(location),
            "online_url": .optional(url?.absoluteString),
            "reason": .optional(kind.reason),
            "notify": .bool(notifiesAttendees),
            "state": .string(state.rawValue),
            "created_by": .string(actor),
            "created_at": .string(instantText(createdAt)),
            "ended_by": .optional(endedBy),
            "ended_at": endedAt.map { .string(instantText($0)) } ?? .null,
        ])
    }
}
