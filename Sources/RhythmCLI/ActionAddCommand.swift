import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm action add`: records a new commitment.
struct ActionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a new action.",
        discussion: """
            The partner defaults to the owner's partner. --raised-on, the date of the meeting \
            where the action was agreed, needs --series.

            Example:
              rhythm action add "Share term 1 attendance" --owner sam-ibrahim --group attendance-wg \\
                --series attendance-wg --raised-on 2027-02-17 --due 2027-03-03
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: "What is to be done.")
    var title: String

    @Option(help: ArgumentHelp("The person who owns it.", valueName: "person-id"))
    var owner: String

    @Option(help: ArgumentHelp("The partner it is for; defaults to the owner's.", valueName: "partner-id"))
    var partner: String?

    @Option(help: ArgumentHelp("The working group it belongs to.", valueName: "group-id"))
    var group: String?

    @Option(help: ArgumentHelp("The series of the meeting where it was raised.", valueName: "series-id"))
    var series: String?

    @Option(help: ArgumentHelp("The date of that meeting.", valueName: "date"))
    var raisedOn: String?

    @Option(help: ArgumentHelp("When it is due.", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("More about it.", valueName: "text"))
    var details: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("The title must not be empty.")
        }
        if raisedOn != nil, series == nil {
            throw ValidationError("--raised-on needs --series: the meeting's series.")
        }
        _ = try raisedOn.map { try WorkArguments.date($0, for: "--raised-on") }
        _ = try due.map { try WorkArguments.date($0, for: "--due") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let person = try initiative.checkedPerson(owner)
        try partner.map(initiative.checkPartner)
        try group.map(initiative.checkGroup)
        _ = try series.map(initiative.checkedSeries)
        let new = NewAction(
            title: title, details: details, ownerID: owner, partnerID: partner ?? person.partnerID, groupID: group,
            seriesID: series, raisedOn: try raisedOn.map { try WorkArguments.date($0, for: "--raised-on") },
            due: try due.map { try WorkArguments.date($0, for: "--due") })
        let store = try options.openDatabase(for: loaded)
        let action = try DatabaseOptions.checked { () throws(StoreError) in
            try store.createAction(new, actor: WorkArguments.actor(), now: Date())
        }
        try ActionText.print(action, format: format, initiative: initiative)
    }
}
