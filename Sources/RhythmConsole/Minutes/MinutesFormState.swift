import Foundation
import RhythmCore

/// The minutes form row by row, as it is shown and as the browser sends it back: the
/// attendance and item notes of the draft, its decisions and actions followed by empty rows
/// to add new ones.
///
/// Field names are `attendance-<row>-mark`, `item-<row>-notes`, `decision-<row>-text`,
/// `action-<row>-owner` and so on; a problem is kept under the name of the field it is about.
struct MinutesFormState: Sendable {
    struct AttendanceRow: Sendable {
        var personID: String
        var mark: Minutes.Mark?
        var note: String
    }

    struct ItemRow: Sendable {
        var agendaItemID: Int64
        var title: String
        var notes: String
    }

    struct DecisionRow: Sendable {
        var number: Int?
        var text: String
        var agendaItemID: Int64?
    }

    struct ActionRow: Sendable {
        var actionID: Int64?
        var title: String
        var ownerID: String
        /// As typed, so that a date that does not read is shown back as it was.
        var due: String
    }

    /// How many empty decision and action rows the form offers beyond the saved ones.
    static let emptyRows = 3
    /// The most rows of one kind read from a posted form.
    static let maximumRows = 200

    var seriesID: String
    var occurrenceDate: LocalDate
    var attendance: [AttendanceRow]
    var items: [ItemRow]
    var generalNotes: String
    var decisions: [DecisionRow]
    var actions: [ActionRow]
    /// What is wrong, by field name ("" for the minutes as a whole).
    var problems: [String: [String]] = [:]

    /// The form for `minutes`, with empty rows to add decisions and actions.
    init(_ minutes: Minutes) {
        seriesID = minutes.seriesID
        occurrenceDate = minutes.occurrenceDate
        attendance = minutes.attendance.map { AttendanceRow(personID: $0.personID, mark: $0.mark, note: $0.note ?? "") }
        items = minutes.itemNotes.map { ItemRow(agendaItemID: $0.agendaItemID, title: $0.title, notes: $0.notes) }
        generalNotes = minutes.generalNotes ?? ""
        decisions =
            minutes.decisions.map { DecisionRow(number: $0.number, text: $0.text, agendaItemID: $0.agendaItemID) }
            + Array(repeating: DecisionRow(number: nil, text: "", agendaItemID: nil), count: Self.emptyRows)
        actions =
            minutes.actions.map {
                ActionRow(actionID: $0.actionID, title: $0.title, ownerID: $0.ownerID, due: $0.due?.description ?? "")
            } + Array(repeating: ActionRow(actionID: nil, title: "", ownerID: "", due: ""), count: Self.emptyRows)
    }

