import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm agenda list`: the working view of one meeting's agenda: the standing items, the
/// submitted items in order with what the other agenda commands need (ids and positions),
/// and the time budget.
struct AgendaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the items of a meeting's agenda, in order, with the time budget.",
        discussion: """
            Shows the standing items, then the submitted items in agenda order with their id, \
            position, minutes, presenter and who submitted them, then the time budget: the \
            meeting's length against the items' minutes, naming the items that give none. \
            --all adds the withdrawn items, with who withdrew them and when. DATE is the \
            meeting's original date or, if it moved, its new one; without it (or with \
            --next), the next meeting that is not cancelled.

            Examples:
              rhythm agenda list leadership-table
              rhythm agenda list leadership-table 2027-03-09 --all
              rhythm agenda list attendance-wg --next --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The series, by id.", valueName: "series"))
    var seriesID: String

    @Argument(
        help: ArgumentHelp(
            "The meeting's date (YYYY-MM-DD): the original one or, if it moved, the new one.", valueName: "date"))
    var date: String?

    @Flag(help: "The next meeting of the series (the default).")
    var next = false

    @Flag(help: "Include the withdrawn items.")
    var all = false

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if date != nil, next {
            throw ValidationError("Give either DATE or --next, not both.")
        }
        _ = try date.map { try WorkArguments.date($0, for: "DATE") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let series = try initiative.checkedSeries(seriesID)
        let occurrence = try AgendaOccurrence(initiative: initiative, series: series)
            .find(date: try date.map { try WorkArguments.date($0, for: "DATE") }, now: Date())
        let store = try options.openDatabase(for: loaded)
        let items = try DatabaseOptions.checked { () throws(StoreError) in
            try store.agendaItems(
                seriesID: series.id, occurrenceDate: occurrence.originalStart.date, includingWithdrawn: all,
                limit: 10_000, offset: 0)
        }
        let listing = AgendaListing(occurrence: occurrence, items: items)
        switch format {
        case .text: print(listing.lines(initiative: initiative).joined(separator: "\n"))
        case .json: print(try JSONOutput.encoded(AgendaListingJSON(listing)))
        }
    }
}

/// One meeting's items as `rhythm agenda list` shows them.
struct AgendaListing {
    let occurrence: Occurrence
    /// On the agenda, in order.
    let onAgenda: [AgendaItem]
    /// Withdrawn, when asked for.
    let withdrawn: [AgendaItem]
    let budget: AgendaTimeBudget

    init(occurrence: Occurrence, items: [AgendaItem]) {
        self.occurrence = occurrence
        let sorted = items.sorted(by: AgendaItem.listedBefore)
        onAgenda = sorted.filter(\.isOnAgenda)
        withdrawn = sorted.filter { !$0.isOnAgenda }
        budget = AgendaTimeBudget(for: occurrence, items: items)
    }

    func lines(initiative: Initiative) -> [String] {
        let series = occurrence.series
        var lines = ["\(series.title), \(OccurrenceText.when(occurrence))\(OccurrenceText.statusSuffix(occurrence))"]
        lines.append("")
        lines.append("Standing items:")
        lines += series.standingItems.isEmpty ? ["  none"] : series.standingItems.map { "  - \($0)" }
        lines.append("")
        lines.append("Items:")
        if onAgenda.isEmpty {
            lines.append("  none yet")
        } else {
            let rows = onAgenda.map { item in
                [
                    "\(item.position)", "#\(item.id)", item.minutes.map(String.init) ?? "-",
                    item.presenterID.map(initiative.personName) ?? "-", item.submittedBy, item.title,
                ]
            }
            lines += TextTable.lines(
                header: ["POS", "ID", "MIN", "PRESENTER", "SUBMITTED BY", "TITLE"], rows: rows
            ).map { "  " + $0 }
        }
        if !withdrawn.isEmpty {
            lines.append("")
            lines.append("Withdrawn:")
            lines += withdrawn.map { item in
                let withdrawal = item.withdrawal.map { " (\(ISO8601Format.utc($0.at)) by \($0.by))" } ?? ""
                return "  #\(item.id) \(item.title)\(withdrawal)"
            }
        }
        lines.append("")
        lines.append("Time: \(budget.summary)")
        return lines
    }
}

/// The JSON form of `rhythm agenda list`.
struct AgendaListingJSON: Encodable {
    struct Budget: Encodable {
        struct Unsized: Encodable {
            let id: Int64
            let title: String
        }
        let meetingMinutes: Int
        let plannedMinutes: Int
        /// Positive: minutes to spare; negative: minutes over.
        let balance: Int
        let unsizedItems: [Unsized]
        let summary: String
    }

    let seriesId: String
    let occurrenceDate: String
    /// The day it is held on: its original date, or the one it moved to.
    let date: String
    let start: String
    let end: String
    let status: String
    let standingItems: [String]
    let items: [AgendaItemJSON]
    let budget: Budget

    init(_ listing: AgendaListing) {
        let occurrence = listing.occurrence
        seriesId = occurrence.series.id
        occurrenceDate = occurrence.originalStart.date.description
        date = occurrence.localStart.date.description
        start = ISO8601Format.utc(occurrence.start)
        end = ISO8601Format.utc(occurrence.end)
        status = occurrence.status.label
        standingItems = occurrence.series.standingItems
        items = (listing.onAgenda + listing.withdrawn).map(AgendaItemJSON.init)
        let budget = listing.budget
        self.budget = Budget(
            meetingMinutes: budget.meetingMinutes, plannedMinutes: budget.plannedMinutes, balance: budget.balance,
            unsizedItems: budget.unsizedItems.map { Budget.Unsized(id: $0.id, title: $0.title) },
            summary: budget.summary)
    }
}
