import ArgumentParser
import Foundation
import RhythmConfig
import RhythmDaemon
import RhythmFeeds
import RhythmStore

/// `rhythm ics`: a feed written to a file, for backbones that host files on a web server
/// they already have.
struct IcsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write a calendar feed to a file or to standard output.",
        discussion: """
            Writes exactly the bytes `rhythm serve` would serve for the same feed, except that \
            a private feed's agendas have no links to agenda pages (those need the \
            subscriber's token). Like the server, it records each series' publication in the \
            database, so that a series whose time, place or rule changed gets a higher \
            SEQUENCE and calendars update it.

            Examples:
              rhythm ics -o /var/www/calendar/brightwater.ics
              rhythm ics --feed partner:brightwater-council -o council.ics
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("public, partner:ID, person:ID or group:ID.", valueName: "feed"))
    var feed: String = "public"

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The file to write; standard output when absent.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard FeedAudience(parsing: feed) != nil else {
            throw ValidationError("--feed expects public, partner:ID, person:ID or group:ID; found \"\(feed)\".")
        }
    }

    func run() throws {
        let loaded = try options.load()
        guard let audience = FeedAudience(parsing: feed) else { return }
        let store = try options.openDatabase(for: loaded)
        let catalog = try DatabaseOptions.checked { () throws(StoreError) in
            try FeedCatalog.publish(loaded, store: store, now: Date())
        }
        let now = Date()
        var notes: [String: OccurrenceNote] = [:]
        if audience.isPrivate {
            // The agendas of the next meetings, as the server writes them, but without links
            // to agenda pages: those need the subscriber's token, which only its URL holds.
            let renderer = try AgendaShowCommand.renderer(templates: nil, configurationPath: options.configurationPath)
            let agendas = AgendaService(store: store, renderer: renderer)
            notes = try DatabaseOptions.checked { () throws(StoreError) in
                try agendas.notes(for: audience, initiative: loaded.initiative, now: now) { _ in nil }
            }
        }
        guard let rendered = catalog.render(audience, now: now, notes: notes) else {
            let kind = String(feed.prefix { $0 != ":" })
            let id = String(feed.drop { $0 != ":" }.dropFirst())
            let known = loaded.initiative.ids(of: FeedSubject.Kind(rawValue: kind) ?? .partner)
            throw ValidationError(UpcomingQuery.unknown(kind, id, among: known))
        }
        if let output {
            do {
                try rendered.body.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                StandardError.print("error: cannot write \(output): \((error as NSError).localizedDescription)")
                throw ExitCode(73)
            }
        } else {
            FileHandle.standardOutput.write(rendered.body)
        }
    }
}
