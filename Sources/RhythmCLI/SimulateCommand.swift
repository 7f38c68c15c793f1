import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm simulate`: every reminder the rules would send in a window, without sending.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "List the reminders that would go out in a window, without sending anything.",
        discussion: """
            Plans reminders exactly as the service does, from the configuration's reminder \
            rules and the actions and indicator values in the database: when each is due \
            (after quiet hours and daily digests), on which channel, to whom, and about what. \
            Dates are read in the initiative's time zone; each reminder's time is shown on \
            its recipient's clock. Without --from the window starts now; without --until or \
            --days it lasts 28 days.

            Examples:
              rhythm simulate --days 7
              rhythm simulate --from 2027-02-01 --until 2027-03-31 --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("First day of the window (YYYY-MM-DD); defaults to now.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the window, included (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Length of the window in days (default 28).", valueName: "n"))
    var days: Int?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if until != nil, days != nil {
            throw ValidationError("Give either --until or --days, not both.")
        }
        if let days, days < 1 {
            throw ValidationError("--days must be at least 1; found \(days).")
        }
        for (name, value) in [("--from", from), ("--until", until)] {
            if let value, LocalDate(iso: value) == nil {
                throw ValidationError("\(name) expects a date such as 2027-04-06; found \"\(value)\".")
            }
        }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let now = Date()
        let query = try UpcomingQuery(
            initiative: initiative, from: from.flatMap { LocalDate(iso: $0) },
            until: until.flatMap { LocalDate(iso: $0) },
            days: days, seriesIDs: [], partnerID: nil, groupID: nil, personID: nil, now: now)
        let store = try options.openDatabase(for: loaded)
        let (actions, results) = try DatabaseOptions.checked { () throws(StoreError) in
            (try store.openActions(), try store.allIndicatorResults())
        }
        let reminders = ReminderPlanner.plan(
            initiative: initiative, window: query.window, actions: actions, results: results, now: now)
        let lines = reminders.map { ReminderLine(reminder: $0, initiative: initiative) }
        switch format {
        case .text:
            print("\(Plural.phrase(lines.count, "reminder")) would go out:")
            print(
                TextTable.lines(
                    header: ["DUE", "CHANNEL", "TO", "ABOUT"],
                    rows: lines.map { [$0.due, $0.channel, $0.recipient, $0.about] }
                ).joined(separator: "\n"))
        case .json:
            print(try JSONOutput.encoded(lines))
        }
    }
}

/// One planned reminder as a person reads it.
struct ReminderLine: Encodable {
    let key: String
    /// On the recipient's clock, with its offset.
    let due: String
    let channel: String
    let recipient: String
    let about: String

    init(reminder: Reminder, initiative: Initiative) {
        key = reminder.key
        channel = reminder.channel.id
        var zone = initiative.timeZone
        switch reminder.recipient {
        case .person(let id):
            let person = initiative.people.first { $0.id == id }
            zone = person?.timeZone ?? zone
            recipient = person.map { "\($0.name) <\($0.email)>" } ?? id
        case .channel(let id):
            recipient = "#\(id)"
        }
        let local = zone.wallClock(at: reminder.due)
        due =
            "\(OccurrenceText.dayAndDate(local.date)) \(OccurrenceText.hourMinute(local.time)) \(zone.offsetText(at: reminder.due))"
        about = Self.about(reminder)
    }

    static func about(_ reminder: Reminder) -> String {
        switch reminder.subject {
        case .meeting(let occurrence):
            let what = reminder.content == .agenda ? "agenda" : "reminder"
            return "\(what): \(occurrence.series.title), \(OccurrenceText.when(occurrence))"
        case .action(let action):
            let due = action.due.map { ", due \($0)" } ?? ""
            let stage = reminder.repetition > 0 ? "overdue action (\(reminder.repetition))" : "action due soon"
            return "\(stage): #\(action.id) \(action.title)\(due)"
        case .indicator(let standing, let review):
            let stage = reminder.repetition > 0 ? "indicator data late (\(reminder.repetition))" : "indicator data due"
            return
                "\(stage): \(standing.indicator.name), \(standing.period), for the review of \(review.localStart.date)"
        case .digest(let members):
            return "daily digest of \(Plural.phrase(members.count, "reminder"))"
        }
    }
}
