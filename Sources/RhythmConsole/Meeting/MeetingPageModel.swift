import Foundation
import RhythmCore
import RhythmStore

/// What the page of one meeting shows: the occurrence as the layered schedule has it, the
/// live change behind it, and its agenda.
struct MeetingPageModel: Sendable {
    /// The configuration with the live changes laid over it.
    let initiative: Initiative
    let occurrence: Occurrence
    /// The live change in force for this meeting (applied, or superseded by the file), if any.
    let liveChange: LiveChange?
    let standing: LiveLayering.Standing?
    /// The submitted items on the agenda, in order.
    let items: [AgendaItem]

    var series: MeetingSeries { occurrence.series }
    var originalDate: LocalDate { occurrence.originalStart.date }
    var path: String { ConsolePaths.meeting(seriesID: series.id, originalDate: originalDate) }
    var budget: AgendaTimeBudget { AgendaTimeBudget(for: occurrence, items: items) }

    /// The meeting `seriesID` has on the original `date`, with its live change and agenda; nil
    /// when the series does not exist or has no meeting that day.
    static func load(
        store: AppDatabase, initiative: Initiative, file: Initiative, seriesID: String, date: LocalDate
    ) throws -> MeetingPageModel? {
        guard let series = initiative.series.first(where: { $0.id == seriesID }),
            let occurrence = Schedule(initiative: initiative).occurrence(
                of: series, originalDate: date, includingSkipped: true)
        else { return nil }
        let changes = try store.liveChanges(includingEnded: false)
        let change = changes.first { $0.seriesID == seriesID && $0.kind.date == date }
        let standing = change.map { LiveLayering(file: file, changes: changes).standing(of: $0) }
        let items = try store.agendaItems(seriesID: seriesID, occurrenceDate: date, limit: 1_000, offset: 0)
        return MeetingPageModel(
            initiative: initiative, occurrence: occurrence, liveChange: change, standing: standing, items: items)
    }

    /// The name of the person with this id, or the id when the configuration no longer has them.
    func personName(_ id: String) -> String {
        initiative.people.first { $0.id == id }?.name ?? id
    }

    /// `console:priya` as `Priya Natarajan (console)`; other actors as they are.
    func actorName(_ actor: String) -> String {
        guard actor.hasPrefix("console:") else { return actor }
        return "\(personName(String(actor.dropFirst("console:".count)))) (console)"
    }
}
