import Foundation

/// One person's answer for one meeting: coming, maybe, or apologies (optionally with a
/// colleague from the same partner who comes instead).
///
/// Stored per occurrence, named by the date the rule gave it, so that an answer stays with
/// its meeting when the meeting moves. Answering again replaces the answer (the audit trail
/// keeps the old one).
public struct Attendance: Hashable, Sendable, Identifiable {
    /// What the person said.
    public enum Response: String, CaseIterable, Hashable, Sendable {
        /// "I'll be there."
        case attending
        /// Not sure yet (a calendar's Tentative).
        case tentative
        /// "Send apologies."
        case apologies
    }

    /// Assigned by the store; positive.
    public var id: Int64
    public var seriesID: String
    /// The date the rule gave the occurrence, in the series' zone.
    public var occurrenceDate: LocalDate
    public var personID: String
    public var response: Response
    /// What the person added, such as "stuck in court until 11".
    public var note: String?
    /// A colleague from the same partner who comes instead; only with apologies.
    public var delegateID: String?
    /// Who recorded it: `person:<id> (link)`, `cli:<login>`, `api:<token>`.
    public var answeredBy: String
    public var answeredAt: Date

    public init(
        id: Int64,
        seriesID: String,
        occurrenceDate: LocalDate,
        personID: String,
        response: Response,
        note: String? = nil,
        delegateID: String? = nil,
        answeredBy: String,
        answeredAt: Date
    ) {
        self.id = id
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.personID = personID
        self.response = response
        self.note = note
        self.delegateID = delegateID
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}

/// A person's choice to stop receiving the reminders of one reminder rule, made with the
/// "Stop reminders like this" link (or its one-click `List-Unsubscribe`) and undone on their
/// page.
public struct ReminderOptOut: Hashable, Sendable, Identifiable {
    /// Assigned by the store; positive.
    public var id: Int64
    public var personID: String
    /// The reminder rule's id in the configuration.
    public var ruleID: String
    /// Who made it: `person:<id> (link)` for the person themselves.
    public var createdBy: String
    public var createdAt: Date

    public init(id: Int64, personID: String, ruleID: String, createdBy: String, createdAt: Date) {
        self.id = id
        self.personID = personID
        self.ruleID = ruleID
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
