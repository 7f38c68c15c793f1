import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

/// An agenda item's number on the command line: `12` or `#12`.
struct AgendaItemID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }

    /// The item, withdrawn or not, or an error that says there is none.
    func existing(in store: AppDatabase) throws -> AgendaItem {
        guard let item = try DatabaseOptions.checked({ () throws(StoreError) in try store.agendaItem(id: value) })
        else {
            throw ValidationError(Self.missing(value))
        }
        return item
    }

    /// What the agenda commands say about an id no item has.
    static func missing(_ id: Int64) -> String {
        "There is no agenda item #\(id); `rhythm agenda list SERIES --all` shows a meeting's items with their ids."
    }
}

/// How the agenda commands print one item: its number and title, its meeting, and its fields.
enum AgendaItemText {
    static func print(_ item: AgendaItem, initiative: Initiative, format: OutputFormat) throws {
        switch format {
        case .text: Swift.print(lines(item, initiative: initiative).joined(separator: "\n"))
        case .json: Swift.print(try JSONOutput.encoded(AgendaItemJSON(item)))
        }
    }

    /// `#12 Title`, then the meeting, the place on its agenda and the fields that are set.
    static func lines(_ item: AgendaItem, initiative: Initiative) -> [String] {
        var lines = ["#\(item.id) \(item.title)", "  for \(meeting(of: item, in: initiative))"]
        if let withdrawal = item.withdrawal {
            lines.append("  withdrawn: \(ISO8601Format.utc(withdrawal.at)) by \(withdrawal.by)")
        } else {
            lines.append("  position: \(item.position)")
        }
        if let presenter = item.presenterID {
            lines.append("  presenter: \(initiative.personName(presenter)) (\(presenter))")
        }
        if let minutes = item.minutes { lines.append("  minutes: \(minutes)") }
        if let notes = item.notes { lines.append("  notes: \(notes)") }
        lines.append("  submitted by: \(item.submittedBy)")
        return lines
    }

    /// `Leadership Table, Thu 2027-03-11 10:00–12:00 +11:00 [moved from ...]`, or the stored
    /// series and date when the configuration no longer has that meeting.
    static func meeting(of item: AgendaItem, in initiative: Initiative) -> String {
        guard let series = initiative.series.first(where: { $0.id == item.seriesID }),
            let occurrence = Schedule(initiative: initiative).occurrence(
                of: series, originalDate: item.occurrenceDate, includingSkipped: true)
        else {
            return "\(item.seriesID) \(item.occurrenceDate) (no longer in the configuration)"
        }
        return "\(series.title), \(OccurrenceText.when(occurrence))\(OccurrenceText.statusSuffix(occurrence))"
    }
}

/// The JSON form of an agenda item, for scripts.
struct AgendaItemJSON: Encodable {
    let id: Int64
    let seriesId: String
    let occurrenceDate: String
    let position: Int
    let title: String
    let presenterId: String?
    let minutes: Int?
    let notes: String?
    let submittedBy: String
    let createdAt: String
    let updatedAt: String
    let withdrawnAt: String?
    let withdrawnBy: String?

    init(_ item: AgendaItem) {
        id = item.id
        seriesId = item.seriesID
        occurrenceDate = item.occurrenceDate.description
        position = item.position
        title = item.title
        presenterId = item.presenterID
        minutes = item.minutes
        notes = item.notes
        submittedBy = item.submittedBy
        createdAt = ISO8601Format.utc(item.createdAt)
        updatedAt = ISO8601Format.utc(item.updatedAt)
        withdrawnAt = item.withdrawal.map { ISO8601Format.utc($0.at) }
        withdrawnBy = item.withdrawal?.by
    }

    /// Optional fields are written as `null`, so every item has the same keys.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(seriesId, forKey: .seriesId)
        try container.encode(occurrenceDate, forKey: .occurrenceDate)
        try container.encode(position, forKey: .position)
        try container.encode(title, forKey: .title)
        try container.encode(presenterId, forKey: .presenterId)
        try container.encode(minutes, forKey: .minutes)
        try container.encode(notes, forKey: .notes)
        try container.encode(submittedBy, forKey: .submittedBy)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(withdrawnAt, forKey: .withdrawnAt)
        try container.encode(withdrawnBy, forKey: .withdrawnBy)
    }

    private enum CodingKeys: String, CodingKey {
        case id, seriesId, occurrenceDate, position, title, presenterId, minutes, notes, submittedBy, createdAt
        case updatedAt, withdrawnAt, withdrawnBy
    }
}
