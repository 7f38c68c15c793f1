import Foundation

/// A commitment someone made, with an owner and a due date, that stays open until it is
/// done or dropped. Actions live in the database, not in the configuration.
public struct Action: Hashable, Sendable, Identifiable {
    /// Where an action stands.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case open
        case inProgress = "in-progress"
        case blocked
        case done
        case dropped

        /// Whether the action still needs doing (and so belongs on agendas).
        public var isOpen: Bool { self != .done && self != .dropped }
    }

    /// Assigned by the store; positive.
    public var id: Int64
    public var title: String
    public var details: String?
    /// The person who owns it.
    public var ownerID: String
    public var partnerID: String?
    public var groupID: String?
    /// The series, and the date of the occurrence, where it was raised.
    public var seriesID: String?
    public var raisedOn: LocalDate?
    public var due: LocalDate?
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64,
        title: String,
        details: String? = nil,
        ownerID: String,
        partnerID: String? = nil,
        groupID: String? = nil,
        seriesID: String? = nil,
        raisedOn: LocalDate? = nil,
        due: LocalDate? = nil,
        status: Status = .open,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.title = title
        self.details = details
        self.ownerID = ownerID
        self.partnerID = partnerID
        self.groupID = groupID
        self.seriesID = seriesID
        self.raisedOn = raisedOn
        self.due = due
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the action is still open and its due date is before `today`.
    public func isOverdue(on today: LocalDate) -> Bool {
        guard status.isOpen, let due else { return false }
        return due < today
    }
}
