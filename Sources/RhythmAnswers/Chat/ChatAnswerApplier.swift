import Foundation
import RhythmCore
import RhythmStore

/// Records the answer a chat button gives, for a person the chat system vouched for, through
/// the same checks and store methods as the answer pages, the CLI and the API.
///
/// - "I'll be there" and "Apologies" go through `AttendanceRequest`, so only the series'
///   attendees and organiser can answer, and only for meetings that are held. A note or a
///   colleague coming instead, given earlier on an answer page, stays with the answer.
/// - "Done" closes the action only for its owner: a post in a shared channel is seen by
///   everyone, and an answer link for the action goes only to its owner too.
struct ChatAnswerApplier: Sendable {
    let store: AppDatabase
    let initiative: Initiative
    let now: Date

    /// Applies `answer` for `person`, audited as `actor` (`person:<id> (slack)`).
    func apply(_ answer: ChatAnswer, for person: Person, actor: String) throws -> ChatAnswerOutcome {
        switch answer {
        case .attending(let seriesID, let date):
            try attend(seriesID: seriesID, date: date, response: .attending, person: person, actor: actor)
        case .apologies(let seriesID, let date):
            try attend(seriesID: seriesID, date: date, response: .apologies, person: person, actor: actor)
        case .done(let actionID):
            try close(actionID: actionID, person: person, actor: actor)
        }
    }

    private func attend(
        seriesID: String, date: LocalDate, response: Attendance.Response, person: Person, actor: String
    ) throws -> ChatAnswerOutcome {
        let previous = try store.attendance(seriesID: seriesID, occurrenceDate: date)
            .first { $0.personID == person.id }
        let request = AttendanceRequest(
            seriesID: seriesID, date: date, personID: person.id, response: response, note: previous?.note,
            delegateID: response == .apologies ? previous?.delegateID : nil)
        let checked: CheckedAttendance
        do throws(AttendanceRequestError) {
            checked = try request.checked(in: Schedule(initiative: initiative))
        } catch {
            return .refused(error.problems.map(\.message).joined(separator: " "))
        }
        _ = try store.setAttendance(
            seriesID: seriesID, occurrenceDate: checked.occurrenceDate, personID: person.id, response: response,
            note: checked.note, delegateID: checked.delegate?.id, actor: actor, now: now)
        let meeting = "\(checked.series.title) on \(MeetingText.day(checked.occurrence.localStart.date))"
        guard response == .apologies else {
            return .applied(
                line: "\(person.name) will be there", confirmation: "Recorded: you will be at \(meeting).")
        }
        return .applied(
            line: "\(person.name) sends apologies", confirmation: "Recorded: your apologies for \(meeting).")
    }

    private func close(actionID: Int64, person: Person, actor: String) throws -> ChatAnswerOutcome {
        guard let action = try store.action(id: actionID) else {
            return .refused("This action no longer exists.")
        }
        guard action.ownerID == person.id else {
            let owner = initiative.people.first { $0.id == action.ownerID }?.name ?? action.ownerID
            return .refused("Only \(owner), who owns “\(action.title)”, can mark it done.")
        }
        guard action.status.isOpen else {
            return .refused("“\(action.title)” is already \(MeetingText.status(action.status)).")
        }
        var changes = ActionChanges()
        changes.status = .done
        guard try store.updateAction(id: action.id, changes, actor: actor, now: now) != nil else {
            return .refused("This action no longer exists.")
        }
        return .applied(
            line: "\(person.name) marked “\(action.title)” done", confirmation: "Recorded: “\(action.title)” is done.")
    }
}
