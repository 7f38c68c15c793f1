import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension AttendanceCommand {
    /// `rhythm attendance set`: records one person's answer for one meeting.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record a person's answer for a meeting.",
            discussion: """
                DATE names a meeting that is held: the date the series' rule gave it or, if it \
                moved, the date it moved to (the answer is stored under the first). A \
                cancelled or skipped meeting is refused, naming the nearest meetings. The \
                person must be invited to the series (an attendee or its organiser); \
                --delegate names a colleague from the same partner who comes instead, and \
                only goes with apologies. Every problem is reported at once.

                Examples:
                  rhythm attendance set leadership-table 2027-02-09 amara-okafor --response attending
                  rhythm attendance set leadership-table 2027-02-09 amara-okafor --response apologies \\
                      --note "At the budget hearing" --delegate daniel-rossi
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The series of the meeting.", valueName: "series-id"))
        var series: String

        @Argument(
            help: ArgumentHelp(
                "The date of the meeting: the original one or, if it moved, the new one.", valueName: "date"))
        var date: String

        @Argument(help: ArgumentHelp("Whose answer it is.", valueName: "person-id"))
        var person: String

        @Option(help: ArgumentHelp("attending, tentative or apologies.", valueName: "response"))
        var response: String

        @Option(help: ArgumentHelp("What the person adds, such as why they cannot come.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("A colleague from the same partner who comes instead.", valueName: "person-id"))
        var delegate: String?

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func validate() throws {
            _ = try WorkArguments.date(date, for: "DATE")
            let response = try AttendanceCommand.response(response, for: "--response")
            if delegate != nil, response != .apologies {
                throw ValidationError("--delegate goes only with --response apologies; found --response \(response).")
            }
        }

        func run() throws {
            let loaded = try options.load()
            let initiative = loaded.initiative
            let request = AttendanceRequest(
                seriesID: series, date: try WorkArguments.date(date, for: "DATE"), personID: person,
                response: try AttendanceCommand.response(response, for: "--response"), note: note,
                delegateID: delegate)
            let checked: CheckedAttendance
            do {
                checked = try request.checked(in: Schedule(initiative: initiative))
            } catch {
                throw ValidationError(error.description)
            }
            let store = try options.openDatabase(for: loaded)
            let answer = try DatabaseOptions.checked { () throws(StoreError) in
                try store.setAttendance(
                    seriesID: checked.series.id, occurrenceDate: checked.occurrenceDate, personID: checked.person.id,
                    response: checked.response, note: checked.note, delegateID: checked.delegate?.id,
                    actor: WorkArguments.actor(), now: Date())
            }
            switch format {
            case .text:
                print(Self.text(answer, checked: checked))
            case .json:
                print(try JSONOutput.encoded(AttendanceJSON(answer)))
            }
        }

        /// `Amara Okafor (amara-okafor): apologies for Leadership Table, Tue 2027-02-09 ...`.
        static func text(_ answer: Attendance, checked: CheckedAttendance) -> String {
            let occurrence = checked.occurrence
            var lines = [
                "\(checked.person.name) (\(checked.person.id)): \(answer.response.rawValue) for \(checked.series.title), "
                    + "\(OccurrenceText.when(occurrence))\(OccurrenceText.statusSuffix(occurrence))"
            ]
            if let delegate = checked.delegate {
                lines.append("  coming instead: \(delegate.name) (\(delegate.id))")
            }
            if let note = answer.note { lines.append("  note: \(note)") }
            lines.append("  recorded by \(answer.answeredBy)")
            return lines.joined(separator: "\n")
        }
    }
}
