import Foundation
import RhythmAgenda
import RhythmCore
import RhythmFeeds
import RhythmStore

/// Agendas built from the live data, for the feeds' next meetings and for agenda pages.
public struct AgendaService: Sendable {
    public let store: AppDatabase
    public let renderer: AgendaRenderer

    public init(store: AppDatabase, renderer: AgendaRenderer) {
        self.store = store
        self.renderer = renderer
    }

    /// The agenda of `occurrence` as the store has it now.
    public func agenda(for occurrence: Occurrence, initiative: Initiative, now: Date) throws(StoreError) -> Agenda {
        try WorkSnapshot(store: store).agenda(for: occurrence, initiative: initiative, now: now)
    }

    /// The published minutes of `occurrence`, ready to render; nil when none were published.
    public func publishedMinutes(of occurrence: Occurrence, initiative: Initiative) throws(StoreError)
        -> MinutesContent?
    {
        guard
            let record = try store.minutes(
                seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date),
            let published = record.published
        else { return nil }
        return MinutesContent(
            minutes: published, occurrence: occurrence, initiative: initiative, revision: record.revision,
            publishedAt: record.publishedAt,
            agendaItems: try store.agendaItems(
                seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date, limit: 10_000,
                offset: 0))
    }

    /// The agenda page `agendaHTML` with the minutes page `minutesHTML` under the agenda: the
    /// body of the one inside the body of the other, so the page stays one document.
    public static func page(agendaHTML: String, minutesHTML: String) -> String {
        var minutes = Substring(minutesHTML)
        if let open = minutes.range(of: "<body", options: .caseInsensitive),
            let end = minutes[open.upperBound...].firstIndex(of: ">")
        {
            minutes = minutes[minutes.index(after: end)...]
        }
        if let close = minutes.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            minutes = minutes[..<close.lowerBound]
        }
        let section = "<section aria-label=\"Minutes\" style=\"margin-top:24px;\">\n" + minutes + "</section>\n"
        guard let close = agendaHTML.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return agendaHTML + "\n" + section
        }
        return agendaHTML.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: section)
    }

    /// The agenda of the next meeting of each series `audience` sees, as text for the
    /// meeting's DESCRIPTION, with `link(occurrence)` to its full page when there is one.
    public func notes(
        for audience: FeedAudience, initiative: Initiative, now: Date, link: (Occurrence) -> URL?
    ) throws(StoreError) -> [String: OccurrenceNote] {
        let schedule = Schedule(initiative: initiative)
        let snapshot = try WorkSnapshot(store: store)
        var notes: [String: OccurrenceNote] = [:]
        for series in audience.series(in: initiative) {
            guard let next = schedule.nextMeeting(of: series, after: now) else { continue }
            let agenda = try snapshot.agenda(for: next, initiative: initiative, now: now)
            notes[series.id] = OccurrenceNote(
                occurrence: next, text: renderer.render(agenda, format: .text), link: link(next))
        }
        return notes
    }
}

/// The open actions and indicator results read once, for building several agendas; each
/// agenda's items and answers are read with it.
private struct WorkSnapshot {
    let store: AppDatabase
    let actions: [Action]
    let results: [IndicatorResult]

    init(store: AppDatabase) throws(StoreError) {
        self.store = store
        actions = try store.openActions()
        results = try store.allIndicatorResults()
    }

    func agenda(for occurrence: Occurrence, initiative: Initiative, now: Date) throws(StoreError) -> Agenda {
        let items = try store.agendaItems(
            seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date, limit: 10_000, offset: 0)
        let attendance = try store.attendance(
            seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date)
        return AgendaBuilder().agenda(
            for: occurrence, initiative: initiative, actions: actions, items: items, results: results,
            attendance: attendance, today: initiative.timeZone.wallClock(at: now).date)
    }
}
