import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

/// `rhythm decisions`: the decision log, the decisions of published minutes by series.
struct DecisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "List the decisions of published minutes.",
        discussion: """
            Each series keeps a decision log: every decision in its published minutes, \
            numbered D1, D2, ... in the order they were published. A correction keeps a \
            decision's number; a number is never given twice. Database failures exit with 74.

            Examples:
              rhythm decisions
              rhythm decisions leadership-table --since 2027-01-01 --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("Only this series' log.", valueName: "series-id"))
    var series: String?

    @Option(help: ArgumentHelp("Only decisions of meetings on or after this date.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if let since { _ = try WorkArguments.date(since, for: "--since") }
    }

    func run() throws {
        let book = try MinutesCommand.book(options)
        let decisions = try MinutesCommand.checked {
            try book.decisions(seriesID: series, since: try since.map { try WorkArguments.date($0, for: "--since") })
        }
        switch format {
        case .json:
            print(try JSONOutput.encoded(decisions.map(DecisionJSON.init)))
        case .text:
            guard !decisions.isEmpty else {
                print("No decisions\(series.map { " in \($0)" } ?? "") yet.")
                return
            }
            let titles = Dictionary(book.initiative.series.map { ($0.id, $0.title) }) { first, _ in first }
            var lines: [String] = []
            for (seriesID, logged) in Dictionary(grouping: decisions, by: \.seriesID).sorted(by: { $0.key < $1.key }) {
                if !lines.isEmpty { lines.append("") }
                lines.append("\(titles[seriesID] ?? seriesID) (\(seriesID))")
                lines += logged.map { "  D\($0.number)  \($0.occurrenceDate)  \($0.text)" }
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

/// One decision as `rhythm decisions --format json` prints it.
struct DecisionJSON: Encodable {
    let seriesId: String
    let number: Int
    let occurrenceDate: String
    let text: String
    let agendaItemId: Int64?
    let publishedAt: String

    init(_ decision: LoggedDecision) {
        seriesId = decision.seriesID
        number = decision.number
        occurrenceDate = decision.occurrenceDate.description
        text = decision.text
        agendaItemId = decision.agendaItemID
        publishedAt = ISO8601Format.utc(decision.publishedAt)
    }
}
