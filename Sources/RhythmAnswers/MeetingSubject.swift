import RhythmCore

/// One meeting a person is asked about: a series they attend and an occurrence of it that
/// happens (neither cancelled nor skipped), named by the date the rule gave it.
struct MeetingSubject: Sendable {
    let series: MeetingSeries
    let occurrence: Occurrence

    /// The date the rule gave the occurrence, under which answers and items are stored.
    var originalDate: LocalDate { occurrence.originalStart.date }

    /// The meeting, if the series still exists, the person attends it, and it happens.
    static func find(seriesID: String, originalDate: LocalDate, visit: Visit) -> MeetingSubject? {
        guard let series = visit.initiative.series.first(where: { $0.id == seriesID }),
            visit.initiative.isAttending(personID: visit.person.id, series: series),
            let occurrence = Schedule(initiative: visit.initiative).occurrence(of: series, originalDate: originalDate),
            AgendaItemRules.happens(occurrence)
        else { return nil }
        return MeetingSubject(series: series, occurrence: occurrence)
    }

    /// The meeting's title, time on the person's clocks and place, for a page.
    func view(into view: inout View, visit: Visit) {
        view["meeting"] = series.title
        view["when"] = MeetingText.when(occurrence, in: visit.person.timeZone)
        view["place"] = MeetingText.place(occurrence)
    }
}
