import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension AttendanceCommand {
    /// `rhythm attendance list`: the answers recorded, by meeting.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the answers people gave for meetings.",
            discussion: """
                By meeting date, then series, then person. --date is the date answers are \
                stored under: the one the series' rule gave the meeting, also when it moved \
                (`rhythm upcoming` shows both). Times are the initiative's.

                Examples:
                  rhythm attendance list --series leadership-table --date 2027-02-09
                  rhythm attendance list --person amara-okafor --format json
                """
        )

        @OptionGroup var options: RhythmOptions

        @Option(help: ArgumentHelp("Only this series.", valueName: "series-id"))
        var series: String?

        @Option(help: ArgumentHelp("Only the meeting the rule put on this date.", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Only this person's answers.", valueName: "person-id"))
        var person: String?

        @Option(help: ArgumentHelp("At most this many answers.", valueName: "n"))
        var limit = 500

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func validate() throws {
            _ = try date.map { try WorkArguments.date($0, for: "--date") }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1; found \(limit).") }
        }

        func run() throws {
            let loaded = try options.load()
            let initiative = loaded.initiative
            _ = try series.map(initiative.checkedSeries)
            _ = try person.map(initiative.checkedPerson)
            let filter = AttendanceFilter(
                seriesID: series, occurrenceDate: try date.map { try WorkArguments.date($0, for: "--date") },
                personID: person, limit: limit)
            let store = try options.openDatabase(for: loaded)
            let (answers, total) = try DatabaseOptions.checked { () throws(StoreError) in
                (try store.attendance(matching: filter), try store.countAttendance(matching: filter))
            }
            switch format {
            case .text:
                print(Self.text(answers, total: total, initiative: initiative))
            case .json:
                print(
                    try JSONOutput.encoded(AttendanceListJSON(answers: answers.map(AttendanceJSON.init), total: total)))
            }
        }

        static func text(_ answers: [Attendance], total: Int, initiative: Initiative) -> String {
            guard !answers.isEmpty else { return "No answers recorded." }
            let zone = initiative.timeZone
            let rows = answers.map { answer in
                let local = zone.wallClock(at: answer.answeredAt)
                let note = answer.note.map { $0.count > 40 ? "\"\($0.prefix(37))...\"" : "\"\($0)\"" }
                return [
                    answer.occurrenceDate.description, answer.seriesID, answer.personID, answer.response.rawValue,
                    answer.delegateID ?? "-", note ?? "-", answer.answeredBy,
                    "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))",
                ]
            }
            let shown = answers.count < total ? "\(answers.count) of \(total) answers" : Plural.phrase(total, "answer")
            let lines = TextTable.lines(
                header: ["DATE", "SERIES", "PERSON", "RESPONSE", "INSTEAD", "NOTE", "BY", "ANSWERED"], rows: rows)
            return (["\(shown); times in \(zone.identifier)", ""] + lines).joined(separator: "\n")
        }
    }
}

/// The JSON form of `rhythm attendance list`.
struct AttendanceListJSON: Encodable {
    let answers: [AttendanceJSON]
    /// How many answers match, also beyond --limit.
    let total: Int
}
