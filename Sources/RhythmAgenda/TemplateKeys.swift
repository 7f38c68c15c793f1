/// The names `AgendaView` gives templates, as a tree, so that a template can be checked for
/// names that would render as nothing (`{{series.titel}}`). Keep it in step with `AgendaView`;
/// a test compares the two. A list's entry is described by its keys, as Mustache enters it.
struct TemplateKeys: Sendable {
    /// The names inside this one: a section on it sees them; empty for a plain value.
    let children: [String: TemplateKeys]

    private static let value = TemplateKeys(children: [:])

    private static func keys(_ names: [String], _ nested: [String: TemplateKeys] = [:]) -> TemplateKeys {
        TemplateKeys(children: Dictionary(uniqueKeysWithValues: names.map { ($0, value) }).merging(nested) { $1 })
    }

    private static let action = keys([
        "id", "title", "owner", "status", "partner", "due", "dueISO", "daysOverdue", "overdueText", "statusNote",
    ])

    private static let indicator = keys(
        [
            "id", "name", "unit", "direction", "period", "previousPeriod", "owner", "target", "value", "previousValue",
            "note", "due", "onTrack", "offTrack", "recorded", "missing", "late", "standing",
        ],
        ["trend": keys(["direction", "arrow", "assessment", "text"])])

    /// Every name of an agenda, from the top.
    static let agenda = keys(
        [
            "initiative", "date", "dateISO", "occurrenceDate", "start", "end", "when", "utcOffset", "timeZone",
            "scheduledMinutes", "meetingMinutes", "actionCount", "location", "onlineURL", "organizer", "hasPlace",
            "hasAttendees", "hasStandingItems", "hasItems", "hasActions", "hasOverdue", "hasOwners", "isEmpty",
            "scorecardEmpty",
        ],
        [
            "series": keys(["id", "title", "kind"]),
            "standingItems": keys(["number", "title"]),
            "items": keys(["number", "title", "start", "offset", "presenter", "minutes", "notes"]),
            "overdue": action,
            "owners": keys(["name"], ["actions": action]),
            "attendees": keys(["people", "partner"]),
            "attendance": keys(
                ["confirmed", "invited", "summary", "hasApologies", "tentative", "notAnswered"],
                ["apologies": keys(["person", "partner", "note", "delegate"])]),
            "elsewhere": keys(["timeZone", "when", "utcOffset", "people"]),
            "overfull": keys(["overBy"]),
            "budget": keys(
                ["meetingMinutes", "plannedMinutes", "text", "spare", "overBy"],
                ["unsized": keys(["count", "titles"])]),
            "moved": keys(["from", "reason"]),
            "cancelled": keys(["reason"]),
            "scorecard": keys([], ["indicators": indicator]),
        ])

    /// Every name of minutes, from the top (`MinutesView`).
    static let minutes = keys(
        [
            "initiative", "date", "dateISO", "occurrenceDate", "when", "timeZone", "location", "organizer",
            "revision", "published", "draft", "corrected", "attendanceSummary", "notRecorded", "generalNotes",
        ],
        [
            "series": keys(["id", "title", "kind"]),
            "present": keys(["name", "partner", "note"]),
            "apologies": keys(["name", "partner", "note"]),
            "absent": keys(["name", "partner", "note"]),
            "items": keys(["number", "title", "notes"]),
            "decisions": keys(["number", "text", "item"]),
            "actions": keys(["id", "title", "owner", "due"]),
        ])

    /// The names a partial may use: it can be included by an agenda or by minutes.
    static let partials = TemplateKeys(children: agenda.children.merging(minutes.children) { agenda, _ in agenda })

    /// Every name at any depth, for templates included as partials, whose place is not known.
    var allNames: Set<String> {
        children.reduce(into: Set(children.keys)) { names, child in names.formUnion(child.value.allNames) }
    }
}