    /// The form as posted for the meeting `seriesID` on `occurrenceDate`; fields that do not
    /// read (a mark or a date the form never offers) become problems at their field.
    init(posted form: ConsoleForm, seriesID: String, occurrenceDate: LocalDate) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        attendance = []
        items = []
        decisions = []
        actions = []
        generalNotes = Self.text(form["general-notes"])
        for row in 0..<Self.maximumRows {
            guard let personID = form["attendance-\(row)-person"] else { break }
            let markText = form.text("attendance-\(row)-mark")
            let mark = markText.flatMap(Minutes.Mark.init(rawValue:))
            if let markText, mark == nil {
                report("attendance-\(row)-mark", "\(markText) is not a mark; choose present, apologies or absent.")
            }
            attendance.append(
                AttendanceRow(personID: personID, mark: mark, note: Self.text(form["attendance-\(row)-note"])))
        }
        for row in 0..<Self.maximumRows {
            guard let id = form["item-\(row)-id"] else { break }
            guard let agendaItemID = Int64(id) else {
                report("item-\(row)-notes", "The form names no agenda item here; open the page again.")
                continue
            }
            items.append(
                ItemRow(
                    agendaItemID: agendaItemID, title: form["item-\(row)-title"] ?? "",
                    notes: Self.text(form["item-\(row)-notes"])))
        }
        for row in 0..<Self.maximumRows {
            guard let text = form["decision-\(row)-text"] else { break }
            let item = form.text("decision-\(row)-item")
            if let item, Int64(item) == nil {
                report("decision-\(row)-item", "Choose one of the meeting's agenda items, or none.")
            }
            decisions.append(
                DecisionRow(
                    number: form.text("decision-\(row)-number").flatMap { Int($0) }, text: Self.text(text),
                    agendaItemID: item.flatMap { Int64($0) }))
        }
        for row in 0..<Self.maximumRows {
            guard let title = form["action-\(row)-title"] else { break }
            let due = form.text("action-\(row)-due") ?? ""
            if !due.isEmpty, due.count != 10 || LocalDate(iso: due) == nil {
                report("action-\(row)-due", "\(due) is not a date; write it YYYY-MM-DD, such as 2027-03-15.")
            }
            actions.append(
                ActionRow(
                    actionID: form.text("action-\(row)-id").flatMap { Int64($0) },
                    title: title.trimmingCharacters(in: .whitespacesAndNewlines),
                    ownerID: form.text("action-\(row)-owner") ?? "", due: due))
        }
    }

    /// The minutes the form describes, leaving out decisions with no words and empty new
    /// action rows (an action already raised stays: it is dropped with `rhythm action drop`), and the
    /// form row of each decision and action kept (to put their problems back in place).
    var minutes: (minutes: Minutes, decisionRows: [Int], actionRows: [Int]) {
        // Emptying a decision's words removes it, numbered or not (a correction leaves a gap).
        let keptDecisions = decisions.indices.filter {
            !decisions[$0].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        let keptActions = actions.indices.filter {
            actions[$0].actionID != nil || !actions[$0].title.isEmpty || !actions[$0].ownerID.isEmpty
                || !actions[$0].due.isEmpty
        }
        let minutes = Minutes(
            seriesID: seriesID, occurrenceDate: occurrenceDate,
            attendance: attendance.map {
                Minutes.AttendanceMark(personID: $0.personID, mark: $0.mark, note: $0.note.isEmpty ? nil : $0.note)
            },
            itemNotes: items.map { Minutes.ItemNote(agendaItemID: $0.agendaItemID, title: $0.title, notes: $0.notes) },
            generalNotes: generalNotes.isEmpty ? nil : generalNotes,
            decisions: keptDecisions.map {
                Minutes.Decision(
                    number: decisions[$0].number, text: decisions[$0].text, agendaItemID: decisions[$0].agendaItemID)
            },
            actions: keptActions.map {
                Minutes.RaisedAction(
                    actionID: actions[$0].actionID, title: actions[$0].title, ownerID: actions[$0].ownerID,
                    due: LocalDate(iso: actions[$0].due))
            })
        return (minutes, keptDecisions, keptActions)
    }

    /// Puts each problem of `error` next to its field, by its JSON pointer into `minutes`.
    mutating func report(_ error: MinutesError, decisionRows: [Int], actionRows: [Int]) {
        for problem in error.problems {
            report(
                Self.field(for: problem.pointer, decisionRows: decisionRows, actionRows: actionRows), problem.message)
        }
    }

    mutating func report(_ field: String, _ message: String) {
        problems[field, default: []].append(message)
    }

    /// The field a pointer such as `/actions/1/owner_id` is about; "" for the whole.
    static func field(for pointer: String, decisionRows: [Int], actionRows: [Int]) -> String {
        let parts = pointer.split(separator: "/").map(String.init)
        if parts == ["general_notes"] { return "general-notes" }
        guard parts.count == 3, let index = Int(parts[1]), index >= 0 else { return "" }
        switch (parts[0], parts[2]) {
        case ("attendance", _): return "attendance-\(index)-mark"
        case ("item_notes", _): return "item-\(index)-notes"
        case ("decisions", let member) where index < decisionRows.count:
            return "decision-\(decisionRows[index])-\(member == "agenda_item_id" ? "item" : "text")"
        case ("actions", let member) where index < actionRows.count:
            let suffix = ["owner_id": "owner", "due": "due"][member] ?? "title"
            return "action-\(actionRows[index])-\(suffix)"
        default: return ""
        }
    }

    /// A textarea's text with the browser's CRLF line ends as LF.
    private static func text(_ value: String?) -> String {
        (value ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }
}
