import Foundation
import RhythmCore

/// Writes the console's list of meetings (`MeetingList`) and its "Add an extra meeting" form
/// as the HTML content the layout wraps. Every value from the configuration, the database or
/// the form is escaped.
enum MeetingsPage {
    /// The page's content; `notice` is the status line of a change just made.
    static func render(
        _ list: MeetingList, initiative: Initiative, identity: ConsoleIdentity, form: ExtraMeetingForm,
        problems: ExtraMeetingForm.FormProblems, notice: String?
    ) -> String {
        var html = "<h1>Meetings</h1>"
        if let notice { html += "<p class=\"notice\" role=\"status\">\(ConsoleLayout.escape(notice))</p>" }
        html +=
            "<p>Every series' meetings from two weeks ago to \(MeetingList.weeksAhead) weeks ahead, in time order. "
            + "Open a meeting to cancel or move it, line up its agenda or write its minutes.</p>"
        html += section(
            "meetings-coming", "The next \(MeetingList.weeksAhead) weeks", list.coming, initiative: initiative,
            empty: "No meetings in the next \(MeetingList.weeksAhead) weeks.")
        html += section(
            "meetings-past", "The last two weeks", list.past, initiative: initiative,
            empty: "No meetings in the last two weeks.")
        html += extraForm(initiative: initiative, identity: identity, form: form, problems: problems)
        return html
    }

