import Foundation
import RhythmCore
import RhythmStore

/// Writes the console's minutes page as an HTML fragment for the console layout: where the
/// minutes stand, the form (attendance, notes per agenda item, general notes, decisions,
/// new actions) and the published minutes below it.
///
/// Every value from the configuration or the database is escaped; a problem sits next to
/// its field, which names it through `aria-describedby`.
struct ConsoleMinutesPage {
    /// The meeting, the saved record and the draft as the store has them.
    var sheet: MinutesBook.Sheet
    /// The form to show: the draft's, or what was posted when it has problems.
    var form: MinutesFormState
    var initiative: Initiative
    /// The meeting's agenda items a decision may be tied to, with their titles.
    var agendaItems: [(id: Int64, title: String)]
    /// The published minutes as rendered by the HTML minutes template; nil when unpublished.
    var publishedHTML: String?
    /// A short message on what the last post did.
    var status: String?
    /// The hidden field with the session's CSRF token, which the form must carry.
    var csrfField: String

    var title: String {
        "Minutes: \(sheet.occurrence.series.title), \(HomeFormat.date(sheet.occurrence.localStart.date))"
    }

    func render() -> String {
        let occurrence = sheet.occurrence
        var html = "<p><a href=\"\(e(ConsolePaths.meeting(occurrence)))\">Back to the meeting</a></p>\n"
        html += "<h1>Minutes: \(e(occurrence.series.title))</h1>\n"
        html +=
            "<p>\(e(HomeFormat.meeting(occurrence, initiativeZone: initiative.timeZone)))"
            + (occurrence.location.map { ", " + e($0) } ?? "") + "</p>\n"
        if let status { html += "<p class=\"notice\" role=\"status\">\(e(status))</p>\n" }
        html += problemSummary()
        html += "<p>\(e(standing))</p>\n"
        html += formHTML()
        html += "<section aria-labelledby=\"published-minutes\">\n<h2 id=\"published-minutes\">Published minutes</h2>\n"
        html += publishedHTML.map(Self.embedded) ?? "<p>Not published yet.</p>\n"
        html += "</section>\n"
        return html
    }

    /// Where the minutes stand: saved or not, published or not, changed since.
    var standing: String {
        let zone = sheet.occurrence.timeZone
        guard let record = sheet.record else {
            return "Nothing saved yet: the form is filled in from the answers and the agenda. Save a draft to keep it."
        }
        let saved = "Draft saved \(HomeFormat.instant(record.updatedAt, zone: zone)) by \(record.updatedBy)."
        guard let publishedAt = record.publishedAt else { return saved + " Not published yet." }
        let published =
            " Published \(HomeFormat.instant(publishedAt, zone: zone)) by \(record.publishedBy ?? "unknown")"
            + (record.revision > 1 ? " (correction \(record.revision))." : ".")
        return saved + published
            + (record.hasUnpublishedChanges
                ? " The draft has changes that are not published." : " No changes since publication.")
    }

    private func problemSummary() -> String {
        guard !form.problems.isEmpty else { return "" }
        let count = form.problems.values.reduce(0) { $0 + $1.count }
        var html =
            "<div class=\"problem\" role=\"alert\"><p>The minutes were not saved: "
            + (count == 1 ? "1 problem" : "\(count) problems") + ", named next to "
            + (count == 1 ? "its field" : "their fields") + " below.</p>"
        if let general = form.problems[""] {
            html += "<ul>" + general.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        }
        return html + "</div>\n"
    }

    private func formHTML() -> String {
        let path = ConsolePaths.minutes(sheet.occurrence)
        var html = "<form method=\"post\" action=\"\(e(path))\">\n\(csrfField)\n"
        html += attendanceHTML() + itemsHTML()
        html += "<h2>General notes</h2>\n"
        html += textArea("general-notes", label: "Notes that belong to no single item", text: form.generalNotes)
        html += decisionsHTML() + actionsHTML()
        html +=
            "<p><button type=\"submit\">Save draft</button> "
            + "<button type=\"submit\" formaction=\"\(e(path))/publish\">Publish minutes</button></p>\n"
        return html + "</form>\n"
    }

    private func attendanceHTML() -> String {
        var html = "<h2>Attendance</h2>\n"
        if form.attendance.isEmpty { html += "<p>The series has no attendees.</p>\n" }
        let marks: [(Minutes.Mark?, String)] = [
            (.present, "Present"), (.apologies, "Apologies"), (.absent, "Absent"), (nil, "Not recorded"),
        ]
        for (row, line) in form.attendance.enumerated() {
            let field = "attendance-\(row)-mark"
            html += "<fieldset\(describedBy(field))>\n<legend>\(e(personName(line.personID)))</legend>\n"
            html += hidden("attendance-\(row)-person", line.personID) + problems(field)
            for (mark, label) in marks {
                html +=
                    "<label><input type=\"radio\" name=\"\(field)\" value=\"\(mark?.rawValue ?? "")\""
                    + (line.mark == mark ? " checked" : "") + "> \(label)</label>\n"
            }
            html += textInput("attendance-\(row)-note", label: "Note", text: line.note)
            html += "</fieldset>\n"
        }
        return html
    }

