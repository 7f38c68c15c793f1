import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmStore

/// `rhythm changes`: the live changes to single meetings (made in the console or through the
/// API), layered over the configuration file, and their way back into it.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the live changes to single meetings, or export them as configuration.",
        discussion: """
            A live change cancels or moves one meeting, or adds an extra one, without \
            editing the file. The file stays the source of the rhythm: once its \
            exceptions: (or extra_dates:) make the same change, the live change is \
            superseded. `rhythm changes export` prints the entries to paste. Database \
            failures exit with 74.

            Examples:
              rhythm changes list --all
              rhythm changes export
            """,
        subcommands: [List.self, Export.self]
    )

    /// `rhythm changes list`: the changes in force, or all of them.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the live changes in force (with --all, the restored ones too).",
            discussion: """
                Oldest first: series, the meeting's original date (an extra meeting's own \
                date), what changed, who changed it and when (in the initiative's zone), and \
                its state: in force, superseded by the file, applying to nothing (its series \
                or meeting left the file), or restored.
                """
        )

        @OptionGroup var options: RhythmOptions

        @Flag(help: "Also the restored (ended) changes.")
        var all = false

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func run() throws {
            let loaded = try options.load()
            let store = try options.openDatabase(for: loaded)
            let changes = try DatabaseOptions.checked { () throws(StoreError) in
                try store.liveChanges(includingEnded: all)
            }
            let layering = LiveLayering(file: loaded.initiative, changes: changes)
            let listed = changes.map { ListedChange(change: $0, layering: layering) }
            switch format {
            case .text: print(Self.text(listed, includesEnded: all, zone: loaded.initiative.timeZone))
            case .json: print(try JSONOutput.encoded(ChangeListJSON(changes: listed.map(ChangeJSON.init))))
            }
        }

        static func text(_ changes: [ListedChange], includesEnded: Bool, zone: TimeZone) -> String {
            guard !changes.isEmpty else {
                return includesEnded ? "No live changes." : "No live changes in force."
            }
            let rows = changes.map { listed in
                [
                    String(listed.change.id), listed.change.seriesID, listed.change.kind.date.description,
                    LiveChangeText.summary(listed.change, zone: zone), listed.stateText(zone: zone),
                ]
            }
            return TextTable.lines(header: ["ID", "SERIES", "DATE", "CHANGE", "STATE"], rows: rows)
                .joined(separator: "\n")
        }
    }

    /// `rhythm changes export`: the live changes in force as `exceptions:` entries.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the live changes in force as exceptions: entries to paste into the file.",
            discussion: """
                One block per series, ready to add to the series' entry in the configuration \
                (append the items to an exceptions: or extra_dates: list it already has). After \
                the file is changed and reloaded, rhythm changes list shows them superseded; \
                restore them then to tidy up.
                """
        )

        @OptionGroup var options: RhythmOptions

        func run() throws {
            let loaded = try options.load()
            let store = try options.openDatabase(for: loaded)
            let layered = try LiveChangeLayer.layered(loaded, store: store)
            print(LiveChangeExport(changes: layered.layering.applied).text)
        }
    }
}

/// A live change with where it stands.
struct ListedChange {
    let change: LiveChange
    let standing: LiveLayering.Standing

    init(change: LiveChange, layering: LiveLayering) {
        self.change = change
        standing = layering.standing(of: change)
    }

    /// `in force`, `superseded by the file`, `applies to nothing`, or `restored by X 2026-12-08 09:00`.
    func stateText(zone: TimeZone) -> String {
        switch standing {
        case .inForce: return "in force"
        case .superseded: return "superseded by the file"
        case .orphaned: return "applies to nothing"
        case .restored:
            let when = change.endedAt.map { " " + LiveChangeText.stamp(zone.wallClock(at: $0)) } ?? ""
            return "restored by \(change.endedBy ?? "-")\(when)"
        }
    }
}

/// The JSON form of `rhythm changes list`.
struct ChangeListJSON: Encodable {
    let changes: [ChangeJSON]
}

/// One live change for scripts; times are UTC instants, `start` is local to the series.
struct ChangeJSON: Encodable {
    let id: Int64
    let seriesId: String
    let kind: String
    let occurrenceDate: String
    let start: String?
    let location: String?
    let onlineUrl: String?
    let reason: String?
    let state: String
    let createdBy: String
    let createdAt: String
    let endedBy: String?
    let endedAt: String?

    init(_ listed: ListedChange) {
        let change = listed.change
        id = change.id
        seriesId = change.seriesID
        kind = change.kind.name
        occurrenceDate = change.kind.date.description
        switch change.kind {
        case .cancel:
            start = nil
            location = nil
            onlineUrl = nil
        case .move(_, let move):
            start = move.start?.description
            location = move.location
            onlineUrl = move.onlineMeetingURL?.absoluteString
        case .extra(let extraStart, let extraLocation, _):
            start = extraStart.description
            location = extraLocation
            onlineUrl = nil
        }
        reason = change.kind.reason
        state = listed.standing.rawValue
        createdBy = change.actor
        createdAt = ISO8601Format.utc(change.createdAt)
        endedBy = change.endedBy
        endedAt = change.endedAt.map(ISO8601Format.utc)
    }
}
