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
            Writes exactly the bytes `rhythm serve` would serve for the same feed. A private \
            feed served through a token carries links to agenda pages under that token: give \
            the token (the last part of the feed's URL, without .ics) with --token to get \
            those links, and so the very bytes its subscribers get; a private feed named with \
            --feed has the same agendas without links. Like the server, it records each \
            series' publication in the database, so that a series whose time, place or rule \
            changed gets a higher SEQUENCE and calendars update it.

            Examples:
              rhythm ics -o /var/www/calendar/brightwater.ics
              rhythm ics --feed partner:brightwater-council -o council.ics
              rhythm ics --token 3q2-7w... -o council.ics
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("public (the default), partner:ID, person:ID or group:ID.", valueName: "feed"))
    var feed: String?

    // A token is base64url: one in 64 begins with "-", which must still be read as the value.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The private feed of this token, with its links to agenda pages, as the server serves it.",
            valueName: "token"))
    var token: String?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The file to write; standard output when absent.", valueName: "file"))
    var output: String?

    func validate() throws {
        if feed != nil, token != nil {
            throw ValidationError("Give either --feed or --token, not both.")
        }
        if let feed, FeedAudience(parsing: feed) == nil {
            throw ValidationError("--feed expects public, partner:ID, person:ID or group:ID; found \"\(feed)\".")
        }
    }

    func run() throws {
        let file = try options.load()
        let store = try options.openDatabase(for: file)
        let loaded = try LiveChangeLayer.layered(file, store: store).configuration
        let now = Date()
        let audience: FeedAudience
        if let token {
            let subject = try DatabaseOptions.checked { () throws(StoreError) in
                try store.feedSubject(forToken: token, now: now)
            }
            guard let subject, FeedAudience(subject).exists(in: loaded.initiative) else {
                StandardError.print(
                    "error: no feed has this token: it was mistyped, rotated or revoked, or its subject left the "
                        + "configuration; rhythm feed list shows the feeds")
                throw ExitCode(64)
            }
            audience = FeedAudience(subject)
        } else {
            let name = feed ?? "public"
            guard let parsed = FeedAudience(parsing: name) else { return }
            guard parsed.exists(in: loaded.initiative) else {
                let kind = String(name.prefix { $0 != ":" })
                let id = String(name.drop { $0 != ":" }.dropFirst())
                let known = loaded.initiative.ids(of: FeedSubject.Kind(rawValue: kind) ?? .partner)
                throw ValidationError(UpcomingQuery.unknown(kind, id, among: known))
            }
            audience = parsed
        }
        let catalog = try DatabaseOptions.checked { () throws(StoreError) in
            try FeedCatalog.publish(loaded, store: store, now: now)
        }
        var notes: [String: OccurrenceNote] = [:]
        if audience.isPrivate {
            // The agendas of the next meetings, as the server writes them; the links to agenda
            // pages need the subscriber's token, which only its URL holds.
            let renderer = try AgendaShowCommand.renderer(templates: nil, configurationPath: options.configurationPath)
            let agendas = AgendaService(store: store, renderer: renderer)
            notes = try DatabaseOptions.checked { () throws(StoreError) in
                try agendas.notes(for: audience, initiative: loaded.initiative, now: now) { occurrence in
                    token.flatMap { catalog.agendaLink(token: $0, for: occurrence) }
                }
            }
        }
        guard let rendered = catalog.render(audience, now: now, notes: notes) else { return }
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
