import Foundation
import RhythmCore
import RhythmStore

/// The answer links issued for one e-mail, by subject, and the plain words each is offered
/// with. The query of a link preselects the answer on its page (`?answer=attending`); the
/// page itself changes nothing until the person confirms.
struct AnswerLinks: Sendable {
    /// The address of each issued link.
    private let urls: [AnswerLinkSubject: String]

    init(_ issued: [IssuedAnswerLink], base: String) {
        urls = Dictionary(issued.map { ($0.record.subject, $0.url(base: base)) }) { first, _ in first }
    }

    /// The address of the link for `subject`; nil when none was issued.
    func url(_ subject: AnswerLinkSubject) -> String? {
        urls[subject]
    }

    /// The answers a reminder about `subject` offers; none for a digest, whose members each
    /// offer their own, nor for the organiser's quorum warning.
    func answers(for subject: Reminder.Subject) -> [MessageLink] {
        switch subject {
        case .meeting(let occurrence): meeting(occurrence)
        case .action(let action):
            links(
                .action(action.id),
                [
                    ("Done", "?status=done"), ("In progress", "?status=in-progress"), ("Blocked", "?status=blocked"),
                    ("Change the due date", "?change=due"),
                ])
        case .indicator(let standing, _):
            links(
                .indicator(indicatorID: standing.indicator.id, period: standing.period),
                [("Enter the \(standing.period) value", "")])
        case .digest, .quorum: []
        }
    }

    /// "I'll be there", "Send apologies" and "Add an item to the agenda" for `occurrence`.
    func meeting(_ occurrence: Occurrence) -> [MessageLink] {
        let seriesID = occurrence.series.id
        let date = occurrence.originalStart.date
        return links(
            .attendance(seriesID: seriesID, occurrenceDate: date),
            [("I'll be there", "?answer=attending"), ("Send apologies", "?answer=apologies")])
            + links(.agendaItem(seriesID: seriesID, occurrenceDate: date), [("Add an item to the agenda", "")])
    }

    /// "Your page".
    var page: [MessageLink] {
        links(.page, [("Your page", "")])
    }

    /// "Stop reminders like this", for the rule `ruleID`.
    func stop(ruleID: String) -> [MessageLink] {
        links(.optOut(ruleID: ruleID), [("Stop reminders like this", "")])
    }

    private func links(_ subject: AnswerLinkSubject, _ variants: [(label: String, query: String)]) -> [MessageLink] {
        guard let url = urls[subject] else { return [] }
        return variants.map { MessageLink(label: $0.label, url: url + $0.query) }
    }
}
