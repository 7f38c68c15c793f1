import Foundation
import RhythmCore
import RhythmStore

/// The HTML of the page of one meeting: what it is, how it was changed, the forms that change
/// it, and its agenda with the forms that line it up. Every form posts with the session's
/// CSRF field and works without script.
struct MeetingPageView {
    let model: MeetingPageModel
    let identity: ConsoleIdentity
    /// The short message of the change just made (after the redirect), if any.
    let status: String?
    /// The form that came back with problems, if any.
    let feedback: MeetingFormFeedback?

    var title: String { "\(model.series.title), \(HomeFormat.date(model.originalDate))" }

    func render() -> String {
        var html =
            "<h1>\(e(model.series.title)) on \(e(HomeFormat.day(model.originalDate))) \(model.originalDate.year)</h1>\n"
        if let status { html += "<p class=\"notice\" role=\"status\">\(e(status))</p>\n" }
        if let feedback, feedback.hasProblems {
            html += "<p class=\"problem\" role=\"alert\">The form was not saved: see the problems below.</p>\n"
        }
        html += summary()
        html +=
            "<p><a href=\"\(e(ConsolePaths.minutes(seriesID: model.series.id, originalDate: model.originalDate)))\">Minutes of this meeting</a></p>\n"
        html += changeSection()
        html += agendaSection()
        return html
    }

    // MARK: - The meeting

    private func summary() -> String {
        let occurrence = model.occurrence
        let zone = occurrence.timeZone
        let end = zone.wallClock(at: occurrence.end)
        var rows: [(String, String)] = [
            (
                "When",
                "\(e(HomeFormat.day(occurrence.localStart.date))) \(occurrence.localStart.date.year), "
                    + "<time datetime=\"\(e(HomeFormat.machine(occurrence.start, zone: zone)))\">"
                    + "\(HomeFormat.time(occurrence.localStart))</time> to \(HomeFormat.time(end)) "
                    + "(\(e(zone.identifier)) time)"
            ),
            ("Where", e(occurrence.location ?? "No place given")),
        ]
        if let url = occurrence.onlineMeetingURL {
            rows.append(("Online", "<a href=\"\(e(url.absoluteString))\">\(e(url.absoluteString))</a>"))
        }
        rows.append(("Status", statusText(occurrence.status)))
        if let change = model.liveChange {
            rows.append(("Changed live", liveChangeText(change)))
        }
        let items = rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
        return "<dl>\n\(items)\n</dl>\n"
    }

    private func statusText(_ status: Occurrence.Status) -> String {
        let reason = status.reason.map { ": \(e($0))" } ?? ""
        switch status {
        case .scheduled: return "Scheduled"
        case .moved(let from, _):
            return "Moved from \(e(HomeFormat.day(from.date))) \(HomeFormat.time(from))\(reason)"
        case .cancelled: return "<strong>Cancelled</strong>\(reason)"
        case .skipped: return "Skipped\(reason)"
        }
    }

    private func liveChangeText(_ change: LiveChange) -> String {
        let when = HomeFormat.instant(change.createdAt, zone: model.occurrence.timeZone)
        var text = "\(e(change.kind.name.capitalized)) by \(e(model.actorName(change.actor))) on \(e(when))"
        if let reason = change.kind.reason { text += ", because: \(e(reason))" }
        text += change.notifiesAttendees ? ". The attendees were told by e-mail." : ". The attendees were not e-mailed."
        switch model.standing {
        case .superseded:
            text += " The configuration file now changes this meeting itself, so the file wins over this change."
        case .orphaned:
            text += " The configuration file no longer has this meeting, so the change applies to nothing."
        case .inForce, .restored, nil: break
        }
        return text
    }

    // MARK: - Live changes

