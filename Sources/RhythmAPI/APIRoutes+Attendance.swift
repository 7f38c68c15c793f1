import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/attendance: answers for meetings, one per person and occurrence, with the same
/// checks as `rhythm attendance set` and the answer pages (`AttendanceRequest`). A
/// partner-limited token reads and writes only the answers of its partner's people, and is
/// refused (403) before the checks run, so their words never describe another partner's
/// people; a delegate is always of the person's partner, so it needs no check of its own.
///
/// An answer is addressed by the series, the meeting's date (its original date or, if it
/// moved, the new one; it is stored and shown under the original date) and the person, so
/// that writing it again replaces it: PUT, not POST.
extension APIRoutes {
    func listAttendance(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        let initiative = self.initiative()
        var query = QueryReader(request)
        var filter = AttendanceFilter()
        filter.seriesID = query.string("series_id")
        filter.occurrenceDate = query.date("occurrence_date")
        filter.personID = query.string("person_id")
        (filter.limit, filter.offset) = query.page()
        try query.finish()
        if let partnerID = caller.partnerID {
            let people = Set(initiative.people.filter { $0.partnerID == partnerID }.map(\.id))
            if let asked = filter.personID, !people.contains(asked) {
                throw APIProblem.forbidden(
                    "\(asked) is not a person of partner \(partnerID); this token reads only its people's answers.")
            }
            filter.personIDs = people
        }
        let (answers, total): ([Attendance], Int) = try await blocking { [filter] store in
            (try store.attendance(matching: filter), try store.countAttendance(matching: filter))
        }
        return try Page(items: answers.map(\.json), total: total, limit: filter.limit, offset: filter.offset)
            .response(for: request)
    }

    func putAttendance(_ request: Request, seriesID: String?, date dateText: String?, personID: String?)
        async throws -> Response
    {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        guard let seriesID, let dateText, let personID else { throw APIProblem.internalError }
        let initiative = self.initiative()
        if let limited = caller.partnerID {
            var scope = PartnerScope(partnerID: limited, initiative: initiative)
            scope.pathPerson(personID, in: "person_id")
            try scope.finish()
        }
        let object = try await JSONBody.object(from: request)
        var reader = FieldReader(object)
        let response = reader.string("response", required: true)
        let note = reader.text("note", maxLength: AttendanceRequest.noteLimit)
        let delegate = reader.string("delegate_id")
        let parsedResponse = response.value.flatMap { text in
            Attendance.Response(rawValue: text) ?? reader.reportUnknownResponse(text)
        }
        let date = dateText.count == 10 ? LocalDate(iso: dateText) : nil
        if date == nil {
            reader.problem(.parameter("occurrence_date", "Must be a date written YYYY-MM-DD, such as 2027-03-15."))
        }
        var checked: CheckedAttendance?
        if let parsedResponse, let date {
            let attendance = AttendanceRequest(
                seriesID: seriesID, date: date, personID: personID, response: parsedResponse, note: note.value,
                delegateID: delegate.value)
            do {
                checked = try attendance.checked(in: Schedule(initiative: initiative))
            } catch {
                for problem in error.problems { reader.problem(Self.location(of: problem)) }
            }
        }
        try reader.finish(kind: "an answer")
        guard let checked else { throw APIProblem.internalError }
        let actor = caller.actor
        let instant = now()
        let (answer, isNew): (Attendance, Bool) = try await blocking { store in
            let before = try store.attendance(seriesID: checked.series.id, occurrenceDate: checked.occurrenceDate)
            let answer = try store.setAttendance(
                seriesID: checked.series.id, occurrenceDate: checked.occurrenceDate, personID: checked.person.id,
                response: checked.response, note: checked.note, delegateID: checked.delegate?.id, actor: actor,
                now: instant)
            return (answer, !before.contains { $0.personID == checked.person.id })
        }
        return await changed(try APIResponse.json(answer.json, status: isNew ? .created : .ok))
    }

    /// Where a problem the shared checks found goes in the answer: the path's parameters
    /// name the meeting and the person, the body holds the rest.
    private static func location(of problem: AttendanceRequestError.Problem) -> FieldProblem {
        switch problem.field {
        case .series: .parameter("series_id", problem.message)
        case .date: .parameter("occurrence_date", problem.message)
        case .person: .parameter("person_id", problem.message)
        case .note: .field("note", problem.message)
        case .delegate: .field("delegate_id", problem.message)
        }
    }
}

extension FieldReader {
    /// Reports a response the API does not know; always nil, for use in `??`.
    mutating func reportUnknownResponse(_ text: String) -> Attendance.Response? {
        let known = Attendance.Response.allCases.map(\.rawValue)
        report("response", "Unknown response \"\(text)\"; use one of \(known.joined(separator: ", ")).")
        return nil
    }
}
