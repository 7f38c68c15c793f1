import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

extension MinutesCommand {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Add to the draft minutes of a meeting.",
            discussion: """
                Starts from the saved draft (or one prefilled from the answers and the agenda \
                items), marks attendance, sets notes, adds decisions and raises actions, and \
                saves it. Raised actions are created at once, owned by a person, as actions of \
                the series raised on the meeting's date, so they appear on the next agenda. \
                Every problem is reported at once; nothing is saved then. Publish with \
                rhythm minutes publish.

                Examples:
                  rhythm minutes record leadership-table 2027-02-09 --present amara-okafor --absent lee-chen
                  rhythm minutes record leadership-table 2027-02-09 --item-note "12=Agreed to pilot in March" \\
                      --decision "Adopt the shared intake form" --action "daniel-rossi|Draft the form|2027-03-01"
                """
        )

        @OptionGroup var options: RhythmOptions

        @OptionGroup var meeting: MeetingArguments

        @Option(help: ArgumentHelp("A person who was there (repeatable).", valueName: "person-id"))
        var present: [String] = []

        @Option(help: ArgumentHelp("A person who sent apologies (repeatable).", valueName: "person-id"))
        var apologies: [String] = []

        @Option(help: ArgumentHelp("A person who was missing (repeatable).", valueName: "person-id"))
        var absent: [String] = []

        @Option(help: ArgumentHelp("Notes that belong to no single item; replaces earlier ones.", valueName: "text"))
        var notes: String?

        @Option(
            name: .customLong("item-note"),
            help: ArgumentHelp("Notes on one agenda item, ITEM-ID=TEXT (repeatable).", valueName: "id=text"))
        var itemNotes: [String] = []

        @Option(help: ArgumentHelp("A decision taken (repeatable).", valueName: "text"))
        var decision: [String] = []

        @Option(
            help: ArgumentHelp(
                "An action raised, OWNER|TITLE or OWNER|TITLE|DUE with DUE as YYYY-MM-DD (repeatable).",
                valueName: "owner|title|due"))
        var action: [String] = []

        func validate() throws {
            _ = try parsedItemNotes()
            _ = try parsedActions()
        }

        func run() throws {
            let book = try MinutesCommand.book(options)
            let record = try MinutesCommand.checked {
                var minutes = try book.sheet(seriesID: meeting.series, date: try meeting.date()).draft
                for (mark, people) in [(Minutes.Mark.present, present), (.apologies, apologies), (.absent, absent)] {
                    for personID in people { minutes.mark(personID, mark) }
                }
                if let notes { minutes.generalNotes = notes }
                for (itemID, text) in try parsedItemNotes() {
                    if let index = minutes.itemNotes.firstIndex(where: { $0.agendaItemID == itemID }) {
                        minutes.itemNotes[index].notes = text
                    } else {
                        minutes.itemNotes.append(Minutes.ItemNote(agendaItemID: itemID, title: "", notes: text))
                    }
                }
                minutes.decisions += decision.map { Minutes.Decision(text: $0) }
                minutes.actions += try parsedActions()
                return try book.save(minutes, actor: WorkArguments.actor(), now: Date())
            }
            let draft = record.draft
            print(
                "Draft minutes of \(draft.seriesID) on \(draft.occurrenceDate) saved: "
                    + "\(Plural.phrase(draft.attendance.filter { $0.mark != nil }.count, "attendance mark")), "
                    + "\(Plural.phrase(draft.decisions.count, "decision")), "
                    + "\(Plural.phrase(draft.actions.count, "action")) raised"
                    + (draft.actions.isEmpty
                        ? ""
                        : " ("
                            + draft.actions.compactMap(\.actionID).map { "#\($0)" }
                            .joined(separator: ", ") + ")")
                    + ".")
        }

        private func parsedItemNotes() throws -> [(Int64, String)] {
            try itemNotes.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let id = Int64(parts[0]) else {
                    throw ValidationError("--item-note expects ITEM-ID=TEXT, such as 12=Agreed; found \"\(text)\".")
                }
                return (id, parts[1])
            }
        }

        private func parsedActions() throws -> [Minutes.RaisedAction] {
            try action.map { text in
                let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard (2...3).contains(parts.count) else {
                    throw ValidationError(
                        "--action expects OWNER|TITLE or OWNER|TITLE|DUE, such as "
                            + "\"daniel-rossi|Draft the form|2027-03-01\"; found \"\(text)\".")
                }
                let due = parts.count == 3 ? try WorkArguments.date(parts[2], for: "the due date of --action") : nil
                return Minutes.RaisedAction(title: parts[1], ownerID: parts[0], due: due)
            }
        }
    }
}

extension Minutes {
    /// Gives `personID` the attendance `mark`, adding a line when they have none.
    fileprivate mutating func mark(_ personID: String, _ mark: Mark) {
        if let index = attendance.firstIndex(where: { $0.personID == personID }) {
            attendance[index].mark = mark
        } else {
            attendance.append(AttendanceMark(personID: personID, mark: mark))
        }
    }
}
