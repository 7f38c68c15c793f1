import Foundation
import RhythmCore
import RhythmStore

/// How actions read in a terminal: one aligned row each in lists, every field in `show`.
enum ActionText {
    /// Prints one action after `add`, `show`, `update`, `done` or `drop`.
    static func print(_ action: Action, format: OutputFormat, initiative: Initiative) throws {
        let today = WorkArguments.today(in: initiative)
        switch format {
        case .text:
            Swift.print(detail(action, today: today, initiative: initiative))
        case .json:
            Swift.print(try JSONOutput.encoded(ActionJSON(action, today: today)))
        }
    }

    /// `#12 Draft the agreement` and a line per field.
    static func detail(_ action: Action, today: LocalDate, initiative: Initiative) -> String {
        var lines = ["#\(action.id) \(action.title)"]
        func add(_ label: String, _ value: String?) {
            if let value { lines.append("  \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") }
        }
        add("status:", action.status.rawValue)
        add("owner:", "\(initiative.personName(action.ownerID)) (\(action.ownerID))")
        add("partner:", action.partnerID)
        add("group:", action.groupID)
        add("series:", action.seriesID.map { series in action.raisedOn.map { "\(series), raised \($0)" } ?? series })
        add("due:", action.due.map { dueText($0, action: action, today: today) })
        add("created:", time(action.createdAt, initiative: initiative))
        add("updated:", time(action.updatedAt, initiative: initiative))
        if let details = action.details {
            lines.append("")
            lines += details.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The aligned list, with a heading that says how many there are and what "today" is.
    static func table(_ actions: [Action], total: Int, today: LocalDate, initiative: Initiative) -> String {
        guard !actions.isEmpty else { return "No actions match." }
        let rows = actions.map { action in
            [
                "#\(action.id)", action.due.map { dueText($0, action: action, today: today) } ?? "-",
                action.status.rawValue, action.ownerID, action.title,
            ]
        }
        var heading = "\(Plural.phrase(total, "action"))"
        if total > actions.count { heading += ", showing \(actions.count)" }
        heading += "; today is \(today) in \(initiative.timeZone.identifier)"
        return ([heading, ""] + TextTable.lines(header: ["ID", "DUE", "STATUS", "OWNER", "TITLE"], rows: rows))
            .joined(separator: "\n")
    }

    /// `2027-03-01`, or `2027-03-01 overdue` when the action is still open and late.
    private static func dueText(_ due: LocalDate, action: Action, today: LocalDate) -> String {
        action.isOverdue(on: today) ? "\(due) overdue" : due.description
    }

    /// `2026-11-24 23:50`, on the initiative's clocks.
    private static func time(_ instant: Date, initiative: Initiative) -> String {
        let local = initiative.timeZone.wallClock(at: instant)
        return "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
    }
}

/// The JSON form of an action, for scripts: stable keys, UTC times.
struct ActionJSON: Encodable {
    /// `rhythm action list --format json`: the page and how many match in all.
    struct List: Encodable {
        let actions: [ActionJSON]
        let total: Int

        init(actions: [Action], total: Int, today: LocalDate) {
            self.actions = actions.map { ActionJSON($0, today: today) }
            self.total = total
        }
    }

    let id: Int64
    let title: String
    let details: String?
    let ownerId: String
    let partnerId: String?
    let groupId: String?
    let seriesId: String?
    let raisedOn: String?
    let due: String?
    let status: String
    let overdue: Bool
    let createdAt: String
    let updatedAt: String

    init(_ action: Action, today: LocalDate) {
        id = action.id
        title = action.title
        details = action.details
        ownerId = action.ownerID
        partnerId = action.partnerID
        groupId = action.groupID
        seriesId = action.seriesID
        raisedOn = action.raisedOn?.description
        due = action.due?.description
        status = action.status.rawValue
        overdue = action.isOverdue(on: today)
        createdAt = ISO8601Format.utc(action.createdAt)
        updatedAt = ISO8601Format.utc(action.updatedAt)
    }

    /// Optional fields appear as null rather than vanish, so that every object has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(details, forKey: .details)
        try container.encode(ownerId, forKey: .ownerId)
        try container.encode(partnerId, forKey: .partnerId)
        try container.encode(groupId, forKey: .groupId)
        try container.encode(seriesId, forKey: .seriesId)
        try container.encode(raisedOn, forKey: .raisedOn)
        try container.encode(due, forKey: .due)
        try container.encode(status, forKey: .status)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, details, ownerId, partnerId, groupId, seriesId, raisedOn, due, status, overdue, createdAt
        case updatedAt
    }
}
