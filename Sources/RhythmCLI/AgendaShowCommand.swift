import ArgumentParser
import Foundation
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmStore

/// `rhythm agenda show`: the agenda of one meeting, built from the live data and rendered
/// through the templates, so a coordinator sees exactly what attendees will receive.
struct AgendaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the agenda of a meeting, built from the live data.",
        discussion: """
            Builds the agenda of one occurrence of SERIES: header, standing items, the items \
            submitted for it with their times, the actions to review (overdue first, then by \
            owner) and, for indicator reviews, the scorecard, followed by the meeting's \
            minutes once they are published. Without --date, shows the next meeting that is \
            not cancelled.

            Templates are read from --templates, else from templates/ beside the \
            configuration file when it exists; any template missing there is Rhythm's \
            built-in one. A broken template is reported with its file, line and tag, and \
            the command exits with 78.

            Examples:
              rhythm agenda show leadership-table --next
              rhythm agenda show indicator-review --date 2027-05-27 --format html > review.html
              rhythm agenda show attendance-wg --format md --templates ./my-templates
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The series, by id.", valueName: "series"))
    var seriesID: String

    @Option(
        help: ArgumentHelp(
            "The meeting's date (YYYY-MM-DD): the original one or, if it moved, the new one.", valueName: "date"))
    var date: String?

    @Flag(help: "The next meeting of the series (the default).")
    var next = false

    @Option(help: ArgumentHelp("md, html or text.", valueName: "format"))
    var format: AgendaFormat = .text

    @Option(help: ArgumentHelp("A directory of templates that override the built-in ones.", valueName: "dir"))
    var templates: String?

    func validate() throws {
        if date != nil, next {
            throw ValidationError("Give either --date or --next, not both.")
        }
        if let date, LocalDate(iso: date) == nil {
            throw ValidationError("--date expects a date such as 2027-04-13; found \"\(date)\".")
        }
    }

    func run() throws {
        let file = try options.load()
        let store = try options.openDatabase(for: file)
        let initiative = try LiveChangeLayer.layered(file, store: store).configuration.initiative
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else {
            throw ValidationError(UpcomingQuery.unknown("series", seriesID, among: initiative.series.map(\.id)))
        }
        let renderer = try Self.renderer(templates: templates, configurationPath: options.configurationPath)
        let now = Date()
        let occurrence = try AgendaOccurrence(initiative: initiative, series: series)
            .find(date: date.flatMap { LocalDate(iso: $0) }, now: now)
        let date = occurrence.originalStart.date
        let (actions, items, results, attendance, minutes) = try DatabaseOptions.checked { () throws(StoreError) in
            (
                try store.openActions(),
                try store.agendaItems(seriesID: series.id, occurrenceDate: date, limit: 10_000, offset: 0),
                try store.allIndicatorResults(),
                // The answers, so the header lists apologies and confirmations as the served and
                // e-mailed agendas do.
                try store.attendance(seriesID: series.id, occurrenceDate: date),
                try AgendaService(store: store, renderer: renderer).publishedMinutes(
                    of: occurrence, initiative: initiative)
            )
        }
        let agenda = AgendaBuilder().agenda(
            for: occurrence, initiative: initiative, actions: actions, items: items, results: results,
            attendance: attendance, today: initiative.timeZone.wallClock(at: now).date)
        let page = renderer.render(agenda, format: format)
        guard let minutes else {
            print(page, terminator: "")
            return
        }
        // Published minutes follow the agenda of their meeting, as on the served agenda page.
        let rendered = renderer.render(minutes, format: format)
        print(
            format == .html ? AgendaService.page(agendaHTML: page, minutesHTML: rendered) : page + "\n" + rendered,
            terminator: "")
    }

    /// The renderer for `--templates`, or `templates/` beside the configuration; a broken
    /// template is printed and ends the command with 78 (EX_CONFIG).
    static func renderer(templates: String?, configurationPath: String) throws -> AgendaRenderer {
        let directory =
            templates.map { URL(fileURLWithPath: $0) }
            ?? AgendaRenderer.defaultDirectory(forConfigurationAt: configurationPath)
        do {
            return try AgendaRenderer(directory: directory)
        } catch {
            StandardError.print(error.description)
            throw ExitCode(78)
        }
    }
}

extension AgendaFormat: ExpressibleByArgument {}
