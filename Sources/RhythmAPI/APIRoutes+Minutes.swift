import Foundation
import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/minutes and /api/v1/decisions: the minutes of a meeting and the decision log,
/// through the same `MinutesBook` as `rhythm minutes` and the console.
///
/// Minutes speak for the whole initiative (everyone's attendance, every decision), so a
/// partner-limited token may read the decision log but not the minutes. The body of a PUT is
/// the draft as GET returns it under `draft`; it replaces the saved draft whole.
extension APIRoutes {
    func showMinutes(_ request: Request, seriesID: String?, date dateText: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try Self.requireInitiativeWide(caller)
        let date = try Self.meetingDate(dateText)
        guard let seriesID else { throw APIProblem.internalError }
        let book = MinutesBook(initiative: initiative(), store: store)
        let sheet = try await minutesWork { try book.sheet(seriesID: seriesID, date: date) }
        return try APIResponse.json(sheet.json)
    }

    func putMinutes(_ request: Request, seriesID: String?, date dateText: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        try Self.requireInitiativeWide(caller)
        let date = try Self.meetingDate(dateText)
        guard let seriesID else { throw APIProblem.internalError }
        var object = try await JSONBody.object(from: request)
        try Self.checkMeeting(in: object, seriesID: seriesID)
        let unknown = Self.unknownMembers(of: object)
        if !unknown.isEmpty { throw APIProblem.invalidFields(unknown) }
        object["series_id"] = .string(seriesID)
        object["occurrence_date"] = .string(date.description)
        let minutes = try Self.decodeMinutes(object)
        let book = MinutesBook(initiative: initiative(), store: store)
        let actor = caller.actor
        let instant = now()
        let sheet = try await minutesWork {
            let record = try book.save(minutes, actor: actor, now: instant)
            return MinutesBook.Sheet(
                occurrence: try book.occurrence(seriesID: seriesID, date: date), draft: record.draft, record: record)
        }
        return await changed(try APIResponse.json(sheet.json))
    }

    func publishMinutes(_ request: Request, seriesID: String?, date dateText: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        try Self.requireInitiativeWide(caller)
        let date = try Self.meetingDate(dateText)
        guard let seriesID else { throw APIProblem.internalError }
        let book = MinutesBook(initiative: initiative(), store: store)
        let actor = caller.actor
        let instant = now()
        let sheet = try await minutesWork {
            let publication = try book.publish(seriesID: seriesID, date: date, actor: actor, now: instant)
            return MinutesBook.Sheet(
                occurrence: try book.occurrence(seriesID: seriesID, date: date), draft: publication.record.draft,
                record: publication.record)
        }
        return await changed(try APIResponse.json(sheet.json))
    }

    func listDecisions(_ request: Request) async throws -> Response {
        _ = try await authenticate(request)
        var query = QueryReader(request)
        let seriesID = query.string("series_id")
        let since = query.date("since")
        let (limit, offset) = query.page()
        let book = MinutesBook(initiative: initiative(), store: store)
        if let seriesID, !book.initiative.series.contains(where: { $0.id == seriesID }) {
            query.report("series_id", "\(seriesID) is not a series of the initiative.")
        }
        try query.finish()
        let decisions = try await minutesWork { try book.decisions(seriesID: seriesID, since: since) }
        let window = decisions.dropFirst(offset).prefix(limit)
        return try Page(items: window.map(\.json), total: decisions.count, limit: limit, offset: offset)
            .response(for: request)
    }

