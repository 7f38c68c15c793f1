import RhythmCore
import RhythmStore

/// "I'll be there" or "Send apologies" for one meeting, with a note and, with apologies, a
/// colleague from the same partner who comes instead.
enum AttendanceAnswer {
    /// The question, with the answer so far (or the one `preselect` names) chosen.
    static func view(_ meeting: MeetingSubject, visit: Visit, preselect: FormBody, store: AppDatabase) throws -> View {
        let current = try current(meeting, visit: visit, store: store)
        var view = visit.baseView(title: "Will you be at \(meeting.series.title)?")
        meeting.view(into: &view, visit: visit)
        view["current"] = current.map { MeetingText.response($0.response) }
        let chosen = preselect["answer"] ?? current?.response.rawValue
        view["attending"] = chosen == Attendance.Response.attending.rawValue
        view["apologies"] = chosen == Attendance.Response.apologies.rawValue
        view["note"] = preselect["note"] ?? current?.note
        let delegate = preselect["delegate"] ?? current?.delegateID
        let colleagues = colleagues(of: visit.person, in: visit.initiative)
        view["hasColleagues"] = !colleagues.isEmpty
        view["colleagues"] = colleagues.map { colleague -> [String: Any] in
            ["id": colleague.id, "name": colleague.name, "selected": colleague.id == delegate]
        }
        return view
    }

    /// Records the answer the form gives, after the checks `rhythm attendance set` and the
    /// API apply (`AttendanceRequest`), so that all three refuse the same answers alike.
    static func apply(_ form: FormBody, meeting: MeetingSubject, visit: Visit, store: AppDatabase) throws -> Result<
        AppliedAnswer, Problems
    > {
        guard let response = form["answer"].flatMap(Attendance.Response.init(rawValue:)), response != .tentative
        else { return .failure(Problems(["Choose \"I'll be there\" or \"Send apologies\"."])) }
        let request = AttendanceRequest(
            seriesID: meeting.series.id, date: meeting.originalDate, personID: visit.person.id, response: response,
            note: form.text("note"), delegateID: form.text("delegate"))
        let checked: CheckedAttendance
        do throws(AttendanceRequestError) {
            checked = try request.checked(in: Schedule(initiative: visit.initiative))
        } catch {
            return .failure(Problems(error.problems.map(\.message)))
        }
        let previous = try current(meeting, visit: visit, store: store)
        _ = try store.setAttendance(
            seriesID: meeting.series.id, occurrenceDate: meeting.originalDate, personID: visit.person.id,
            response: response, note: checked.note, delegateID: checked.delegate?.id, actor: visit.actor,
            now: visit.now)
        var summary =
            "Your answer for \(meeting.series.title) on \(MeetingText.day(meeting.occurrence.localStart.date)): "
            + (response == .attending ? "you will be there." : "you sent apologies.")
        if let delegate = checked.delegate { summary += " \(delegate.name) comes instead." }
        if checked.note != nil { summary += " Your note goes with it." }
        let change = UndoableChange.attendance(
            seriesID: meeting.series.id, occurrenceDate: meeting.originalDate.description,
            previous: previous.map {
                .init(response: $0.response.rawValue, note: $0.note, delegateID: $0.delegateID)
            })
        return .success(AppliedAnswer(summary: summary, change: change))
    }

    /// The person's answer for the meeting so far.
    static func current(_ meeting: MeetingSubject, visit: Visit, store: AppDatabase) throws -> Attendance? {
        try store.attendance(seriesID: meeting.series.id, occurrenceDate: meeting.originalDate)
            .first { $0.personID == visit.person.id }
    }

    /// The people of the person's partner but them, who may come instead.
    static func colleagues(of person: Person, in initiative: Initiative) -> [Person] {
        guard let partnerID = person.partnerID else { return [] }
        return initiative.people.filter { $0.partnerID == partnerID && $0.id != person.id }
    }
}
