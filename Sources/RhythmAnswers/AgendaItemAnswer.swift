import RhythmCore
import RhythmStore

/// "Add an item to the agenda" of one meeting, with the checks `rhythm agenda add` and the
/// API apply (``AgendaItemRules``). The person who submits it presents it.
enum AgendaItemAnswer {
    static func view(_ meeting: MeetingSubject, visit: Visit, preselect: FormBody) -> View {
        var view = visit.baseView(title: "Add an item to the agenda of \(meeting.series.title)")
        meeting.view(into: &view, visit: visit)
        view["itemTitle"] = preselect["title"]
        view["minutes"] = preselect["minutes"]
        view["notes"] = preselect["notes"]
        return view
    }

    static func apply(_ form: FormBody, meeting: MeetingSubject, visit: Visit, store: AppDatabase) throws -> Result<
        AppliedAnswer, Problems
    > {
        let title = form.text("title") ?? ""
        let notes = form.text("notes")
        var messages: [String] = []
        var minutes: Int?
        if let text = form.text("minutes") {
            minutes = Int(text)
            if minutes == nil { messages.append("The minutes must be a whole number, such as 15.") }
        }
        messages += AgendaItemRules.problems(
            title: title, minutes: minutes, notes: notes, presenterID: visit.person.id, in: visit.initiative
        ).map { $0.field == .minutes ? "Minutes: \($0.message)" : $0.message }
        guard messages.isEmpty else { return .failure(Problems(messages)) }
        let item = try store.createAgendaItem(
            NewAgendaItem(
                seriesID: meeting.series.id, occurrenceDate: meeting.originalDate, title: title,
                presenterID: visit.person.id, minutes: minutes, notes: notes),
            actor: visit.actor, now: visit.now)
        let summary =
            "“\(item.title)” is on the agenda of \(meeting.series.title) on "
            + "\(MeetingText.day(meeting.occurrence.localStart.date)), presented by you."
        return .success(AppliedAnswer(summary: summary, change: .agendaItem(id: item.id)))
    }
}
