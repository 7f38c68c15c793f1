import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm agenda move`: reorders an item on its meeting's agenda, or defers it to another
/// meeting of the same series.
struct AgendaMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Reorder an agenda item, or move it to another meeting of its series.",
        discussion: """
            --position N puts the item at place N (1 is first after the standing items); \
            --before ID and --after ID put it next to another item of the same meeting. \
            --to-date DATE moves it to another meeting of the same series (its original \
            date or, if it moved, its new one; cancelled and skipped meetings are refused, \
            naming the nearest ones), --to-next to the next meeting held after its own one \
            (and not over yet); it goes to the end of that agenda unless --position, \
            --before or --after says where. The other items close up or make room.

            Examples:
              rhythm agenda move 12 --position 1
              rhythm agenda move 12 --after 9
              rhythm agenda move 12 --to-next
              rhythm agenda move 12 --to-date 2027-04-13 --position 1
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The item's number.", valueName: "id"))
    var id: AgendaItemID

    @Option(help: ArgumentHelp("Its new place, from 1.", valueName: "n"))
    var position: Int?

    @Option(help: ArgumentHelp("Put it just before this item.", valueName: "id"))
    var before: AgendaItemID?

    @Option(help: ArgumentHelp("Put it just after this item.", valueName: "id"))
    var after: AgendaItemID?

    @Option(
        help: ArgumentHelp(
            "Move it to the meeting of this date: the original one or, if it moved, the new one.", valueName: "date"))
    var toDate: String?

    @Flag(help: "Move it to the next meeting held after its own.")
    var toNext = false

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        let places = [
            position.map { "--position \($0)" }, before.map { _ in "--before" }, after.map { _ in "--after" },
        ]
        .compactMap { $0 }
        if places.count > 1 {
            throw ValidationError("Give one of --position, --before and --after, not \(places.count).")
        }
        if toDate != nil, toNext {
            throw ValidationError("Give either --to-date or --to-next, not both.")
        }
        if places.isEmpty, toDate == nil, !toNext {
            throw ValidationError(
                "Say where the item goes: --position N, --before ID, --after ID, --to-date DATE or --to-next.")
        }
        if let position, position < 1 {
            throw ValidationError(
                "--position counts from 1 (the first item after the standing items); found \(position).")
        }
        _ = try toDate.map { try WorkArguments.date($0, for: "--to-date") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        let item = try id.existing(in: store)
        if let withdrawal = item.withdrawal {
            throw ValidationError(
                "#\(item.id) was withdrawn (\(ISO8601Format.utc(withdrawal.at)) by \(withdrawal.by)), so it is on no "
                    + "agenda to move on; `rhythm agenda add` submits it again.")
        }
        guard let series = initiative.series.first(where: { $0.id == item.seriesID }) else {
            throw ValidationError(
                "#\(item.id) is for series \(item.seriesID), which the configuration no longer has, so it cannot move.")
        }
        var changes = AgendaItemChanges()
        changes.placement = placement
        changes.occurrenceDate = try destination(of: item, in: series, initiative: initiative)
        let moved: AgendaItem?
        do throws(StoreError) {
            moved = try store.updateAgendaItem(id: item.id, changes, actor: WorkArguments.actor(), now: Date())
        } catch  where error.code == .invalidPlacement {
            throw ValidationError([placementArgument, error.description].compactMap { $0 }.joined(separator: ": "))
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        guard let moved else { throw ValidationError(AgendaItemID.missing(item.id)) }
        try AgendaItemText.print(moved, initiative: initiative, format: format)
    }

    /// Where among the meeting's items it goes; nil leaves that to the store (the end, for
    /// another meeting).
    private var placement: AgendaPlacement? {
        if let position { return .position(position) }
        if let before { return .before(before.value) }
        if let after { return .after(after.value) }
        return nil
    }

    /// The option that named the place, as typed, for errors about it.
    private var placementArgument: String? {
        if let position { return "--position \(position)" }
        if let before { return "--before \(before.value)" }
        if let after { return "--after \(after.value)" }
        return nil
    }

    /// The original date of the meeting the item goes to: the one --to-date or --to-next
    /// names, else its own.
    private func destination(of item: AgendaItem, in series: MeetingSeries, initiative: Initiative) throws
        -> LocalDate
    {
        let schedule = Schedule(initiative: initiative)
        if let toDate {
            let date = try WorkArguments.date(toDate, for: "--to-date")
            return try AgendaAddCommand.occurrence(of: series, on: date, in: schedule).originalStart.date
        }
        if toNext {
            guard let next = schedule.meeting(of: series, after: item.occurrenceDate, now: Date()) else {
                throw ValidationError(
                    "--to-next: \(series.title) (\(series.id)) holds no meeting after \(item.occurrenceDate) within "
                        + "two years; name one with --to-date.")
            }
            return next.originalStart.date
        }
        return item.occurrenceDate
    }
}
