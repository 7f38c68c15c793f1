import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm agenda update`: changes some fields of an agenda item.
struct AgendaUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an agenda item's title, presenter, minutes or notes.",
        discussion: """
            Only the options given change, checked as `rhythm agenda add` checks them. `none` \
            clears --presenter and --minutes; an empty --notes clears the notes. To reorder \
            an item or move it to another meeting, use `rhythm agenda move`.

            Examples:
              rhythm agenda update 12 --minutes 20 --presenter sam-ibrahim
              rhythm agenda update 12 --presenter none --notes ""
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The item's number.", valueName: "id"))
    var id: AgendaItemID

    @Option(help: "A new title.")
    var title: String?

    @Option(help: ArgumentHelp("Who presents it, or none.", valueName: "person-id"))
    var presenter: String?

    @Option(help: ArgumentHelp("How many minutes it needs, or none.", valueName: "n"))
    var minutes: String?

    @Option(help: ArgumentHelp("New notes; an empty string clears them.", valueName: "text"))
    var notes: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        if [title, presenter, minutes, notes].allSatisfy({ $0 == nil }) {
            throw ValidationError("Name something to change, such as --minutes 20 or --presenter sam-ibrahim.")
        }
        // The checks every way of changing an item applies (the API and the console too).
        if let problem = title.flatMap(AgendaItemRules.titleProblem) {
            throw ValidationError("--title: \(problem.message)")
        }
        if let problem = notes.flatMap(AgendaItemRules.notesProblem) {
            throw ValidationError("--notes: \(problem.message)")
        }
        _ = try Self.minutes(minutes)
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        var changes = AgendaItemChanges()
        changes.title = title
        changes.minutes = try Self.minutes(minutes)
        changes.notes = notes.map { $0.isEmpty ? nil : $0 }
        if let presenter {
            changes.presenterID = .some(
                presenter.lowercased() == "none" ? nil : try initiative.checkedPerson(presenter).id)
        }
        let store = try options.openDatabase(for: loaded)
        let updated = try DatabaseOptions.checked { () throws(StoreError) in
            try store.updateAgendaItem(id: id.value, changes, actor: WorkArguments.actor(), now: Date())
        }
        guard let updated else { throw ValidationError(AgendaItemID.missing(id.value)) }
        try AgendaItemText.print(updated, initiative: initiative, format: format)
    }

    /// nil when not given, `.some(nil)` for `none`, else a number of minutes `AgendaItemRules` allows.
    private static func minutes(_ text: String?) throws -> Int?? {
        guard let text else { return nil }
        if text.lowercased() == "none" { return .some(nil) }
        guard let minutes = Int(text) else {
            throw ValidationError("--minutes expects a number of minutes such as 15, or none; found \"\(text)\".")
        }
        if let problem = AgendaItemRules.minutesProblem(minutes) {
            throw ValidationError("--minutes: \(problem.message)")
        }
        return .some(minutes)
    }
}
