import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action list`: the actions that match, open ones unless asked otherwise.
struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List actions, by due date.",
        discussion: """
            Lists open actions (open, in-progress or blocked) unless --status or --all says \
            otherwise. "Overdue" means still open and due before today in the initiative's \
            time zone.

            Examples:
              rhythm action list --overdue
              rhythm action list --group attendance-wg --due-before 2027-04-01
              rhythm action list --all --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("Only actions this person owns.", valueName: "person-id"))
    var owner: String?

    @Option(help: ArgumentHelp("Only this partner's actions.", valueName: "partner-id"))
    var partner: String?

    @Option(help: ArgumentHelp("Only this group's actions.", valueName: "group-id"))
    var group: String?

    @Option(help: ArgumentHelp("Only actions raised at this series.", valueName: "series-id"))
    var series: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Only these statuses: open, in-progress, blocked, done, dropped.", valueName: "status"))
    var status: [String] = []

    @Flag(help: "Only open actions due before today.")
    var overdue = false

    @Option(help: ArgumentHelp("Only actions due before this date.", valueName: "date"))
    var dueBefore: String?

    @Flag(help: "Include done and dropped actions.")
    var all = false

    @Option(help: ArgumentHelp("At most this many.", valueName: "n"))
    var limit = 100

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if all, !status.isEmpty {
            throw ValidationError("Give either --all or --status, not both.")
        }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1; found \(limit).") }
        _ = try dueBefore.map { try WorkArguments.date($0, for: "--due-before") }
        _ = try status.map { try WorkArguments.status($0, for: "--status") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        _ = try owner.map(initiative.checkedPerson)
        try partner.map(initiative.checkPartner)
        try group.map(initiative.checkGroup)
        _ = try series.map(initiative.checkedSeries)
        let today = WorkArguments.today(in: initiative)
        let statuses: Set<Action.Status>? =
            all
            ? nil
            : status.isEmpty
                ? Set(Action.Status.allCases.filter(\.isOpen))
                : Set(try status.map { try WorkArguments.status($0, for: "--status") })
        let filter = ActionFilter(
            ownerID: owner, partnerID: partner, groupID: group, seriesID: series, statuses: statuses,
            overdueOn: overdue ? today : nil,
            dueBefore: try dueBefore.map { try WorkArguments.date($0, for: "--due-before") }, limit: limit)
        let store = try options.openDatabase(for: loaded)
        let (actions, total) = try DatabaseOptions.checked { () throws(StoreError) in
            (try store.actions(matching: filter), try store.countActions(matching: filter))
        }
        switch format {
        case .text:
            print(ActionText.table(actions, total: total, today: today, initiative: initiative))
        case .json:
            print(try JSONOutput.encoded(ActionJSON.List(actions: actions, total: total, today: today)))
        }
    }
}
