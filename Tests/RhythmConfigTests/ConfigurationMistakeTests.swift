import Foundation
import RhythmConfig
import Testing

/// Each mistake must be reported at its place, under its key path, with a message that says
/// what to do.
@Suite struct ConfigurationMistakeTests {
    static let mistakes: [ConfigurationMistake] = [
        .afterHeader(
            "a misspelt key gets a did-you-mean", "partners:\n  - id: council\n    nmae: Council\n    sector: health\n",
            line: 7, column: 5, keyPath: "partners[0].nmae", "unknown key \"nmae\"; did you mean \"name\"?"),
        .afterHeader(
            "an unknown key with no close match lists the valid keys",
            "partners:\n  - id: council\n    name: Council\n    sector: health\n    colour: blue\n",
            line: 9, column: 5, keyPath: "partners[0].colour", "one of the keys \"id\", \"name\", \"sector\""),
        .afterHeader(
            "a missing required key is named", "partners:\n  - id: council\n    sector: health\n",
            line: 6, column: 5, keyPath: "partners[0]", "missing required key \"name\""),
        .afterHeader(
            "a mapping where a list belongs", "partners:\n  id: council\n  name: Council\n",
            line: 6, column: 3, keyPath: "partners", "expected a list of partners entries"),
        .editingBase(
            "a list where a mapping belongs", replacing: "    partner: council\n",
            with: "    partner: council\n    chat: [U02ANN]\n",
            line: 14, column: 11, keyPath: "people[0].chat", "expected a mapping"),
        .editingBase(
            "a list where a single value belongs", replacing: "    name: Ann Lee", with: "    name: [Ann, Lee]",
            line: 11, column: 11, keyPath: "people[0].name", "expected a single value here, found a list"),
        .editingBase(
            "an id with capitals and underscores", replacing: "  - id: council", with: "  - id: Brightwater_Council",
            line: 6, column: 9, keyPath: "partners[0].id", "for example \"brightwater-council\""),
        .editingBase(
            "a duplicate id points at the second and names the line of the first",
            replacing: "people:\n", with: "  - id: council\n    name: Again\n    sector: health\npeople:\n",
            line: 9, column: 9, keyPath: "partners[1].id", "already used on line 6"),
        .editingBase(
            "a reference to a partner that does not exist suggests the closest id",
            replacing: "    partner: council", with: "    partner: councl",
            line: 13, column: 14, keyPath: "people[0].partner", "did you mean \"council\"?"),
        .editingBase(
            "a reference to a group that does not exist", replacing: "      groups: [table]",
            with: "      groups: [tabel]",
            line: 28, column: 16, keyPath: "series[0].attendees.groups[0]", "no group with the id \"tabel\""),
        .editingBase(
            "an organiser who is not in people", replacing: "    organizer: ann", with: "    organizer: anne",
            line: 26, column: 16, keyPath: "series[0].organizer",
            "no person with the id \"anne\"; did you mean \"ann\"?"),
        .editingBase(
            "a misspelt time zone suggests the real one", replacing: "  time_zone: Australia/Melbourne",
            with: "  time_zone: Australia/Melborne",
            line: 3, column: 14, keyPath: "initiative.time_zone", "did you mean \"Australia/Melbourne\"?"),
        .editingBase(
            "a time zone abbreviation is refused", replacing: "  time_zone: Australia/Melbourne",
            with: "  time_zone: AEST",
            line: 3, column: 14, keyPath: "initiative.time_zone", "\"AEST\" is an abbreviation"),
        .afterBase(
            "a date that does not exist", "holidays:\n  - id: late\n    name: Late\n    date: 2027-02-30\n",
            line: 37, column: 11, keyPath: "holidays[0].date", "February 2027 has 28 days"),
        .editingBase(
            "a local date-time with a zone", replacing: "    start: 2027-01-05T10:00",
            with: "    start: 2027-01-05T10:00Z",
            line: 24, column: 12, keyPath: "series[0].start", "names a time zone or UTC offset"),
        .editingBase(
            "a zero duration", replacing: "    duration: 1h", with: "    duration: 0m",
            line: 25, column: 15, keyPath: "series[0].duration", "longer than zero"),
        .editingBase(
            "a duration over a day", replacing: "    duration: 1h", with: "    duration: 25h",
            line: 25, column: 15, keyPath: "series[0].duration", "longer than 24 hours"),
        .editingBase(
            "a duration without a unit", replacing: "    duration: 1h", with: "    duration: 90",
            line: 25, column: 15, keyPath: "series[0].duration", "without a unit"),
        .afterBase(
            "a misspelt reminder unit",
            "reminders:\n  - id: soon\n    for: meetings\n    before: 3 bussiness-days\n    channel: email\n",
            line: 37, column: 13, keyPath: "reminders[0].before", "did you mean \"business-days\"?"),
        .afterBase(
            "a misspelt non-business-day choice",
            "reminders:\n  - id: soon\n    for: actions\n    before: 3 days\n    channel: email\n"
                + "    on_non_business_days: next-busines-day\n",
            line: 39, column: 27, keyPath: "reminders[0].on_non_business_days", "did you mean \"next-business-day\"?"),
        .editingBase(
            "an e-mail address without @", replacing: "    email: ann@example.org", with: "    email: ann.example.org",
            line: 12, column: 12, keyPath: "people[0].email", "it has no @"),
        .editingBase(
            "an e-mail address with a line break", replacing: "    email: ann@example.org",
            with: "    email: \"ann@example.org\\r\\nBcc: all@example.org\"",
            line: 12, column: 12, keyPath: "people[0].email", "cannot contain a line break"),
        .editingBase(
            "an online link that is not http or https", replacing: "    organizer: ann",
            with: "    organizer: ann\n    online_url: ftp://meet.example.org/room",
            line: 27, column: 17, keyPath: "series[0].online_url", "use https://"),
        .afterBase(
            "a holiday period that ends before it begins",
            "holidays:\n  - id: break\n    name: Break\n    from: 2027-01-10\n    to: 2027-01-03\n",
            line: 38, column: 9, keyPath: "holidays[0].to", "ends (2027-01-03) before it begins (2027-01-10)"),
        .afterBase(
            "a holiday with neither date nor period", "holidays:\n  - id: break\n    name: Break\n",
            line: 35, column: 5, keyPath: "holidays[0]", "needs either date:"),
        .editingBase(
            "a misspelt holiday policy", replacing: "    organizer: ann",
            with: "    organizer: ann\n    on_holiday: next-buisness-day",
            line: 27, column: 17, keyPath: "series[0].on_holiday", "did you mean \"next-business-day\"?"),
        .editingBase(
            "an unknown channel type", replacing: "    type: email\n    from: Test <backbone@example.org>",
            with: "    type: slak\n    url_env: SLACK_URL",
            line: 32, column: 11, keyPath: "channels[0].type", "did you mean \"slack\"?"),
        .editingBase(
            "a bad BYDAY is reported at its column in the rule", replacing: "BYDAY=TU", with: "BYDAY=2TX",
            line: 29, column: 23, keyPath: "series[0].rule", "\"2TX\" is not a weekday"),
        .editingBase(
            "a bad part of a quoted rule is placed after the quote", replacing: "rule: FREQ=WEEKLY;BYDAY=TU",
            with: "rule: \"FREQ=WEKLY;BYDAY=TU\"",
            line: 29, column: 12, keyPath: "series[0].rule", "FREQ"),
        .editingBase(
            "UNTIL before the start", replacing: "BYDAY=TU", with: "BYDAY=TU;UNTIL=20261231",
            line: 29, column: 32, keyPath: "series[0].rule", "UNTIL ends the series before its start"),
        .editingBase(
            "a start the rule does not produce names the first date it does", replacing: "start: 2027-01-05T10:00",
            with: "start: 2027-01-06T10:00",
            line: 29, column: 11, keyPath: "series[0].rule", "the first date it produces is 2027-01-12 (a Tuesday)",
            severity: .warning),
        .editingBase(
            "an exception on a day the series does not meet", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with: "    rule: FREQ=WEEKLY;BYDAY=TU\n    exceptions:\n      - skip: 2027-01-13\n",
            line: 31, column: 15, keyPath: "series[0].exceptions[0].skip",
            "does not meet on 2027-01-13 (a Wednesday), so there is nothing to change; the nearest are 2027-01-12"),
        .editingBase(
            "two exceptions for one date", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with:
                "    rule: FREQ=WEEKLY;BYDAY=TU\n    exceptions:\n      - skip: 2027-01-12\n      - cancel: 2027-01-12\n",
            line: 32, column: 17, keyPath: "series[0].exceptions[1].cancel",
            "already an exception for 2027-01-12 (line 31)"),
        .editingBase(
            "a move that changes nothing", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with:
                "    rule: FREQ=WEEKLY;BYDAY=TU\n    exceptions:\n      - move: 2027-01-12\n        reason: Room closed\n",
            line: 31, column: 15, keyPath: "series[0].exceptions[0].move", "a move needs to:"),
        .afterBase(
            "a reminder with both before and overdue",
            "reminders:\n  - id: soon\n    for: actions\n    before: 1 day\n    overdue: { every: 2 days, at_most: 3 }\n    channel: email\n",
            line: 38, column: 5, keyPath: "reminders[0].overdue", "either before: the due time or once overdue:"),
        .afterBase(
            "a reminder with neither before nor overdue",
            "reminders:\n  - id: soon\n    for: actions\n    channel: email\n",
            line: 35, column: 5, keyPath: "reminders[0]", "missing before:"),
        .afterBase(
            "a meeting reminder addressed to an owner",
            "reminders:\n  - id: soon\n    for: meetings\n    before: 1 day\n    channel: email\n    to: owner\n",
            line: 39, column: 9, keyPath: "reminders[0].to", "to: owner only applies to actions and indicators"),
        .afterBase(
            "an agenda for actions",
            "reminders:\n  - id: soon\n    for: actions\n    before: 1 day\n    channel: email\n    send: agenda\n",
            line: 39, column: 11, keyPath: "reminders[0].send", "send: agenda only applies to meetings"),
        .afterBase(
            "series named for an indicator reminder",
            "reminders:\n  - id: soon\n    for: indicators\n    series: [weekly]\n    before: 1 day\n    channel: email\n",
            line: 37, column: 13, keyPath: "reminders[0].series", "series: only applies to reminders for meetings"),
        .afterBase(
            "a reminder on a channel that does not exist",
            "reminders:\n  - id: soon\n    for: meetings\n    before: 1 day\n    channel: e-mail\n",
            line: 38, column: 14, keyPath: "reminders[0].channel", "did you mean \"email\"?"),
        .afterBase(
            "an overdue meeting",
            "reminders:\n  - id: late\n    for: meetings\n    overdue: { at_most: 1 }\n    channel: email\n",
            line: 37, column: 14, keyPath: "reminders[0].overdue", "a meeting cannot be overdue"),
        .afterBase(
            "a chat webhook given two ways",
            "  - id: chat\n    type: slack\n    url_env: SLACK_URL\n    url_file: /etc/rhythm/slack-url\n",
            line: 37, column: 5, keyPath: "channels[1].url_file", "given 2 ways (url_env, url_file)"),
        .afterBase(
            "a generic webhook without its signing secret",
            "  - id: hook\n    type: webhook\n    url_env: HOOK_URL\n",
            line: 34, column: 5, keyPath: "channels[1]", "the webhook signing secret is missing"),
        .editingBase(
            "an smtp server with the wrong scheme", replacing: "    from: Test <backbone@example.org>",
            with: "    from: Test <backbone@example.org>\n    smtp: https://mail.example.org",
            line: 34, column: 11, keyPath: "channels[0].smtp", "smtp://host:587 (STARTTLS) or smtps://host:465"),
        .editingBase(
            "a sender that is not a mailbox", replacing: "    from: Test <backbone@example.org>",
            with: "    from: Test <backbone@example>",
            line: 33, column: 11, keyPath: "channels[0].from", "the sender must be a valid mailbox"),
        .afterBase(
            "a misspelt indicator direction",
            "indicators:\n  - id: attendance\n    name: Attendance\n    unit: \"%\"\n    direction: higher-is-beter\n"
                + "    owner: ann\n    period: quarter\n",
            line: 38, column: 16, keyPath: "indicators[0].direction", "did you mean \"higher-is-better\"?"),
        .afterBase(
            "an indicator reviewed at a meeting that is no indicator review",
            "indicators:\n  - id: attendance\n    name: Attendance\n    unit: \"%\"\n    direction: higher-is-better\n"
                + "    owner: ann\n    period: quarter\n    review: weekly\n",
            line: 41, column: 13, keyPath: "indicators[0].review", "is of kind team, not indicator-review",
            severity: .warning),
        .editingBase(
            "a duplicate key in a mapping", replacing: "    name: Ann Lee\n",
            with: "    name: Ann Lee\n    name: Ann Smith\n",
            line: 12, column: 5, keyPath: "people[0].name",
            "the key \"name\" appears twice in the same mapping (first on line 11)"),
        .editingBase(
            "a duplicate key in a flow mapping", replacing: "    partner: council\n",
            with: "    partner: council\n    quiet_hours: { from: \"20:00\", from: \"21:00\", to: \"07:00\" }\n",
            line: 14, column: 35, keyPath: "people[0].quiet_hours.from", "the key \"from\" appears twice"),
        .afterBase(
            "a section written twice", "people:\n  - id: bob\n    name: Bob\n    email: bob@example.org\n",
            line: 34, column: 1, keyPath: "people",
            "the key \"people\" appears twice in the same mapping (first on line 9)"),
        .afterHeader(
            "a YAML syntax error", "partners:\n  - id: council\n    name: \"Council\n    sector: health\n",
            line: 9, keyPath: "", "this is not valid YAML"),
        .afterHeader(
            "a sector of one's own that looks like a typo",
            "partners:\n  - id: council\n    name: Council\n    sector: goverment\n",
            line: 8, column: 13, keyPath: "partners[0].sector", "did you mean the built-in \"government\"?",
            severity: .warning),
        .afterBase(
            "a listening address without a port", "service:\n  listen: localhost\n",
            line: 35, column: 11, keyPath: "service.listen", "expected an address and port such as 127.0.0.1:8080"),
        .afterBase(
            "a public URL that is not a web address", "service:\n  public_url: ftp://rhythm.example.org\n",
            line: 35, column: 15, keyPath: "service.public_url", "use https://"),
        .afterBase(
            "a state directory in the file is refused: systemd decides where data lives",
            "service:\n  state_directory: /var/lib/rhythm\n",
            line: 35, column: 3, keyPath: "service.state_directory", "unknown key \"state_directory\""),
        .afterBase(
            "an unknown way of showing cancelled meetings", "feeds:\n  cancelled: hidden\n",
            line: 35, column: 14, keyPath: "feeds.cancelled", "did you mean \"hide\"?"),
        .afterBase(
            "a misspelt feeds key", "feeds:\n  refresh: 1h\n",
            line: 35, column: 3, keyPath: "feeds.refresh", "did you mean \"refresh_interval\"?"),
        .editingBase(
            "a rule Outlook cannot import as a recurring series is a warning that says what Outlook users see",
            replacing: "    rule: FREQ=WEEKLY;BYDAY=TU", with: "    rule: FREQ=MONTHLY;BYDAY=1TU,-1TU",
            line: 29, column: 11, keyPath: "series[0].rule", "will see only the first meeting", severity: .warning),
        ConfigurationMistake(
            name: "invitations for someone when there is no e-mail channel to send them are a warning",
            yaml: ConfigurationMistake.base
                .replacingOccurrences(
                    of: "    partner: council\n", with: "    partner: council\n    invitations: true\n"
                )
                .replacingOccurrences(
                    of: "    type: email\n    from: Test <backbone@example.org>\n",
                    with: "    type: slack\n    url_env: SLACK_URL\n"),
            line: 14, column: 18, keyPath: "people[0].invitations", fragment: "there is no e-mail channel",
            severity: .warning),
        ConfigurationMistake(
            name: "an empty file", yaml: "# nothing yet\n", line: 0, column: 0, keyPath: "",
            fragment: "the file is empty"),
        ConfigurationMistake(
            name: "a file without the initiative section", yaml: "partners: []\n", line: 1, column: 1, keyPath: "",
            fragment: "missing required key \"initiative\""),
    ]

    @Test("each mistake is reported at its line and column with a helpful message", arguments: mistakes)
    func mistakeIsReported(_ mistake: ConfigurationMistake) {
        let diagnostics = Self.diagnostics(loading: mistake.yaml)
        let match = diagnostics.first { diagnostic in
            diagnostic.keyPath == mistake.keyPath && diagnostic.message.contains(mistake.fragment)
        }
        guard let match else {
            Issue.record(
                "no diagnostic under \"\(mistake.keyPath)\" containing \"\(mistake.fragment)\"; got:\n\(diagnostics.map(\.description).joined(separator: "\n"))"
            )
            return
        }
        #expect(match.line == mistake.line, "\(match)")
        if let column = mistake.column {
            #expect(match.column == column, "\(match)")
        }
        #expect(match.severity == mistake.severity)
        #expect(match.file == "test.yaml")
    }

    /// Every diagnostic from loading `yaml`, whether the load failed or only warned.
    static func diagnostics(loading yaml: String) -> [Diagnostic] {
        do {
            return try ConfigurationLoader().load(yaml: yaml, path: "test.yaml").warnings
        } catch {
            return error.diagnostics
        }
    }
}
