import Foundation
import RhythmCore

/// A meeting's minutes as stored: the draft being written and, once published, the copy
/// the attendees received.
public struct MinutesRecord: Hashable, Sendable {
    /// The draft: what the minute-taker saved last. After publishing, a changed draft is a
    /// correction waiting to be published.
    public var draft: Minutes
    public var updatedAt: Date
    /// Who saved it last, as the caller named itself (`console:<person>`, `cli:<login>`, ...).
    public var updatedBy: String
    /// How many times the minutes were published: 0 for a draft never published, 1 once
    /// published, 2 and more after corrections.
    public var revision: Int
    /// The minutes as last published; nil before the first publication.
    public var published: Minutes?
    public var publishedAt: Date?
    public var publishedBy: String?

    public init(
        draft: Minutes, updatedAt: Date, updatedBy: String, revision: Int, published: Minutes?, publishedAt: Date?,
        publishedBy: String?
    ) {
        self.draft = draft
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.revision = revision
        self.published = published
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }

    /// Whether the draft says something the published minutes do not (always, before the
    /// first publication).
    public var hasUnpublishedChanges: Bool { published != draft }
}

/// A decision in a series' decision log, as published in the minutes of its meeting.
public struct LoggedDecision: Hashable, Sendable {
    public var seriesID: String
    /// Its number in the series' log: 1, 2, 3, ... in the order they were published.
    public var number: Int
    /// The original date of the meeting that took it.
    public var occurrenceDate: LocalDate
    public var text: String
    public var agendaItemID: Int64?
    /// When the minutes that hold it (in its current words) were published.
    public var publishedAt: Date

    public init(
        seriesID: String, number: Int, occurrenceDate: LocalDate, text: String, agendaItemID: Int64?,
        publishedAt: Date
    ) {
        self.seriesID = seriesID
        self.number = number
        self.occurrenceDate = occurrenceDate
        self.text = text
        self.agendaItemID = agendaItemID
        self.publishedAt = publishedAt
    }
}

/// Where publishing sends the minutes: one e-mail per person on an e-mail channel.
public struct MinutesMailing: Hashable, Sendable {
    /// The e-mail channel; nil when the initiative has none, and then nothing is sent.
    public var channelID: String?
    /// The people who receive them, each with an address.
    public var personIDs: [String]
    /// The series' title, for the subject line.
    public var seriesTitle: String
    /// How long after publishing an e-mail still goes out if it could not be sent before.
    public var usefulFor: TimeInterval

    public init(channelID: String?, personIDs: [String], seriesTitle: String, usefulFor: TimeInterval = 14 * 86_400) {
        self.channelID = channelID
        self.personIDs = personIDs
        self.seriesTitle = seriesTitle
        self.usefulFor = usefulFor
    }
}

/// What an e-mail of published minutes stands for, kept in its outbox entry's payload so the
/// dispatcher composes the revision it was planned for.
public struct MinutesMailPayload: Codable, Hashable, Sendable {
    public var seriesID: String
    public var occurrenceDate: LocalDate
    public var revision: Int
    public var personID: String

    public init(seriesID: String, occurrenceDate: LocalDate, revision: Int, personID: String) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.revision = revision
        self.personID = personID
    }

    /// Reads a payload written by `json`; nil for anything else.
    public init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = value
    }

    /// The payload as stored.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    private enum CodingKeys: String, CodingKey {
        case seriesID = "series", occurrenceDate = "date", revision, personID = "person"
    }
}
