import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm agenda add`: submits an item for one meeting of a series.
struct AgendaAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Submit an item for a meeting's agenda.",
        discussion: """
            --date must be a date the series meets on: a moved meeting answers to its \
            original date and to the date it moved to (a date that is one meeting's original \
            date and another's new date names the first, and a note gives the other's \
            --date); a cancelled or skipped meeting is refused, naming the nearest meetings \
            that do happen. --next picks the next meeting that is not cancelled or skipped and \
            has not ended: during a meeting, the one under way, as `agenda show --next` does.

            Examples:
              rhythm agenda add leadership-table "Term 1 attendance" --next --presenter sam-ibrahim --minutes 15
              rhythm agenda add attendance-wg "Data-sharing agreement" --date 2027-02-17 --notes "Draft attached"
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The series of the meeting.", valueName: "series-id"))
    var series: String

    @Argument(help: "What the item is about.")
    var title: String

    @Option(
        help: ArgumentHelp("The date of the meeting: the original one or, if it moved, the new one.", valueName: "date")
    )
    var date: String?

    @Flag(help: "The next meeting of the series that happens.")
    var next = false

    @Option(help: ArgumentHelp("Who presents it.", valueName: "person-id"))
    var presenter: String?

    @Option(help: ArgumentHelp("How many minutes it needs.", valueName: "n"))
    var minutes: Int?

    @Option(help: ArgumentHelp("Notes for the agenda.", valueName: "text"))
    var notes: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        switch (date, next) {
        case (nil, false): throw ValidationError("Name the meeting with --date DATE or --next.")
        case (.some, true): throw ValidationError("Give either --date or --next, not both.")
        default: break
        }
        _ = try date.map { try WorkArguments.date($0, for: "--date") }
        // The checks every way of submitting an item applies (the API and answer links too).
        if let problem = minutes.flatMap(AgendaItemRules.minutesProblem) {
            throw ValidationError("--minutes: \(problem.message)")
        }
        if let problem = AgendaItemRules.titleProblem(title) ?? notes.flatMap(AgendaItemRules.notesProblem) {
            throw ValidationError(problem.message)
        }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let meetings = try initiative.checkedSeries(series)
        _ = try presenter.map(initiative.checkedPerson)
        let schedule = Schedule(initiative: initiative)
        let occurrence: Occurrence
        if let date {
            occurrence = try Self.occurrence(
                of: meetings, on: try WorkArguments.date(date, for: "--date"), in: schedule)
        } else {
            // The meeting whose agenda `agenda show --next` and the feeds show: during a
            // meeting, that is the meeting under way.
            guard let found = schedule.nextMeeting(of: meetings, after: Date()) else {
                throw ValidationError("\(meetings.title) (\(meetings.id)) has no meeting in the next 800 days.")
            }
            occurrence = found
        }
        let new = NewAgendaItem(
            seriesID: meetings.id, occurrenceDate: occurrence.originalStart.date, title: title, presenterID: presenter,
            minutes: minutes, notes: notes)
        let store = try options.openDatabase(for: loaded)
        let item = try DatabaseOptions.checked { () throws(StoreError) in
            try store.createAgendaItem(new, actor: WorkArguments.actor(), now: Date())
        }
        try AgendaItemText.print(item, initiative: initiative, format: format)
    }

    /// The meeting `date` names (its original date, or the date it moved to), if it happens;
    /// otherwise an error naming the nearest meetings that do.
    static func occurrence(of series: MeetingSeries, on date: LocalDate, in schedule: Schedule) throws -> Occurrence {
        let meeting = schedule.meeting(of: series, on: date)
        if let found = meeting.named, !Self.isOff(found) {
            if let other = meeting.alsoMovedHere {
                StandardError.print(AgendaOccurrence.ambiguityNote(date: date, named: found, other: other))
            }
            return found
        }
        let zone = series.timeZone
        let searchStart = zone.instant(for: LocalDateTime(date: date.adding(days: -400), time: .midnight))
        let happening = schedule.occurrences(of: [series], in: DateInterval(start: searchStart, duration: 800 * 86_400))
            .filter { !Self.isOff($0) }
        let before = happening.last { $0.localStart.date < date }
        let after = happening.first { $0.localStart.date > date }
        let nearest = [before, after].compactMap { $0 }.map { "\($0.localStart.date)" }
        let hint =
            nearest.isEmpty
            ? ""
            : " The nearest \(nearest.count == 1 ? "meeting is" : "meetings are") \(nearest.joined(separator: " and "))."
        if let found = meeting.named {
            let reason =
                found.status.reason.map { " (\($0.trimmingCharacters(in: CharacterSet(charactersIn: ". "))))" } ?? ""
            throw ValidationError(
                "The \(series.title) meeting of \(date) is \(found.status.label)\(reason).\(hint)")
        }
        throw ValidationError("\(series.title) (\(series.id)) does not meet on \(date).\(hint)")
    }

    private static func isOff(_ occurrence: Occurrence) -> Bool {
        !AgendaItemRules.happens(occurrence)
    }
}
