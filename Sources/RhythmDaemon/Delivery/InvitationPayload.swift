import Foundation
import RhythmCore
import RhythmStore

/// What an invitation entry in the outbox stands for, kept in the entry's payload as JSON so
/// that a cancellation can still be composed after its series left the configuration.
struct InvitationPayload: Codable, Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case request
        case cancelOccurrence(LocalDateTime)
        case cancelSeries
    }

    var kind: Kind
    var seriesID: String
    var title: String
    var personID: String
    var feedSequence: Int
    var calendarSequence: Int

    init(_ invitation: PlannedInvitation) {
        switch invitation.kind {
        case .request: kind = .request
        case .cancelOccurrence(let originalStart): kind = .cancelOccurrence(originalStart)
        case .cancelSeries: kind = .cancelSeries
        }
        seriesID = invitation.seriesID
        title = invitation.title
        personID = invitation.personID
        feedSequence = invitation.feedSequence
        calendarSequence = invitation.calendarSequence
    }

    /// The e-mail's subject line.
    var subject: String {
        switch kind {
        case .request: "\(calendarSequence > 0 ? "Updated invitation" : "Invitation"): \(title)"
        case .cancelOccurrence(let originalStart): "Cancelled: \(title), \(TimeText.date(originalStart.date))"
        case .cancelSeries: "Cancelled: \(title)"
        }
    }

    /// What the outbox calls such a message.
    var entryKind: OutboxEntry.Kind {
        kind == .request ? .invitation : .cancellation
    }

    /// Reads a payload written by `json`; nil for anything else.
    init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = value
    }

    /// The payload as stored.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    private enum CodingKeys: String, CodingKey {
        case method, series, title, person, feedSequence = "feed_sequence", sequence, recurrenceID = "recurrence_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seriesID = try container.decode(String.self, forKey: .series)
        title = try container.decode(String.self, forKey: .title)
        personID = try container.decode(String.self, forKey: .person)
        feedSequence = try container.decode(Int.self, forKey: .feedSequence)
        calendarSequence = try container.decode(Int.self, forKey: .sequence)
        switch try container.decode(String.self, forKey: .method) {
        case "request": kind = .request
        case "cancel-series": kind = .cancelSeries
        case "cancel-occurrence":
            let text = try container.decode(String.self, forKey: .recurrenceID)
            guard let start = LocalDateTime(iso: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .recurrenceID, in: container, debugDescription: "not a local date-time")
            }
            kind = .cancelOccurrence(start)
        default:
            throw DecodingError.dataCorruptedError(forKey: .method, in: container, debugDescription: "unknown method")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seriesID, forKey: .series)
        try container.encode(title, forKey: .title)
        try container.encode(personID, forKey: .person)
        try container.encode(feedSequence, forKey: .feedSequence)
        try container.encode(calendarSequence, forKey: .sequence)
        switch kind {
        case .request: try container.encode("request", forKey: .method)
        case .cancelSeries: try container.encode("cancel-series", forKey: .method)
        case .cancelOccurrence(let start):
            try container.encode("cancel-occurrence", forKey: .method)
            try container.encode(start.description, forKey: .recurrenceID)
        }
    }
}
