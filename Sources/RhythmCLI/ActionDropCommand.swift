import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action drop`: gives an action up, saying why.
struct ActionDropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Drop an action that will not be done.",
        discussion: """
            The reason is added to the action's details, as "Dropped: <reason>", so that it \
            stays with the action and in the audit trail.

            Example:
              rhythm action drop 12 --reason "Superseded by the regional plan"
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The action's number.", valueName: "id"))
    var id: ActionID

    @Option(help: ArgumentHelp("Why it is dropped.", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        var changes = ActionChanges(status: .dropped)
        if let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            let existing = try id.existing(in: store).details
            changes.details = [existing, "Dropped: \(reason)"].compactMap { $0 }.joined(separator: "\n\n")
        }
        let action = try ActionCommand.update(id, changes, in: store)
        try ActionText.print(action, format: format, initiative: initiative)
    }
}
