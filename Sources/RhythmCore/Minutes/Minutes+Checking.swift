import Foundation

extension Minutes {
    /// The minutes as they can be stored: text trimmed, empty notes left out, and every id
    /// checked against the configuration and the meeting's agenda items.
    ///
    /// - Parameter items: the agenda items of the meeting (withdrawn ones included, since
    ///   notes taken on them stay).
    /// - Throws: `MinutesError` with every problem found, not just the first.
    public func checked(in initiative: Initiative, items: [AgendaItem]) throws(MinutesError) -> Minutes {
        var problems: [MinutesError.Problem] = []
        let people = Set(initiative.people.map(\.id))
        let itemIDs = Set(items.map(\.id))
        var checked = self
        var seen: Set<String> = []
        for (index, line) in attendance.enumerated() {
            if !people.contains(line.personID) {
                problems.append(.init("/attendance/\(index)/person_id", Self.unknownPerson(line.personID)))
            } else if !seen.insert(line.personID).inserted {
                problems.append(
                    .init("/attendance/\(index)/person_id", "\(line.personID) has two attendance lines; keep one."))
            }
            checked.attendance[index].note = Self.trimmed(line.note)
        }
        checked.itemNotes = []
        for (index, note) in itemNotes.enumerated() {
            if !itemIDs.contains(note.agendaItemID) {
                problems.append(.init("/item_notes/\(index)/agenda_item_id", Self.unknownItem(note.agendaItemID)))
            }
            if let text = Self.trimmed(note.notes) {
                let title = items.first { $0.id == note.agendaItemID }?.title ?? note.title
                checked.itemNotes.append(ItemNote(agendaItemID: note.agendaItemID, title: title, notes: text))
            }
        }
        checked.generalNotes = Self.trimmed(generalNotes)
        for (index, decision) in decisions.enumerated() {
            guard let text = Self.trimmed(decision.text) else {
                problems.append(
                    .init("/decisions/\(index)/text", "A decision needs its words; remove it or write them."))
                continue
            }
            checked.decisions[index].text = text
            if let itemID = decision.agendaItemID, !itemIDs.contains(itemID) {
                problems.append(.init("/decisions/\(index)/agenda_item_id", Self.unknownItem(itemID)))
            }
        }
        for (index, action) in actions.enumerated() {
            if let title = Self.trimmed(action.title) {
                checked.actions[index].title = title
            } else {
                problems.append(.init("/actions/\(index)/title", "An action needs a title that is not empty."))
            }
            if !people.contains(action.ownerID) {
                problems.append(.init("/actions/\(index)/owner_id", Self.unknownPerson(action.ownerID)))
            }
        }
        guard problems.isEmpty else { throw MinutesError(problems: problems) }
        return checked
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func unknownPerson(_ id: String) -> String {
        "\(id) is not a person of the initiative; use a person id from the configuration."
    }

    private static func unknownItem(_ id: Int64) -> String {
        "\(id) is not an agenda item of this meeting; use the id of one of its items."
    }
}
