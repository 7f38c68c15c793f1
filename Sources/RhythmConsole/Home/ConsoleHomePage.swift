import Foundation
import RhythmCore
import RhythmDelivery
import RhythmStore

/// Writes the console's home page (`ConsoleHome`) as an HTML fragment: the main content the
/// console layout wraps, with headings from `<h2>` down, tables that collapse into labelled
/// blocks on a phone (with `stylesheet`), and the charts as inline SVG.
///
/// Every value from the configuration or the database is escaped; the fragment holds no
/// script and refers to nothing outside itself.
public enum ConsoleHomePage {
    /// The fragment for `home`.
    public static func render(_ home: ConsoleHome) -> String {
        [
            calendarSection(home), healthSection(home), attendanceSection(home), actionsSection(home),
            indicatorsSection(home), deliverySection(home),
        ].joined(separator: "\n")
    }

    static func calendarSection(_ home: ConsoleHome) -> String {
        let weeks = home.calendar.weeks.enumerated().map { index, week in
            let heading =
                index == 0
                ? "This week, from \(HomeFormat.day(week.monday))" : "Next week, from \(HomeFormat.day(week.monday))"
            let days = week.days.map { day in
                let isToday = day.date == home.calendar.today
                let meetings =
                    day.meetings.isEmpty
                    ? "<p class=\"none\">No meetings</p>"
                    : "<ul class=\"meetings\">" + day.meetings.map { meetingItem($0, home: home) }.joined() + "</ul>"
                return "<li class=\"day\(isToday ? " today" : "")\"\(isToday ? " aria-current=\"date\"" : "")>"
                    + "<h4>\(HomeFormat.day(day.date))\(isToday ? " <span class=\"tag\">today</span>" : "")</h4>"
                    + meetings + "</li>"
            }.joined()
            return "<h3>\(heading)</h3><ol class=\"days\">\(days)</ol>"
        }.joined()
        return section("home-calendar", "This week and next", weeks)
    }

    static func meetingItem(_ occurrence: Occurrence, home: ConsoleHome) -> String {
        let zone = occurrence.timeZone
        let end = zone.wallClock(at: occurrence.end)
        var text =
            "<time datetime=\"\(HomeFormat.machine(occurrence.start, zone: zone))\">"
            + "\(HomeFormat.time(occurrence.localStart))–\(HomeFormat.time(end))</time>"
            + HTMLText.escape(HomeFormat.zoneNote(occurrence, initiativeZone: home.timeZone))
            + " <a class=\"title\" href=\"\(HTMLText.escape(ConsolePaths.meeting(occurrence)))\">"
            + "\(HTMLText.escape(occurrence.series.title))</a>"
        switch occurrence.status {
        case .cancelled(let reason):
            text += " <strong class=\"status\">Cancelled</strong>" + (reason.map { ": " + HTMLText.escape($0) } ?? "")
        case .moved(let from, let reason):
            text +=
                " <strong class=\"status\">Moved</strong> from \(HomeFormat.day(from.date)) \(HomeFormat.time(from))"
                + (reason.map { ": " + HTMLText.escape($0) } ?? "")
        case .scheduled, .skipped:
            break
        }
        if let location = occurrence.location {
            text += "<br><span class=\"where\">\(HTMLText.escape(location))</span>"
        }
        let cancelled = if case .cancelled = occurrence.status { true } else { false }
        return "<li\(cancelled ? " class=\"cancelled\"" : "")>\(text)</li>"
    }

    static func healthSection(_ home: ConsoleHome) -> String {
        let columns = [
            "Last meeting", "Next meeting", "Held of planned", "Attendance", "Next agenda", "Actions", "Review data",
        ]
        let head =
            "<thead><tr><th scope=\"col\">Series</th>"
            + columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>"
        let rows = home.series.map { row in
            let cells = [
                row.lastMeeting.map { meetingLink($0, home: home) } ?? "none this year",
                row.nextMeeting.map { meetingLink($0, home: home) } ?? "none planned",
                heldCell(row), attendanceCell(row), agendaCell(row), actionsCell(row), reviewCell(row),
            ]
            return "<tr><th scope=\"row\">\(HTMLText.escape(row.series.title))</th>"
                + zip(columns, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>"
        }.joined()
        let table =
            "<table class=\"health\"><caption>Each series over the last \(ConsoleHome.lookBackDays) days, "
            + "and its next meeting</caption>\(head)<tbody>\(rows)</tbody></table>"
        return section("home-health", "Series health", table)
    }

    /// The meeting's day and time, linking to its page.
    static func meetingLink(_ occurrence: Occurrence, home: ConsoleHome) -> String {
        "<a href=\"\(HTMLText.escape(ConsolePaths.meeting(occurrence)))\">"
            + HTMLText.escape(HomeFormat.meeting(occurrence, initiativeZone: home.timeZone)) + "</a>"
    }

    static func heldCell(_ row: SeriesHealth) -> String {
        var text = "\(row.held) of \(row.planned)"
        var notes: [String] = []
        if row.cancelled > 0 { notes.append("\(row.cancelled) cancelled") }
        if row.skipped > 0 { notes.append("\(row.skipped) skipped") }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }

    static func attendanceCell(_ row: SeriesHealth) -> String {
        guard row.held > 0 else { return "no meeting held" }
        let partners = row.partnerAttendance.map {
            "<li>\(HTMLText.escape($0.partnerName)): \(HomeFormat.share($0.share))</li>"
        }.joined()
        return HomeFormat.share(row.attendance)
            + (partners.isEmpty ? "" : "<details><summary>By partner</summary><ul>\(partners)</ul></details>")
    }

    static func agendaCell(_ row: SeriesHealth) -> String {
        guard let agenda = row.nextAgenda else { return "no meeting planned" }
        let items = Plural.phrase(agenda.items.count, "item")
        let budget = "\(agenda.scheduledMinutes) of \(agenda.meetingMinutes) min"
        return "\(items), \(budget)" + (agenda.isOverfull ? " <strong class=\"warn\">overfull</strong>" : "")
    }

    static func actionsCell(_ row: SeriesHealth) -> String {
        guard let open = row.openActionCount, let overdue = row.overdueActionCount else { return "no meeting planned" }
        return "\(open) open"
            + (overdue > 0 ? ", <strong class=\"warn\">\(overdue) overdue</strong>" : ", none overdue")
    }

    static func reviewCell(_ row: SeriesHealth) -> String {
        guard let data = row.reviewData else { return "not a review" }
        if data.isComplete { return "all \(data.standings.count) in" }
        var text = "\(data.recorded) of \(data.standings.count) in"
        if !data.late.isEmpty {
            let names = data.late.map { "\($0.indicator.name) (\($0.ownerName))" }
            text += "; <strong class=\"warn\">late</strong>: " + HTMLText.escape(names.joined(separator: ", "))
        }
        if !data.missing.isEmpty {
            let names = data.missing.map {
                "\($0.indicator.name) (\($0.ownerName), due \($0.dueDate.map(HomeFormat.date) ?? "—"))"
            }
            text += "; awaited: " + HTMLText.escape(names.joined(separator: ", "))
        }
        return text
    }

    static func deliverySection(_ home: ConsoleHome) -> String {
        let delivery = home.delivery
        let zone = home.timeZone
        var body =
            "<ul class=\"figures\"><li><strong>\(delivery.pending)</strong> pending</li>"
            + "<li><strong>\(delivery.heldCount)</strong> held for an operator</li>"
            + "<li><strong>\(delivery.deadCount)</strong> dead</li>"
            + "<li><strong>\(delivery.bouncing.filter(\.isCurrentAddress).count)</strong> bouncing</li></ul>"
        if !delivery.held.isEmpty {
            body +=
                "<h3>Held for an operator</h3>"
                + outboxTable(
                    delivery.held, home: home,
                    caption: "The oldest \(delivery.held.count) of \(delivery.heldCount), with the reason",
                    when: "Held since", reply: "Reason")
        }
        if !delivery.dead.isEmpty {
            body +=
                "<h3>Dead letters</h3>"
                + outboxTable(
                    delivery.dead, home: home,
                    caption: "The latest \(delivery.dead.count) of \(delivery.deadCount), with the server's reply",
                    when: "Given up", reply: "Server's reply")
        }
        if !delivery.bouncing.isEmpty {
            body +=
                "<h3>Bouncing addresses</h3>"
                + table(
                    caption: "Rhythm sends nothing to these addresses until rhythm person clear-bounce",
                    columns: ["Person", "Address", "Since", "Server's reply"],
                    rows: delivery.bouncing.map { bouncing in
                        let bounce = bouncing.bounce
                        return [
                            (bouncing.personName ?? bounce.personID)
                                + (bouncing.isCurrentAddress ? "" : " (no longer their address)"),
                            bounce.address, bounce.bouncingSince.map { HomeFormat.instant($0, zone: zone) } ?? "",
                            bounce.reason ?? "",
                        ]
                    })
        }
        return section("home-delivery", "Delivery", body)
    }

    /// Outbox entries with their subject, recipient, channel, when they last changed (`when`)
    /// and their last reply (`reply`).
    static func outboxTable(
        _ entries: [OutboxEntry], home: ConsoleHome, caption: String, when: String, reply: String
    ) -> String {
        table(
            caption: caption, columns: ["Subject", "To", "Channel", when, reply],
            rows: entries.map { entry in
                [
                    entry.subject ?? entry.kind?.rawValue ?? "reminder", recipient(entry, home: home), entry.channelID,
                    HomeFormat.instant(entry.updatedAt, zone: home.timeZone), entry.lastReply ?? "",
                ]
            })
    }

    /// `person:<id>` as the person's name, `channel:<id>` as the channel.
    static func recipient(_ entry: OutboxEntry, home: ConsoleHome) -> String {
        let parts = entry.recipient.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return entry.recipient }
        if parts[0] == "person" { return home.personNames[parts[1]] ?? parts[1] }
        return "channel \(parts[1])"
    }

    /// A table of plain text cells (escaped here), the first column a row header; each cell
    /// labelled with its column for the phone layout.
    static func table(caption: String, columns: [String], rows: [[String]]) -> String {
        let head =
            "<thead><tr>" + columns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>"
        let body = rows.map { cells in
            "<tr>"
                + zip(columns, cells).enumerated().map { index, pair in
                    index == 0
                        ? "<th scope=\"row\">\(HTMLText.escape(pair.1))</th>"
                        : "<td data-label=\"\(HTMLText.escape(pair.0))\">\(HTMLText.escape(pair.1))</td>"
                }.joined() + "</tr>"
        }.joined()
        return
            "<table class=\"listing\"><caption>\(HTMLText.escape(caption))</caption>\(head)<tbody>\(body)</tbody></table>"
    }

    static func section(_ id: String, _ heading: String, _ body: String) -> String {
        "<section class=\"home-section\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(HTMLText.escape(heading))</h2>"
            + body + "</section>"
    }
}
