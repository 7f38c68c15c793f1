import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm attendance`: who comes to which meeting, as people answered by link, through the
/// API or as the backbone recorded it.
struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "List and record who comes to a meeting.",
        discussion: """
            Each answer is one person's for one meeting: attending, tentative, or apologies \
            (with a note, and a colleague from the same partner who comes instead). Answers \
            are stored under the date the series' rule gave the meeting, so they stay with \
            it when it moves. Recording again replaces the answer; `rhythm audit --entity \
            attendance` keeps the old one. Database failures exit with 74.

            Examples:
              rhythm attendance set leadership-table 2027-02-09 amara-okafor --response apologies \\
                  --note "At the budget hearing" --delegate daniel-rossi
              rhythm attendance list --series leadership-table --date 2027-02-09
            """,
        subcommands: [List.self, Record.self]
    )

    /// Reads a response for the argument `name`, with a did-you-mean error.
    static func response(_ text: String, for name: String) throws -> Attendance.Response {
        guard let response = Attendance.Response(rawValue: text.lowercased()) else {
            let known = Attendance.Response.allCases.map(\.rawValue)
            throw ValidationError(
                "\(name): there is no response \"\(text)\"; \(Suggestion.hint(for: text, in: known, noun: "one of"))."
            )
        }
        return response
    }
}

/// The JSON form of an answer, for scripts: the same keys as the API's.
struct AttendanceJSON: Encodable {
    let id: Int64
    let seriesId: String
    let occurrenceDate: String
    let personId: String
    let response: String
    let note: String?
    let delegateId: String?
    let answeredBy: String
    let answeredAt: String

    init(_ attendance: Attendance) {
        id = attendance.id
        seriesId = attendance.seriesID
        occurrenceDate = attendance.occurrenceDate.description
        personId = attendance.personID
        response = attendance.response.rawValue
        note = attendance.note
        delegateId = attendance.delegateID
        answeredBy = attendance.answeredBy
        answeredAt = ISO8601Format.utc(attendance.answeredAt)
    }
}