    private func itemsHTML() -> String {
        guard !form.items.isEmpty else { return "" }
        var html = "<h2>Agenda items</h2>\n"
        for (row, item) in form.items.enumerated() {
            html += hidden("item-\(row)-id", String(item.agendaItemID)) + hidden("item-\(row)-title", item.title)
            html += textArea("item-\(row)-notes", label: "\(row + 1). \(item.title)", text: item.notes)
        }
        return html
    }

    private func decisionsHTML() -> String {
        var html = "<h2>Decisions</h2>\n"
        var newRows = 0
        for (row, decision) in form.decisions.enumerated() {
            if decision.number == nil { newRows += 1 }
            let legend = decision.number.map { "Decision D\($0)" } ?? "New decision \(newRows)"
            html += "<fieldset>\n<legend>\(legend)</legend>\n"
            if let number = decision.number { html += hidden("decision-\(row)-number", String(number)) }
            html += textArea("decision-\(row)-text", label: "What was decided", text: decision.text)
            let options =
                [("", "None")] + agendaItems.map { (String($0.id), $0.title) }
            html += select(
                "decision-\(row)-item", label: "Taken under the agenda item", options: options,
                selected: decision.agendaItemID.map(String.init) ?? "")
            html += "</fieldset>\n"
        }
        return html
    }

    private func actionsHTML() -> String {
        var html = "<h2>New actions</h2>\n"
        let people = initiative.people.sorted { $0.name < $1.name }
        let owners = [("", "Choose the owner")] + people.map { ($0.id, $0.name) }
        var newRows = 0
        for (row, action) in form.actions.enumerated() {
            if action.actionID == nil { newRows += 1 }
            let legend = action.actionID.map { "Action #\($0)" } ?? "New action \(newRows)"
            html += "<fieldset>\n<legend>\(legend)</legend>\n"
            if let id = action.actionID { html += hidden("action-\(row)-id", String(id)) }
            html += textInput("action-\(row)-title", label: "What is to be done", text: action.title)
            html += select("action-\(row)-owner", label: "Owner", options: owners, selected: action.ownerID)
            html += textInput("action-\(row)-due", label: "Due", text: action.due, type: "date")
            html += "</fieldset>\n"
        }
        return html
    }

    // MARK: - Fields

    private func textInput(_ name: String, label: String, text: String, type: String = "text") -> String {
        "<label for=\"\(name)\">\(e(label))</label>\n" + problems(name)
            + "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(e(text))\"\(describedBy(name))>\n"
    }

    private func textArea(_ name: String, label: String, text: String) -> String {
        "<label for=\"\(name)\">\(e(label))</label>\n" + problems(name)
            + "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"3\"\(describedBy(name))>\(e(text))</textarea>\n"
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String) -> String {
        var html =
            "<label for=\"\(name)\">\(e(label))</label>\n" + problems(name)
            + "<select id=\"\(name)\" name=\"\(name)\"\(describedBy(name))>"
        for (value, text) in options {
            html += "<option value=\"\(e(value))\"\(value == selected ? " selected" : "")>\(e(text))</option>"
        }
        return html + "</select>\n"
    }

    private func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(e(value))\">\n"
    }

    /// The problems of `field`, each in a paragraph the field points to.
    private func problems(_ field: String) -> String {
        guard let messages = form.problems[field] else { return "" }
        return "<p class=\"problem\" id=\"\(field)-problem\">" + messages.map(e).joined(separator: " ") + "</p>\n"
    }

    private func describedBy(_ field: String) -> String {
        form.problems[field] == nil ? "" : " aria-describedby=\"\(field)-problem\" aria-invalid=\"true\""
    }

    private func personName(_ id: String) -> String {
        initiative.people.first { $0.id == id }?.name ?? id
    }

    private func e(_ text: String) -> String { ConsoleLayout.escape(text) }

    // MARK: - Published minutes

    /// The body of the minutes page, fitted under the console's own `<h2>`: headings two
    /// levels down, no second `main` landmark, and no inline styles (the console's content
    /// security policy would refuse them).
    static func embedded(_ page: String) -> String {
        var body = Substring(page)
        if let open = body.range(of: "<body", options: .caseInsensitive),
            let end = body[open.upperBound...].firstIndex(of: ">")
        {
            body = body[body.index(after: end)...]
        }
        if let close = body.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            body = body[..<close.lowerBound]
        }
        var html = String(body)
        for level in stride(from: 4, through: 1, by: -1) {
            html = html.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 2)", options: .caseInsensitive)
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 2)>", options: .caseInsensitive)
        }
        html = html.replacingOccurrences(of: " role=\"main\"", with: "")
        return html.replacingOccurrences(of: #" style="[^"]*""#, with: "", options: .regularExpression)
    }
}