    /// Runs `work` on the thread pool, answering problems with the minutes as 404 (no such
    /// meeting) or 422 (everything else) with their places.
    private func minutesWork<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        do {
            return try await blocking { _ in try work() }
        } catch let error as MinutesError {
            if error.problems.contains(where: { ["/series_id", "/occurrence_date"].contains($0.pointer) }) {
                throw APIProblem.notFound(error.description)
            }
            throw APIProblem.invalidFields(
                error.problems.map { FieldProblem(location: .pointer($0.pointer), detail: $0.message) })
        } catch let error as StoreError where error.code == .invalidValue {
            throw APIProblem.invalidFields([.body(error.description)])
        }
    }

    private static func requireInitiativeWide(_ caller: Caller) throws(APIProblem) {
        if let partnerID = caller.partnerID {
            throw APIProblem.forbidden(
                "Minutes speak for the whole initiative; this token is limited to partner \(partnerID).")
        }
    }

    private static func meetingDate(_ text: String?) throws(APIProblem) -> LocalDate {
        guard let text, text.count == 10, let date = LocalDate(iso: text) else {
            throw APIProblem.invalidQuery([
                .parameter("occurrence_date", "Must be a date written YYYY-MM-DD, such as 2027-03-15.")
            ])
        }
        return date
    }

    /// Refuses a body that names another meeting than the path (the GET's draft names its
    /// series and original date, so a client may send it back as it is).
    private static func checkMeeting(in object: [String: JSONValue], seriesID: String) throws(APIProblem) {
        var problems: [FieldProblem] = []
        if let given = object["series_id"], given != .string(seriesID) {
            problems.append(.field("series_id", "Leave it out or give the path's, \(seriesID)."))
        }
        if let given = object["occurrence_date"], !isDate(given) {
            problems.append(.field("occurrence_date", "Leave it out or give a date written YYYY-MM-DD."))
        }
        if !problems.isEmpty { throw APIProblem.invalidFields(problems) }
    }

    private static func isDate(_ value: JSONValue) -> Bool {
        guard case .string(let text) = value else { return false }
        return text.count == 10 && LocalDate(iso: text) != nil
    }

    /// The members a draft's objects have, by the array that holds them ("" for the draft).
    private static let members: [String: Set<String>] = [
        "": [
            "series_id", "occurrence_date", "attendance", "item_notes", "general_notes", "decisions", "actions",
        ],
        "attendance": ["person_id", "mark", "note"],
        "item_notes": ["agenda_item_id", "title", "notes"],
        "decisions": ["number", "text", "agenda_item_id"],
        "actions": ["action_id", "title", "owner_id", "due"],
    ]

    /// A problem for every member the draft does not have, as for every other body.
    private static func unknownMembers(of object: [String: JSONValue]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func check(_ object: [String: JSONValue], at pointer: String, allowed: Set<String>) {
            for name in object.keys.sorted() where !allowed.contains(name) {
                let escaped = name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                problems.append(
                    FieldProblem(location: .pointer("\(pointer)/\(escaped)"), detail: "Unknown field; leave it out."))
            }
        }
        check(object, at: "", allowed: members[""] ?? [])
        for (list, allowed) in members where !list.isEmpty {
            guard case .array(let entries) = object[list] else { continue }
            for (index, entry) in entries.enumerated() {
                if case .object(let member) = entry { check(member, at: "/\(list)/\(index)", allowed: allowed) }
            }
        }
        return problems
    }

    /// The draft in `object`, or a problem naming the member that does not fit.
    private static func decodeMinutes(_ object: [String: JSONValue]) throws -> Minutes {
        let data = try JSONEncoder().encode(JSONValue.object(object))
        do {
            return try JSONDecoder().decode(Minutes.self, from: data)
        } catch let error as DecodingError {
            throw APIProblem.invalidFields([Self.problem(error)])
        }
    }

    private static func problem(_ error: DecodingError) -> FieldProblem {
        let (path, detail): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "Required.")
            case .typeMismatch(let type, let context): (context.codingPath, "Must be \(Self.name(of: type)).")
            case .valueNotFound(let type, let context):
                (context.codingPath, "Must be \(Self.name(of: type)), not null.")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "Not a draft of minutes.")
            }
        let pointer = path.map { key in key.intValue.map(String.init) ?? key.stringValue }.map { "/" + $0 }.joined()
        return FieldProblem(location: .pointer(pointer), detail: detail)
    }

    private static func name(of type: Any.Type) -> String {
        let name = "\(type)"
        if name == "String" { return "a string" }
        if name.hasPrefix("Int") { return "an integer" }
        if name.hasPrefix("Array") { return "an array" }
        return "an object"
    }
}

extension MinutesBook.Sheet {
    /// The API's JSON form: the draft to edit, the published minutes, and where they stand.
    var json: JSONValue {
        .object([
            "series_id": .string(draft.seriesID),
            "occurrence_date": .string(draft.occurrenceDate.description),
            "revision": .integer(Int64(record?.revision ?? 0)),
            "saved": .bool(record != nil),
            "has_unpublished_changes": .bool(record?.hasUnpublishedChanges ?? true),
            "updated_at": .optional(record.map { instantText($0.updatedAt) }),
            "updated_by": .optional(record?.updatedBy),
            "published_at": .optional(record?.publishedAt.map(instantText)),
            "published_by": .optional(record?.publishedBy),
            "draft": draft.json,
            "published": record?.published?.json ?? .null,
        ])
    }
}

extension Minutes {
    /// The minutes as the API writes them, the same members a PUT reads.
    var json: JSONValue {
        .object([
            "series_id": .string(seriesID),
            "occurrence_date": .string(occurrenceDate.description),
            "attendance": .array(
                attendance.map {
                    .object([
                        "person_id": .string($0.personID), "mark": .optional($0.mark?.rawValue),
                        "note": .optional($0.note),
                    ])
                }),
            "item_notes": .array(
                itemNotes.map {
                    .object([
                        "agenda_item_id": .integer($0.agendaItemID), "title": .string($0.title),
                        "notes": .string($0.notes),
                    ])
                }),
            "general_notes": .optional(generalNotes),
            "decisions": .array(
                decisions.map {
                    .object([
                        "number": $0.number.map { JSONValue.integer(Int64($0)) } ?? .null, "text": .string($0.text),
                        "agenda_item_id": $0.agendaItemID.map(JSONValue.integer) ?? .null,
                    ])
                }),
            "actions": .array(
                actions.map {
                    .object([
                        "action_id": $0.actionID.map(JSONValue.integer) ?? .null, "title": .string($0.title),
                        "owner_id": .string($0.ownerID), "due": .optional($0.due),
                    ])
                }),
        ])
    }
}

extension LoggedDecision {
    var json: JSONValue {
        .object([
            "series_id": .string(seriesID),
            "number": .integer(Int64(number)),
            "occurrence_date": .string(occurrenceDate.description),
            "text": .string(text),
            "agenda_item_id": agendaItemID.map(JSONValue.integer) ?? .null,
            "published_at": .string(instantText(publishedAt)),
        ])
    }
}
