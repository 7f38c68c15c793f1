import Foundation
import RhythmAgenda
import RhythmCore

/// Realistic minutes for the golden files: the meeting of `SampleAgenda`, corrected once,
/// with every attendance mark and one line not filled in, notes on an item and general notes
/// (with characters HTML must escape), numbered decisions and raised actions.
enum SampleMinutes {
    static var content: MinutesContent {
        let initiative = SampleAgenda.initiative
        let window = DateInterval(
            start: SampleAgenda.melbourne.instant(for: LocalDateTime(iso: "2027-05-01T00:00")!), duration: 60 * 86_400)
        let occurrence = Schedule(initiative: initiative).occurrences(in: window)[0]
        let minutes = Minutes(
            seriesID: "review", occurrenceDate: SampleAgenda.date("2027-05-27"),
            attendance: [
                .init(personID: "priya", mark: .present),
                .init(personID: "amara", mark: .present),
                .init(personID: "fiona", mark: .apologies, note: "Travelling; Kofi Mensah comes instead"),
                .init(personID: "hemi", mark: .absent),
                .init(personID: "tane", mark: nil),
            ],
            itemNotes: [
                .init(agendaItemID: 1, title: "Attendance data <draft>", notes: "Numbers are up 3% & holding.")
            ],
            generalNotes: "Next review moves to the college.",
            decisions: [
                .init(number: 4, text: "Adopt the shared intake form", agendaItemID: 1),
                .init(number: 6, text: "Invite the health partners"),
            ],
            actions: [
                .init(
                    actionID: 31, title: "Draft the intake form", ownerID: "amara", due: SampleAgenda.date("2027-06-15")
                ),
                .init(actionID: 32, title: "Write to the health partners", ownerID: "priya"),
            ])
        return MinutesContent(
            minutes: minutes, occurrence: occurrence, initiative: initiative, revision: 2,
            publishedAt: SampleAgenda.melbourne.instant(for: LocalDateTime(iso: "2027-05-28T09:30")!))
    }
}