    private static func section(
        _ id: String, _ heading: String, _ entries: [MeetingList.Entry], initiative: Initiative, empty: String
    ) -> String {
        var html = "<section class=\"home-section\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(heading)</h2>"
        if entries.isEmpty {
            html += "<p>\(empty)</p>"
        } else {
            let columns = ["Meeting", "Series", "Status", "Changed"]
            html +=
                "<table><thead><tr>" + columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
            for entry in entries {
                let occurrence = entry.occurrence
                let cells = [
                    ConsoleLayout.escape(occurrence.series.title), status(entry),
                    ConsoleLayout.escape(source(entry, initiative: initiative)),
                ]
                html +=
                    "<tr><th scope=\"row\"><a href=\"\(ConsoleLayout.escape(entry.path))\">"
                    + ConsoleLayout.escape(HomeFormat.meeting(occurrence, initiativeZone: initiative.timeZone))
                    + "</a></th>"
                    + zip(columns.dropFirst(), cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined()
                    + "</tr>"
            }
            html += "</tbody></table>"
        }
        return html + "</section>"
    }

    /// `Scheduled`, `Extra meeting`, `Moved from …` or `Cancelled`, with the reason given.
    static func status(_ entry: MeetingList.Entry) -> String {
        let occurrence = entry.occurrence
        let reason = occurrence.status.reason ?? entry.liveChange?.kind.reason
        let isExtra = if case .extra = entry.liveChange?.kind { true } else { false }
        let word: String
        switch occurrence.status {
        case .cancelled: word = "<strong>Cancelled</strong>"
        // A live extra meeting with its own place or reason is laid over the file as a change of itself.
        case _ where isExtra: word = "<strong>Extra meeting</strong>"
        case .moved(let from, _):
            word =
                "<strong>Moved</strong> from "
                + ConsoleLayout.escape("\(HomeFormat.day(from.date)) \(HomeFormat.time(from))")
        case .scheduled, .skipped: word = "Scheduled"
        }
        return word + (reason.map { ": " + ConsoleLayout.escape($0) } ?? "")
    }

    /// `Live: Priya Natarajan, 7 Dec 2026 09:14`, or `Configuration file` for a status the file gives.
    static func source(_ entry: MeetingList.Entry, initiative: Initiative) -> String {
        guard let change = entry.liveChange else {
            if case .scheduled = entry.occurrence.status { return "" }
            return "Configuration file"
        }
        return "Live: \(actorName(change.actor, initiative: initiative)), "
            + HomeFormat.instant(change.createdAt, zone: initiative.timeZone)
    }

    /// A console actor (`console:priya`) as the person's name; any other actor as the audit
    /// trail writes it.
    static func actorName(_ actor: String, initiative: Initiative) -> String {
        guard actor.hasPrefix("console:") else { return actor }
        let id = actor.dropFirst("console:".count)
        return initiative.people.first { $0.id == id }?.name ?? String(id)
    }

    private static func extraForm(
        initiative: Initiative, identity: ConsoleIdentity, form: ExtraMeetingForm,
        problems: ExtraMeetingForm.FormProblems
    ) -> String {
        let escape = ConsoleLayout.escape
        var html =
            "<section class=\"home-section\" aria-labelledby=\"extra-meeting\"><h2 id=\"extra-meeting\">"
            + "Add an extra meeting</h2>"
        if !problems.isEmpty {
            html += "<p class=\"problem\" role=\"alert\">The meeting was not added: see the problems below.</p>"
        }
        html +=
            "<p>An extra meeting of a series on a day it does not meet, at the series' usual length, in the "
            + "series' time zone. It reaches the calendar feeds, invitations and reminders at once.</p>"
            + "<form method=\"post\" action=\"\(ConsolePaths.meetings)\">" + ConsoleLayout.csrfField(identity)
        let options = initiative.series.map { series in
            "<option value=\"\(escape(series.id))\"\(series.id == form.seriesID ? " selected" : "")>"
                + "\(escape(series.title)) (\(escape(series.timeZone.identifier)))</option>"
        }.joined()
        html +=
            "<label for=\"extra-series\">Series</label>" + problemList(problems[.series], id: "extra-series-problem")
            + "<select id=\"extra-series\" name=\"series\" required\(described(problems[.series], "extra-series-problem"))>"
            + "<option value=\"\"\(form.seriesID.isEmpty ? " selected" : "")>Choose a series</option>\(options)</select>"
        html +=
            "<fieldset><legend>When (in the series' time zone)</legend>"
            + problemList(problems[.when], id: "extra-when-problem")
            + "<label for=\"extra-date\">Date</label><input type=\"date\" id=\"extra-date\" name=\"date\" required "
            + "value=\"\(escape(form.date))\"\(described(problems[.when], "extra-when-problem"))>"
            + "<label for=\"extra-time\">Start time</label><input type=\"time\" id=\"extra-time\" name=\"time\" "
            + "required value=\"\(escape(form.time))\"\(described(problems[.when], "extra-when-problem"))></fieldset>"
        html +=
            "<label for=\"extra-location\">Location (leave empty for the series' own)</label>"
            + problemList(problems[.location], id: "extra-location-problem")
            + "<input type=\"text\" id=\"extra-location\" name=\"location\" maxlength=\"\(LiveChangeRequest.locationLimit)\" "
            + "value=\"\(escape(form.location))\"\(described(problems[.location], "extra-location-problem"))>"
        html +=
            "<label for=\"extra-reason\">Reason (attendees read it)</label>"
            + problemList(problems[.reason], id: "extra-reason-problem")
            + "<input type=\"text\" id=\"extra-reason\" name=\"reason\" maxlength=\"\(LiveChangeRequest.reasonLimit)\" "
            + "value=\"\(escape(form.reason))\"\(described(problems[.reason], "extra-reason-problem"))>"
        html +=
            "<p class=\"check\"><input type=\"checkbox\" id=\"extra-notify\" name=\"notify\" value=\"yes\""
            + "\(form.notifiesAttendees ? " checked" : "")> <label for=\"extra-notify\">Tell the attendees by "
            + "e-mail</label></p><button type=\"submit\">Add the meeting</button></form></section>"
        return html
    }

    private static func problemList(_ messages: [String], id: String) -> String {
        guard !messages.isEmpty else { return "" }
        return "<ul class=\"problem\" id=\"\(id)\">"
            + messages.map { "<li>\(ConsoleLayout.escape($0))</li>" }.joined() + "</ul>"
    }

    private static func described(_ messages: [String], _ id: String) -> String {
        messages.isEmpty ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)\""
    }
}

extension MeetingsPage {
    /// The CSS of the console's forms beyond the shell's: a fieldset for date and time, a
    /// checkbox beside its label, problems listed next to their field, a one-line filter.
    static let stylesheet = """
        fieldset { border: 1px solid #c4c4c4; border-radius: 4px; margin: 0 0 1rem; padding: 0.5rem 1rem; \
        max-width: 30rem; box-sizing: border-box; }
        legend { font-weight: 600; }
        .check label { display: inline; font-weight: normal; }
        .check input { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
        ul.problem { list-style: none; margin: 0.25rem 0; }
        .filter { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin: 0 0 1rem; }
        .filter select { margin: 0; width: auto; }
        """
}
