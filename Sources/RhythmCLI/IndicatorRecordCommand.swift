import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm indicator record`: an indicator's value for one reporting period.
struct IndicatorRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record an indicator's value for a period.",
        discussion: """
            The period is written 2027-03 (a month), 2027-Q1 (a quarter), 2027-H1 (a \
            half-year) or 2027 (a year), must be of the indicator's own kind, and must \
            have begun (today, in the initiative's time zone): a value for a period to come \
            would show as the latest.

            Examples:
              rhythm indicator record school-attendance --period 2027-Q1 --value 91.4
              rhythm indicator record work-placements --period 2027-Q1 --value 48 --note "Two employers late"
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The indicator's id in the configuration.", valueName: "indicator-id"))
    var indicator: String

    @Option(help: ArgumentHelp("The reporting period, such as 2027-Q1.", valueName: "period"))
    var period: String

    @Option(help: ArgumentHelp("The value, in the indicator's unit.", valueName: "number"))
    var value: Double

    @Option(help: ArgumentHelp("A note that goes with the value.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard value.isFinite else { throw ValidationError("--value must be a number; found \(value).") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let indicator = try initiative.checkedIndicator(indicator)
        let period = try Self.period(
            period, for: indicator, today: WorkArguments.today(in: initiative), zone: initiative.timeZone)
        let store = try options.openDatabase(for: loaded)
        let (replaced, result) = try DatabaseOptions.checked { () throws(StoreError) in
            let existing = try store.indicatorResults(indicatorID: indicator.id, limit: Int.max, offset: 0)
                .first { $0.period == period }
            let result = try store.recordIndicatorResult(
                indicatorID: indicator.id, period: period, value: value, note: note, actor: WorkArguments.actor(),
                now: Date())
            return (existing, result)
        }
        switch format {
        case .text:
            var line = "Recorded \(indicator.name) for \(period): \(Self.number(result.value)) \(indicator.unit)"
            if let target = indicator.target { line += " (target \(Self.number(target)))" }
            if let replaced { line += "; replaces \(Self.number(replaced.value))" }
            print(line + ".")
        case .json:
            print(try JSONOutput.encoded(IndicatorResultJSON(result)))
        }
    }

    /// Reads the period, refusing one of another kind with the form the indicator expects,
    /// and one that has not begun by `today` in `zone`, the initiative's.
    static func period(_ text: String, for indicator: Indicator, today: LocalDate, zone: TimeZone) throws
        -> ReportingPeriod
    {
        switch ReportingPeriod.forRecording(text, of: indicator, today: today) {
        case .success(let period): return period
        case .failure(let problem):
            throw ValidationError(problem.message(field: "--period", indicator: indicator, zone: zone))
        }
    }

    /// `42` rather than `42.0`; other values as Swift prints them.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// The JSON form of an indicator result, for scripts.
struct IndicatorResultJSON: Encodable {
    let id: Int64
    let indicatorId: String
    let period: String
    let value: Double
    let note: String?
    let recordedBy: String
    let recordedAt: String

    init(_ result: IndicatorResult) {
        id = result.id
        indicatorId = result.indicatorID
        period = result.period.description
        value = result.value
        note = result.note
        recordedBy = result.recordedBy
        recordedAt = ISO8601Format.utc(result.recordedAt)
    }
}
