import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action update`: changes some fields of an action.
struct ActionUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an action.",
        discussion: """
            Only the options given change. `none` clears an optional field (--partner, \
            --group, --series, --raised-on, --due); an empty --details clears the details.

            Examples:
              rhythm action update 12 --due 2027-04-01 --status in-progress
              rhythm action update 12 --owner daniel-rossi --due none
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The action's number.", valueName: "id"))
    var id: ActionID

    @Option(help: "A new title.")
    var title: String?

    @Option(help: ArgumentHelp("New details; an empty string clears them.", valueName: "text"))
    var details: String?

    @Option(help: ArgumentHelp("A new owner.", valueName: "person-id"))
    var owner: String?

    @Option(help: ArgumentHelp("A new partner, or none.", valueName: "partner-id"))
    var partner: String?

    @Option(help: ArgumentHelp("A new group, or none.", valueName: "group-id"))
    var group: String?

    @Option(help: ArgumentHelp("A new series, or none.", valueName: "series-id"))
    var series: String?

    @Option(help: ArgumentHelp("A new date of raising, or none.", valueName: "date"))
    var raisedOn: String?

    @Option(help: ArgumentHelp("A new due date, or none.", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("open, in-progress, blocked, done or dropped.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if let title, title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The title must not be empty.")
        }
        _ = try raisedOn.map { try WorkArguments.dateOrNone($0, for: "--raised-on") }
        _ = try due.map { try WorkArguments.dateOrNone($0, for: "--due") }
        _ = try status.map { try WorkArguments.status($0, for: "--status") }
        if [title, details, owner, partner, group, series, raisedOn, due, status].allSatisfy({ $0 == nil }) {
            throw ValidationError("Name something to change, such as --due 2027-04-01 or --status in-progress.")
        }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        var changes = ActionChanges()
        changes.title = title
        changes.details = details.map { $0.isEmpty ? nil : $0 }
        if let owner {
            changes.ownerID = try initiative.checkedPerson(owner).id
        }
        changes.partnerID = try Self.orNone(partner, check: initiative.checkPartner)
        changes.groupID = try Self.orNone(group, check: initiative.checkGroup)
        changes.seriesID = try Self.orNone(series) { _ = try initiative.checkedSeries($0) }
        changes.raisedOn = try raisedOn.map { try WorkArguments.dateOrNone($0, for: "--raised-on") }
        changes.due = try due.map { try WorkArguments.dateOrNone($0, for: "--due") }
        changes.status = try status.map { try WorkArguments.status($0, for: "--status") }
        let store = try options.openDatabase(for: loaded)
        let action = try ActionCommand.update(id, changes, in: store)
        try ActionText.print(action, format: format, initiative: initiative)
    }

    /// nil when not given, `.some(nil)` for `none`, else the checked id.
    private static func orNone(_ text: String?, check: (String) throws -> Void) throws -> String?? {
        guard let text else { return nil }
        if text.lowercased() == "none" { return .some(nil) }
        try check(text)
        return .some(text)
    }
}

extension ActionCommand {
    /// Applies `changes` as the command-line user; an error when the action does not exist.
    static func update(_ id: ActionID, _ changes: ActionChanges, in store: AppDatabase) throws -> Action {
        let updated = try DatabaseOptions.checked { () throws(StoreError) in
            try store.updateAction(id: id.value, changes, actor: WorkArguments.actor(), now: Date())
        }
        guard let updated else {
            throw ValidationError("There is no action #\(id.value); `rhythm action list --all` shows them all.")
        }
        return updated
    }
}
