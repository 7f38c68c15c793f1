import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm indicator list`: where every shared indicator stands, and whose data the next
/// review is still waiting for.
struct IndicatorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the indicators: latest value, target, trend, and missing or late data.",
        discussion: """
            For each indicator in the configuration: its latest recorded value and period, \
            the target, the trend against the period before (better or worse given the \
            indicator's direction), whether it is on track, and for the period its next \
            review looks at whether the value is in, missing or late (past its due date, \
            counted in business days before the review), with the owner who supplies it.

            Examples:
              rhythm indicator list
              rhythm indicator list --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        let results = try DatabaseOptions.checked { () throws(StoreError) in try store.allIndicatorResults() }
        let rows = IndicatorRow.rows(initiative: initiative, results: results, now: Date())
        switch format {
        case .text:
            print(IndicatorRow.text(rows))
        case .json:
            print(try IndicatorRow.json(rows))
        }
    }
}