    private func changeSection() -> String {
        var html = "<h2>Change this meeting</h2>\n"
        if let change = model.liveChange {
            html += """
                <p>Restoring puts the meeting back as the configuration file has it, and tells calendars so.</p>
                <form method="post" action="\(e(model.path))/restore">\(csrf)<input type="hidden" name="change" \
                value="\(change.id)"><button type="submit">Restore this meeting</button></form>

                """
            return html
        }
        if model.occurrence.status.isSkipped {
            return html + "<p>The configuration file skips this meeting, so there is nothing to change here.</p>\n"
        }
        if case .cancelled = model.occurrence.status {
            return html + "<p>The configuration file cancels this meeting; change it there.</p>\n"
        }
        html += "<section>\n<h3>Cancel it</h3>\n"
        html += form("cancel", action: "cancel") {
            [
                formProblem("cancel"),
                textArea("cancel", "reason", label: "Reason (the attendees will read it)", required: true),
                checkbox("cancel", "notify", label: "Tell the attendees by e-mail"),
                "<button type=\"submit\">Cancel this meeting</button>",
            ]
        }
        html += "</section>\n"
        let local = model.occurrence.localStart
        html +=
            "<section>\n<h3>Move it</h3>\n<p>Change the date, the time or the place; what you leave as it is "
            + "stays.</p>\n"
        html += form("move", action: "move") {
            [
                formProblem("move"),
                input("move", "date", label: "New date", type: "date", value: local.date.description),
                input("move", "time", label: "New start time", type: "time", value: HomeFormat.time(local)),
                input("move", "location", label: "New place (leave empty to keep it)", type: "text", value: ""),
                textArea("move", "reason", label: "Reason", required: false),
                checkbox("move", "notify", label: "Tell the attendees by e-mail"),
                "<button type=\"submit\">Move this meeting</button>",
            ]
        }
        return html + "</section>\n"
    }

    // MARK: - Agenda

