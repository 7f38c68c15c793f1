import Foundation
import RhythmCore
import RhythmStore

/// Done, in progress or blocked for one action, or a new due date; a note goes into the
/// action's details, dated and signed, where `rhythm action show`, the API and the next
/// agenda's review of actions show it.
enum ActionAnswer {
    static let noteLimit = 1000
    /// The statuses a person can give their own action here; dropping one is the backbone's call.
    static let statuses: [Action.Status] = [.open, .inProgress, .blocked, .done]

    /// The action, if it exists, the person owns it, and it was not closed more than
    /// `afterSubject` ago.
    static func find(id: Int64, visit: Visit, settings: ServiceSettings, store: AppDatabase) throws -> Action? {
        guard let action = try store.action(id: id), action.ownerID == visit.person.id else { return nil }
        if !action.status.isOpen, visit.now.timeIntervalSince(action.updatedAt) > settings.answerLinks.afterSubject {
            return nil
        }
        return action
    }

    static func view(_ action: Action, visit: Visit, preselect: FormBody) -> View {
        let changeDue = preselect["change"] == "due"
        var view = visit.baseView(title: changeDue ? "Change the due date" : "How is this action going?")
        view["actionTitle"] = action.title
        view["status"] = MeetingText.status(action.status)
        view["due"] = action.due?.description
        view["details"] = action.details
        view["changeDue"] = changeDue
        view["newDue"] = preselect["due"] ?? action.due?.description
        let chosen = preselect["status"] ?? action.status.rawValue
        view["done"] = chosen == Action.Status.done.rawValue
        view["inProgress"] = chosen == Action.Status.inProgress.rawValue
        view["blocked"] = chosen == Action.Status.blocked.rawValue
        view["note"] = preselect["note"]
        view["fields"] = changeDue ? [["name": "change", "value": "due"]] : []
        return view
    }

    /// Applies the status, the due date and the note the form gives; at least one of them.
    static func apply(_ form: FormBody, action: Action, visit: Visit, store: AppDatabase) throws -> Result<
        AppliedAnswer, Problems
    > {
        var messages: [String] = []
        var status: Action.Status?
        if let text = form.text("status") {
            status = Action.Status(rawValue: text).flatMap { statuses.contains($0) ? $0 : nil }
            if status == nil { messages.append("Choose Done, In progress or Blocked.") }
        }
        var due: LocalDate?
        if let text = form.text("due") {
            due = LocalDate(iso: text)
            if due == nil { messages.append("The due date must be a date such as 2027-03-01; found \"\(text)\".") }
        }
        let note = form.text("note")
        if let note, note.count > noteLimit {
            messages.append("The note is \(note.count) characters long; please keep it under \(noteLimit).")
        }
        let newStatus = status.flatMap { $0 == action.status ? nil : $0 }
        let newDue = due.flatMap { $0 == action.due ? nil : $0 }
        if messages.isEmpty, newStatus == nil, newDue == nil, note == nil {
            messages.append(
                form["change"] == "due" ? "Give the new due date." : "Choose Done, In progress or Blocked.")
        }
        guard messages.isEmpty else { return .failure(Problems(messages)) }
        var changes = ActionChanges()
        changes.status = newStatus
        changes.due = newDue.map { .some($0) }
        if let note {
            let signed = "\(visit.today), \(visit.person.name): \(note)"
            changes.details = .some([action.details, signed].compactMap { $0 }.joined(separator: "\n\n"))
        }
        guard let updated = try store.updateAction(id: action.id, changes, actor: visit.actor, now: visit.now) else {
            return .failure(Problems(["This action no longer exists."]))
        }
        var parts: [String] = []
        if newStatus != nil { parts.append("is now \(MeetingText.status(updated.status))") }
        if let newDue { parts.append("is due on \(MeetingText.day(newDue))") }
        var summary = "“\(updated.title)” " + (parts.isEmpty ? "keeps its status" : parts.joined(separator: " and "))
        summary += "."
        if note != nil { summary += " Your note was added to its details." }
        let change = UndoableChange.action(
            id: action.id, status: action.status.rawValue, due: action.due?.description, details: action.details)
        return .success(AppliedAnswer(summary: summary, change: change))
    }
}
