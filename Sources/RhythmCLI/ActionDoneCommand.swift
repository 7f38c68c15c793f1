import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action done`: marks an action done.
struct ActionDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark an action done.",
        discussion: """
            Example:
              rhythm action done 12
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The action's number.", valueName: "id"))
    var id: ActionID

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        let action = try ActionCommand.update(id, ActionChanges(status: .done), in: store)
        try ActionText.print(action, format: format, initiative: initiative)
    }
}