    private func agendaSection() -> String {
        var html = "<h2>Agenda</h2>\n<h3>Standing items</h3>\n"
        if model.series.standingItems.isEmpty {
            html += "<p>This series has no standing items.</p>\n"
        } else {
            html +=
                "<ul>\n" + model.series.standingItems.map { "<li>\(e($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        html += "<h3>Submitted items</h3>\n"
        let budget = model.budget
        html += "<p\(budget.isOverfull ? " class=\"problem\"" : "")>\(e(budget.summary))</p>\n"
        if model.items.isEmpty {
            html += "<p>No items have been submitted yet.</p>\n"
        } else {
            html += "<ol class=\"agenda-items\">\n"
            for (index, item) in model.items.enumerated() {
                html += itemEntry(item, isFirst: index == 0, isLast: index == model.items.count - 1)
            }
            html += "</ol>\n"
        }
        html += "<section>\n<h3>Add an item</h3>\n"
        html += form("add", action: "agenda") {
            itemFields("add", item: nil) + ["<button type=\"submit\">Add to the agenda</button>"]
        }
        return html + "</section>\n"
    }

    private func itemEntry(_ item: AgendaItem, isFirst: Bool, isLast: Bool) -> String {
        let minutes = item.minutes.map { Plural.phrase($0, "minute") } ?? "no minutes given"
        let presenter = item.presenterID.map { "presented by \(e(model.personName($0)))" } ?? "no presenter"
        let itemPath = "\(model.path)/agenda/\(item.id)"
        let heading = "item-\(item.id)-title"
        var html = "<li id=\"item-\(item.id)\"><article>\n<h4 id=\"\(heading)\">\(e(item.title))</h4>\n"
        html += "<p>\(e(minutes)), \(presenter); submitted by \(e(model.actorName(item.submittedBy)))</p>\n"
        if let notes = item.notes { html += "<p>\(e(notes))</p>\n" }
        if !isFirst {
            html += smallForm(itemPath + "/up", label: "Move up", describedBy: heading)
        }
        if !isLast {
            html += smallForm(itemPath + "/down", label: "Move down", describedBy: heading)
        }
        let form = "edit-\(item.id)"
        let open = feedback?.form == form ? " open" : ""
        html += "<details\(open)><summary>Edit “\(e(item.title))”</summary>\n"
        html += self.form(form, action: "agenda/\(item.id)/edit") {
            itemFields(form, item: item) + ["<button type=\"submit\">Save “\(e(item.title))”</button>"]
        }
        html += "</details>\n"
        html += smallForm(itemPath + "/withdraw", label: "Withdraw", describedBy: heading)
        return html + "</article></li>\n"
    }

    private func itemFields(_ form: String, item: AgendaItem?) -> [String] {
        [
            formProblem(form),
            input(form, "title", label: "Title", type: "text", value: item?.title ?? "", required: true),
            input(
                form, "minutes", label: "Minutes needed", type: "number", value: item?.minutes.map(String.init) ?? "",
                attributes:
                    " min=\"\(AgendaItemRules.minutes.lowerBound)\" max=\"\(AgendaItemRules.minutes.upperBound)\""
            ),
            presenterSelect(form, selected: item?.presenterID),
            textArea(form, "notes", label: "Notes", required: false, value: item?.notes ?? ""),
        ]
    }

    private func presenterSelect(_ form: String, selected: String?) -> String {
        let id = "\(form)-presenter"
        let chosen = value(form, "presenter", default: selected ?? "")
        var options = ["<option value=\"\"\(chosen.isEmpty ? " selected" : "")>Nobody yet</option>"]
        for person in model.initiative.people.sorted(by: { $0.name < $1.name }) {
            let mark = person.id == chosen ? " selected" : ""
            options.append("<option value=\"\(e(person.id))\"\(mark)>\(e(person.name))</option>")
        }
        return "<label for=\"\(id)\">Presenter</label>\(problem(form, "presenter"))"
            + "<select id=\"\(id)\" name=\"presenter\"\(describedBy(form, "presenter"))>\(options.joined())</select>"
    }

    // MARK: - Form parts

    private var csrf: String { ConsoleLayout.csrfField(identity) }

    private func form(_ name: String, action: String, fields: () -> [String]) -> String {
        "<form method=\"post\" action=\"\(e(model.path))/\(e(action))\">\(csrf)\n"
            + fields().filter { !$0.isEmpty }.joined(separator: "\n") + "\n</form>\n"
    }

    /// A form of one button that posts to `action`; the element `describedBy` names (the
    /// item's heading) tells a screen reader which item the button is for.
    private func smallForm(_ action: String, label: String, describedBy: String) -> String {
        "<form method=\"post\" action=\"\(e(action))\">\(csrf)"
            + "<button type=\"submit\" aria-describedby=\"\(describedBy)\">\(e(label))</button></form>\n"
    }

    private func input(
        _ form: String, _ field: String, label: String, type: String, value initial: String,
        required: Bool = false, attributes: String = ""
    ) -> String {
        let id = "\(form)-\(field)"
        return "<label for=\"\(id)\">\(e(label))</label>\(problem(form, field))"
            + "<input type=\"\(type)\" id=\"\(id)\" name=\"\(field)\" value=\"\(e(value(form, field, default: initial)))\""
            + "\(required ? " required" : "")\(attributes)\(describedBy(form, field))>"
    }

    private func textArea(_ form: String, _ field: String, label: String, required: Bool, value initial: String = "")
        -> String
    {
        let id = "\(form)-\(field)"
        return "<label for=\"\(id)\">\(e(label))</label>\(problem(form, field))"
            + "<textarea id=\"\(id)\" name=\"\(field)\" rows=\"3\"\(required ? " required" : "")"
            + "\(describedBy(form, field))>\(e(value(form, field, default: initial)))</textarea>"
    }

    private func checkbox(_ form: String, _ field: String, label: String) -> String {
        let id = "\(form)-\(field)"
        let checked = feedback?.form == form && feedback?.values[field] != nil ? " checked" : ""
        return "<p><label for=\"\(id)\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(field)\" value=\"yes\""
            + "\(checked)> \(e(label))</label></p>"
    }

    /// What was typed into the field when its form came back, else `initial`.
    private func value(_ form: String, _ field: String, default initial: String) -> String {
        guard let feedback, feedback.form == form else { return initial }
        return feedback.values[field] ?? ""
    }

    private func problem(_ form: String, _ field: String) -> String {
        guard let message = problemText(form, field) else { return "" }
        return "<p class=\"problem\" id=\"\(form)-\(field)-problem\">\(e(message))</p>"
    }

    private func formProblem(_ form: String) -> String {
        guard let message = problemText(form, MeetingFormFeedback.formKey) else { return "" }
        return "<p class=\"problem\">\(e(message))</p>"
    }

    private func describedBy(_ form: String, _ field: String) -> String {
        problemText(form, field) == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(form)-\(field)-problem\""
    }

    private func problemText(_ form: String, _ field: String) -> String? {
        guard let feedback, feedback.form == form else { return nil }
        return feedback.problems[field]
    }

    private func e(_ text: String) -> String { ConsoleLayout.escape(text) }
}
