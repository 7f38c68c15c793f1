import Foundation
import RhythmCore

/// One attendance answer read from a calendar's iMIP REPLY, with what orders it against
/// other answers: the reply's DTSTAMP, then its SEQUENCE.
public struct CalendarReplyAnswer: Hashable, Sendable {
    public var seriesID: String
    /// The date the rule gave the occurrence, in the series' zone.
    public var occurrenceDate: LocalDate
    public var personID: String
    public var response: Attendance.Response
    /// The reply's COMMENT.
    public var note: String?
    /// The colleague named by DELEGATED-TO; only with apologies.
    public var delegateID: String?
    /// The reply's DTSTAMP: when the attendee's calendar wrote it.
    public var stamp: Date
    /// The reply's SEQUENCE: the version of the invitation it answers.
    public var sequence: Int

    public init(
        seriesID: String, occurrenceDate: LocalDate, personID: String, response: Attendance.Response,
        note: String?, delegateID: String?, stamp: Date, sequence: Int
    ) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.personID = personID
        self.response = response
        self.note = note
        self.delegateID = delegateID
        self.stamp = stamp
        self.sequence = sequence
    }
}

/// What became of a calendar reply's answer.
public enum CalendarReplyResult: Hashable, Sendable {
    /// Recorded; `previous` is the answer it replaced, if any.
    case applied(Attendance, previous: Attendance?)
    /// The stored answer is newer (a later DTSTAMP, or the same DTSTAMP and a higher or equal
    /// SEQUENCE, or an answer given by link, API or CLI after the reply was written): nothing
    /// changed.
    case older(than: Attendance)
}
