import Foundation
import RhythmCore
import RhythmStore

/// The answer links one e-mail to one person needs, each with the expiry its subject calls
/// for, before any is issued: a pure value, so what a message links to can be worked out
/// and tested apart from the store.
///
/// Expiry (`service.answer_links`): links about a meeting live until its end plus
/// `afterSubject`; an indicator value's link until its review's start plus `afterSubject`;
/// an action's link has none of its own (its page checks how long ago the action was
/// closed); the person's page and "Stop reminders like this" live `personalPage` from now.
struct AnswerLinkNeeds: Sendable {
    let personID: String
    let lifetimes: AnswerLinkLifetimes
    let now: Date
    /// What to issue, each subject once, in the order first asked for.
    private(set) var requests: [AnswerLinkRequest] = []

    init(personID: String, lifetimes: AnswerLinkLifetimes, now: Date) {
        self.personID = personID
        self.lifetimes = lifetimes
        self.now = now
    }

    /// "Your page".
    mutating func addPage() {
        add(.page, expiresAt: now + lifetimes.personalPage)
    }

    /// "I'll be there", "Send apologies" and "Add an item to the agenda" for `occurrence`.
    mutating func addMeeting(_ occurrence: Occurrence) {
        let seriesID = occurrence.series.id
        let date = occurrence.originalStart.date
        let expiry = occurrence.end + lifetimes.afterSubject
        add(.attendance(seriesID: seriesID, occurrenceDate: date), expiresAt: expiry)
        add(.agendaItem(seriesID: seriesID, occurrenceDate: date), expiresAt: expiry)
    }

    /// The answers `reminder` offers, and "Stop reminders like this" for its rule; a digest's
    /// for each of its members.
    mutating func addAnswers(to reminder: Reminder) {
        switch reminder.subject {
        case .meeting(let occurrence): addMeeting(occurrence)
        case .action(let action): add(.action(action.id), expiresAt: nil)
        case .indicator(let standing, let review):
            add(
                .indicator(indicatorID: standing.indicator.id, period: standing.period),
                expiresAt: review.start + lifetimes.afterSubject)
        case .digest(let members):
            for member in members { addAnswers(to: member) }
        case .quorum:
            // The organiser's warning asks nothing of them that a link could answer.
            break
        }
        if let rule = reminder.rule {
            add(.optOut(ruleID: rule.id), expiresAt: now + lifetimes.personalPage)
        }
    }

    private mutating func add(_ subject: AnswerLinkSubject, expiresAt: Date?) {
        guard !requests.contains(where: { $0.subject == subject }) else { return }
        requests.append(AnswerLinkRequest(personID: personID, subject: subject, expiresAt: expiresAt))
    }
}
