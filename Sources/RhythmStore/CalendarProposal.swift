import Foundation
import RhythmCore

/// Another time an attendee proposed for a meeting with their calendar's "Propose new time"
/// (an iMIP `METHOD:COUNTER`), kept for the organiser to decide on. Rhythm never applies one:
/// the schedule is the configuration's, and only a person changes it.
public struct CalendarProposal: Hashable, Sendable, Identifiable {
    /// Assigned by the store; positive.
    public var id: Int64
    public var seriesID: String
    /// The date the rule gave the occurrence the proposal is about; nil for the whole series.
    public var occurrenceDate: LocalDate?
    public var personID: String
    /// The proposed start, when the calendar gave one.
    public var proposedStart: Date?
    /// The proposed end, when the calendar gave one.
    public var proposedEnd: Date?
    /// The attendee's COMMENT.
    public var comment: String?
    /// The proposal's DTSTAMP: when the attendee's calendar wrote it.
    public var stamp: Date
    /// The e-mail's Message-ID, to find the message in the processed folder.
    public var messageID: String?
    public var receivedAt: Date
    /// When the organiser dismissed it; nil while it waits.
    public var dismissedAt: Date?

    public init(
        id: Int64, seriesID: String, occurrenceDate: LocalDate?, personID: String, proposedStart: Date?,
        proposedEnd: Date?, comment: String?, stamp: Date, messageID: String?, receivedAt: Date, dismissedAt: Date?
    ) {
        self.id = id
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.personID = personID
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.comment = comment
        self.stamp = stamp
        self.messageID = messageID
        self.receivedAt = receivedAt
        self.dismissedAt = dismissedAt
    }
}

/// A proposal read from a `METHOD:COUNTER`, before the store gives it an id.
public struct NewCalendarProposal: Hashable, Sendable {
    public var seriesID: String
    /// The date the rule gave the occurrence; nil when the proposal is for the whole series.
    public var occurrenceDate: LocalDate?
    public var personID: String
    public var proposedStart: Date?
    public var proposedEnd: Date?
    public var comment: String?
    public var stamp: Date
    public var messageID: String?

    public init(
        seriesID: String, occurrenceDate: LocalDate?, personID: String, proposedStart: Date?, proposedEnd: Date?,
        comment: String?, stamp: Date, messageID: String?
    ) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.personID = personID
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.comment = comment
        self.stamp = stamp
        self.messageID = messageID
    }
}
