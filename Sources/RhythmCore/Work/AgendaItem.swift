import Foundation

/// Something a person submitted for one occurrence of a series: a report, a decision to
/// take, a question for the group.
public struct AgendaItem: Hashable, Sendable, Identifiable {
    /// Who took an item off the agenda, and when. A withdrawn item is kept, so the record
    /// of what was proposed and by whom survives; it is no longer on the agenda.
    public struct Withdrawal: Hashable, Sendable {
        /// The actor, as the audit trail names it (`cli:ana`, `api:portal`, `console:ana`).
        public var by: String
        public var at: Date

        public init(by: String, at: Date) {
            self.by = by
            self.at = at
        }
    }

    /// Assigned by the store; positive.
    public var id: Int64
    public var seriesID: String
    /// The original date of the occurrence it is for (its RECURRENCE-ID date).
    public var occurrenceDate: LocalDate
    /// Its place among the items of its occurrence, from 1, after the standing items. The
    /// store keeps the items on the agenda numbered 1, 2, 3... without gaps; a withdrawn item
    /// keeps the place it had when it was withdrawn, for the record.
    public var position: Int
    public var title: String
    /// The person presenting it, when someone is.
    public var presenterID: String?
    /// How long it needs on the agenda.
    public var minutes: Int?
    public var notes: String?
    /// Who submitted it: a person id, or the name of the command-line user or API token.
    public var submittedBy: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Set once the item was withdrawn; nil while it is on the agenda.
    public var withdrawal: Withdrawal?

    public init(
        id: Int64,
        seriesID: String,
        occurrenceDate: LocalDate,
        position: Int,
        title: String,
        presenterID: String? = nil,
        minutes: Int? = nil,
        notes: String? = nil,
        submittedBy: String,
        createdAt: Date,
        updatedAt: Date,
        withdrawal: Withdrawal? = nil
    ) {
        self.id = id
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.position = position
        self.title = title
        self.presenterID = presenterID
        self.minutes = minutes
        self.notes = notes
        self.submittedBy = submittedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.withdrawal = withdrawal
    }

    /// Whether the item is on its meeting's agenda (it was not withdrawn).
    public var isOnAgenda: Bool { withdrawal == nil }

    /// The order in which lists show items: by meeting (date, then series), the items on
    /// the agenda in their agenda order, then the withdrawn ones in the places they had.
    public static func listedBefore(_ lhs: AgendaItem, _ rhs: AgendaItem) -> Bool {
        (lhs.occurrenceDate, lhs.seriesID, lhs.isOnAgenda ? 0 : 1, lhs.position, lhs.id)
            < (rhs.occurrenceDate, rhs.seriesID, rhs.isOnAgenda ? 0 : 1, rhs.position, rhs.id)
    }
}
