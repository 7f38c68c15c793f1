/// An answer whose references all hold: what the store records, and what a page shows back.
public struct CheckedAttendance: Hashable, Sendable {
    public let series: MeetingSeries
    /// The meeting, wherever it happens now; answers are stored under its original date.
    public let occurrence: Occurrence
    public let person: Person
    public let response: Attendance.Response
    /// The note, trimmed; nil when there was none or only white space.
    public let note: String?
    public let delegate: Person?

    /// The date the answer is stored under: the one the rule gave the meeting.
    public var occurrenceDate: LocalDate { occurrence.originalStart.date }
}
