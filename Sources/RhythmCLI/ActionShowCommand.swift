import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action show`: one action in full.
struct ActionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one action.",
        discussion: """
            Example:
              rhythm action show 12
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The action's number, as `rhythm action list` shows it.", valueName: "id"))
    var id: ActionID

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        let action = try id.existing(in: store)
        try ActionText.print(action, format: format, initiative: initiative)
    }
}

/// An action's number as people type it: `12` or `#12`.
struct ActionID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }

    /// The action, or an error that says there is none.
    func existing(in store: AppDatabase) throws -> Action {
        guard let action = try DatabaseOptions.checked({ () throws(StoreError) in try store.action(id: value) })
        else {
            throw ValidationError("There is no action #\(value); `rhythm action list --all` shows them all.")
        }
        return action
    }
}
