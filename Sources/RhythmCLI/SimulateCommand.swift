import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmStore

/// `rhythm simulate`: what a dispatch would send now, and every reminder the rules would send
/// in a window, without sending or writing anything.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "List what a dispatch would send now and the reminders due in a window, without sending anything.",
        discussion: """
            Plans exactly as the service does, with the dispatcher's own planners, from the \
            configuration's reminder rules and the actions, indicator values, outbox and \
            invitation states in the database, and writes nothing. When the window holds now \
            (the default), it starts with what `rhythm dispatch --once` would send at once: \
            the backlog (reminders already due and still useful), calendar invitations and \
            cancellations, agendas and daily digests (with the reminders each gathers). Then \
            the reminders due later in the window: when (after non-business days, quiet hours \
            and daily digests), on which channel, to whom and about what, with the reason when \
            a rule moved one off a weekend or holiday; and those a rule skips there. An e-mail \
            to a person whose address bounces is marked "not sent", with the bounce. \
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
        let file = try options.load()
        let store = try options.openDatabase(for: file)
        let loaded = try LiveChangeLayer.layered(file, store: store).configuration
        let initiative = loaded.initiative
        let now = Date()
        let query = try UpcomingQuery(
            initiative: initiative, from: from.flatMap { LocalDate(iso: $0) },
            until: until.flatMap { LocalDate(iso: $0) },
            days: days, seriesIDs: [], partnerID: nil, groupID: nil, personID: nil, now: now)
        // A window that holds now starts with what a dispatch would send now; the rest of it
        // is what the rules plan after now.
        let includesNow = query.window.start <= now && now < query.window.end
        let window = includesNow ? DateInterval(start: now, end: query.window.end) : query.window
        let (dueNow, planned, skipped, bouncing) = try DatabaseOptions.checked {
            () throws(StoreError) -> ([DispatchPreview.Message], [Reminder], [SkippedReminder], BouncingRecipients) in
            let dueNow = includesNow ? try DispatchPreview(configuration: loaded, store: store, now: now).messages : []
            let (planned, skipped) = try ReminderPlanner.planWithSkips(
                initiative: initiative, window: window, store: store, now: now)
            let bouncing = try BouncingRecipients(initiative: initiative, store: store)
            return (dueNow, planned.filter { !includesNow || $0.due > now }, skipped, bouncing)
        }
        let lines =
            dueNow.map { SimulatedLine(message: $0, initiative: initiative) }
            + planned.map { reminder in
                var notSent: String?
                if case .person(let personID) = reminder.recipient {
                    notSent = bouncing.reasonNotSent(personID: personID, channelID: reminder.channel.id)
                }
                return SimulatedLine(reminder: reminder, initiative: initiative, notSent: notSent)
            }
            + skipped.map { SimulatedLine(skipped: $0, initiative: initiative) }
        switch format {
        case .text:
            for (status, noun, heading) in [
                (SimulatedLine.Status.dueNow, "message", "a dispatch now would send"),
                (.planned, "reminder", "would go out later in the window"),
                (.skipped, "reminder", "would not go out: a non-business day, as its rule says"),
            ] {
                let group = lines.filter { $0.status == status }
                if status == .dueNow, !includesNow { continue }
                if status == .skipped, group.isEmpty { continue }
                print("\(Plural.phrase(group.count, noun)) \(heading):")
                guard !group.isEmpty else { continue }
                print(
                    TextTable.lines(
                        header: ["DUE", "CHANNEL", "TO", "ABOUT"],
                        rows: group.map(\.textRow)
                    ).joined(separator: "\n"))
            }
        case .json:
            print(try JSONOutput.encoded(lines))
        }
    }
}
