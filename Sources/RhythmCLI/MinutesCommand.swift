import ArgumentParser
import Foundation
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm minutes`: the minutes of a meeting, for staff who write them outside the console.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Show, record and publish the minutes of a meeting.",
        discussion: """
            A meeting's minutes are a draft until they are published: attendance (present, \
            apologies, absent), notes per agenda item, general notes, decisions and the \
            actions raised. Publishing e-mails them to everyone invited (once), adds the \
            decisions to the series' decision log (rhythm decisions) and shows them on the \
            meeting's agenda page. Changing published minutes and publishing again sends a \
            correction. Database failures exit with 74.

            Examples:
              rhythm minutes record leadership-table 2027-02-09 --present amara-okafor \\
                  --decision "Adopt the shared intake form" --action "daniel-rossi|Draft the form|2027-03-01"
              rhythm minutes publish leadership-table 2027-02-09
              rhythm minutes show leadership-table 2027-02-09 --format md
            """,
        subcommands: [Show.self, Record.self, Publish.self]
    )

    /// The minutes book of the configuration `options` names, with its database.
    static func book(_ options: RhythmOptions) throws -> MinutesBook {
        let loaded = try options.load()
        return MinutesBook(initiative: loaded.initiative, store: try options.openDatabase(for: loaded))
    }

    /// Runs `work`, turning problems with the minutes into an argument error and database
    /// failures into exit status 74, as every work command does.
    static func checked<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as MinutesError {
            throw ValidationError(error.description)
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        }
    }
}

extension MinutesCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the minutes of a meeting.",
            discussion: """
                Shows the minutes as published; --draft shows the draft instead (with changes \
                not published yet). Minutes never published are shown as a draft, prefilled \
                from the answers and the agenda items when nothing was saved. The text, md \
                and html formats use the minutes.*.mustache templates (from --templates, or \
                templates/ beside the configuration); json prints the draft and the published \
                minutes as the JSON API does.
                """
        )

        @OptionGroup var options: RhythmOptions

        @OptionGroup var meeting: MeetingArguments

        @Flag(help: "Show the draft rather than the published minutes.")
        var draft = false

        @Option(help: ArgumentHelp("text, md, html or json.", valueName: "format"))
        var format: MinutesFormat = .text

        @Option(help: ArgumentHelp("A directory of templates that override the built-in ones.", valueName: "dir"))
        var templates: String?

        func run() throws {
            let book = try MinutesCommand.book(options)
            let (sheet, items) = try MinutesCommand.checked {
                let sheet = try book.sheet(seriesID: meeting.series, date: try meeting.date())
                let items = try book.store.agendaItems(
                    seriesID: sheet.draft.seriesID, occurrenceDate: sheet.draft.occurrenceDate, limit: 10_000,
                    offset: 0)
                return (sheet, items)
            }
            guard let format = format.agendaFormat else {
                print(try JSONOutput.encoded(MinutesJSON(sheet)))
                return
            }
            let renderer = try AgendaShowCommand.renderer(
                templates: templates, configurationPath: options.configurationPath)
            let content: MinutesContent
            if let record = sheet.record, let published = record.published, !draft {
                content = MinutesContent(
                    minutes: published, occurrence: sheet.occurrence, initiative: book.initiative,
                    revision: record.revision, publishedAt: record.publishedAt, agendaItems: items)
                if record.hasUnpublishedChanges {
                    StandardError.print("note: the draft has changes not published yet; --draft shows them.")
                }
            } else {
                content = MinutesContent(
                    minutes: sheet.draft, occurrence: sheet.occurrence, initiative: book.initiative, revision: 0,
                    publishedAt: nil, agendaItems: items)
            }
            print(renderer.render(content, format: format), terminator: "")
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish the minutes of a meeting and e-mail them to everyone invited.",
            discussion: """
                Publishes the saved draft: the decisions get their numbers in the series' \
                decision log, and one e-mail per invited person goes into the outbox (sent by \
                rhythm serve or rhythm dispatch), exactly once. Publishing again after a \
                change sends "Corrected minutes"; publishing unchanged minutes is refused.
                """
        )

        @OptionGroup var options: RhythmOptions

        @OptionGroup var meeting: MeetingArguments

        func run() throws {
            let book = try MinutesCommand.book(options)
            let publication = try MinutesCommand.checked {
                try book.publish(
                    seriesID: meeting.series, date: try meeting.date(), actor: WorkArguments.actor(), now: Date())
            }
            let record = publication.record
            let minutes = record.published ?? record.draft
            print(
                "\(record.revision > 1 ? "Corrected minutes" : "Minutes") of \(minutes.seriesID) on "
                    + "\(minutes.occurrenceDate) published (revision \(record.revision)): "
                    + "\(Plural.phrase(minutes.decisions.count, "decision")) in the log, "
                    + "e-mail to \(Plural.phrase(publication.recipientIDs.count, "person")) in the outbox.")
        }
    }
}

/// The meeting a `rhythm minutes` command is about.
struct MeetingArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The series of the meeting.", valueName: "series-id"))
    var series: String

    @Argument(
        help: ArgumentHelp(
            "The date of the meeting: the original one or, if it moved, the new one.", valueName: "date"))
    var dateText: String

    func validate() throws {
        _ = try date()
    }

    /// The meeting's date as given.
    func date() throws -> LocalDate {
        try WorkArguments.date(dateText, for: "DATE")
    }
}

/// The formats `rhythm minutes show` prints.
enum MinutesFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case md
    case html
    case json

    /// The template format; nil for JSON.
    var agendaFormat: AgendaFormat? {
        switch self {
        case .text: .text
        case .md: .markdown
        case .html: .html
        case .json: nil
        }
    }
}

/// A meeting's minutes as `rhythm minutes show --format json` prints them.
struct MinutesJSON: Encodable {
    let seriesId: String
    let occurrenceDate: String
    let revision: Int
    let publishedAt: String?
    let publishedBy: String?
    let updatedAt: String?
    let updatedBy: String?
    let hasUnpublishedChanges: Bool
    let draft: Minutes
    let published: Minutes?

    init(_ sheet: MinutesBook.Sheet) {
        seriesId = sheet.draft.seriesID
        occurrenceDate = sheet.draft.occurrenceDate.description
        revision = sheet.record?.revision ?? 0
        publishedAt = sheet.record?.publishedAt.map(ISO8601Format.utc)
        publishedBy = sheet.record?.publishedBy
        updatedAt = sheet.record.map { ISO8601Format.utc($0.updatedAt) }
        updatedBy = sheet.record?.updatedBy
        hasUnpublishedChanges = sheet.record?.hasUnpublishedChanges ?? true
        draft = sheet.draft
        published = sheet.record?.published
    }
}
