import Foundation

/// Something a person submitted for one occurrence of a series: a report, a decision to
/// take, a question for the group.
public struct AgendaItem: Hashable, Sendable, Identifiable {
    /// Assigned by the store; positive.
    public var id: Int64
    public var seriesID: String
    /// The original date of the occurrence it is for (its RECURRENCE-ID date).
    public var occurrenceDate: LocalDate
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

    public init(
        id: Int64,
        seriesID: String,
        occurrenceDate: LocalDate,
        title: String,
        presenterID: String? = nil,
        minutes: Int? = nil,
        notes: String? = nil,
        submittedBy: String,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.title = title
        self.presenterID = presenterID
        self.minutes = minutes
        self.notes = notes
        self.submittedBy = submittedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
