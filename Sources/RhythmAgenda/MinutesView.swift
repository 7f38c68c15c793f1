import Foundation
import RhythmCore

/// Minutes as templates see them, like `AgendaView`: dictionaries, arrays and strings, every
/// name and date written out, a key left out when it has no value. Keep it in step with
/// `TemplateKeys.minutes`; the template README lists every key.
struct MinutesView {
    let content: MinutesContent

    var dictionary: [String: Any] {
        let minutes = content.minutes
        let occurrence = content.occurrence
        let series = occurrence.series
        let people = Dictionary(content.initiative.people.map { ($0.id, $0) }) { first, _ in first }
        let partners = Dictionary(content.initiative.partners.map { ($0.id, $0.name) }) { first, _ in first }
        let name = { (id: String) in people[id]?.name ?? id }
        let localEnd = occurrence.timeZone.wallClock(at: occurrence.end)
        var view: [String: Any] = [
            "initiative": content.initiative.name,
            "series": ["id": series.id, "title": series.title, "kind": series.kind.name],
            "date": AgendaText.longDate(occurrence.localStart.date),
            "dateISO": occurrence.localStart.date.description,
            "occurrenceDate": minutes.occurrenceDate.description,
            "when": AgendaText.span(occurrence.localStart, localEnd),
            "timeZone": occurrence.timeZone.identifier,
            "revision": content.revision,
        ]
        view["location"] = occurrence.location
        view["organizer"] = series.organizerID.map(name)
        if let publishedAt = content.publishedAt {
            let local = occurrence.timeZone.wallClock(at: publishedAt)
            view["published"] = "\(AgendaText.longDate(local.date)), \(AgendaText.time(local.time))"
        }
        if content.revision == 0 { view["draft"] = true }
        if content.revision > 1 { view["corrected"] = true }
        var marked: [Minutes.Mark: [[String: Any]]] = [:]
        var notRecorded: [String] = []
        for line in minutes.attendance {
            guard let mark = line.mark else {
                notRecorded.append(name(line.personID))
                continue
            }
            var entry: [String: Any] = ["name": name(line.personID)]
            entry["partner"] = people[line.personID]?.partnerID.flatMap { partners[$0] }
            entry["note"] = line.note
            marked[mark, default: []].append(entry)
        }
        for (mark, key) in [(Minutes.Mark.present, "present"), (.apologies, "apologies"), (.absent, "absent")] {
            guard let entries = marked[mark], !entries.isEmpty else { continue }
            view[key] = entries
        }
        view["attendanceSummary"] = [
            "\(marked[.present]?.count ?? 0) present", "\(marked[.apologies]?.count ?? 0) with apologies",
            "\(marked[.absent]?.count ?? 0) absent",
        ].joined(separator: ", ")
        if !notRecorded.isEmpty { view["notRecorded"] = notRecorded.joined(separator: ", ") }
        // The title an item had when its notes were taken, else its title now.
        let titles = Dictionary(content.agendaItems.map { ($0.id, $0.title) }) { first, _ in first }
            .merging(minutes.itemNotes.map { ($0.agendaItemID, $0.title) }) { _, noted in noted }
        if !minutes.itemNotes.isEmpty {
            view["items"] = minutes.itemNotes.enumerated().map { index, note in
                ["number": index + 1, "title": note.title, "notes": note.notes] as [String: Any]
            }
        }
        view["generalNotes"] = minutes.generalNotes
        if !minutes.decisions.isEmpty {
            view["decisions"] = minutes.decisions.map { decision in
                var entry: [String: Any] = ["text": decision.text]
                entry["number"] = decision.number
                entry["item"] = decision.agendaItemID.flatMap { titles[$0] }
                return entry
            }
        }
        if !minutes.actions.isEmpty {
            view["actions"] = minutes.actions.map { action in
                var entry: [String: Any] = ["title": action.title, "owner": name(action.ownerID)]
                entry["id"] = action.actionID
                entry["due"] = action.due.map(AgendaText.shortDate)
                return entry
            }
        }
        return view
    }
}
