import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm agenda withdraw`: takes an item off its meeting's agenda, keeping the record.
struct AgendaWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Take an item off its meeting's agenda.",
        discussion: """
            The item is kept, with who withdrew it and when (`rhythm agenda list SERIES DATE \
            --all` and `rhythm audit --entity agenda-item` show it), and the items after it \
            move up. Withdrawing it again changes nothing.

            Example:
              rhythm agenda withdraw 12
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The item's number.", valueName: "id"))
    var id: AgendaItemID

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let store = try options.openDatabase(for: loaded)
        let before = try id.existing(in: store)
        let withdrawn = try DatabaseOptions.checked { () throws(StoreError) in
            try store.withdrawAgendaItem(id: id.value, actor: WorkArguments.actor(), now: Date())
        }
        guard let withdrawn else { throw ValidationError(AgendaItemID.missing(id.value)) }
        if let earlier = before.withdrawal {
            StandardError.print(
                "note: #\(before.id) was already withdrawn (\(ISO8601Format.utc(earlier.at)) by \(earlier.by)).")
        }
        try AgendaItemText.print(withdrawn, initiative: loaded.initiative, format: format)
    }
}
