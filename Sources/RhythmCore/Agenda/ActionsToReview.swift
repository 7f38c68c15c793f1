/// The open actions a meeting looks at: the overdue ones first, because they are what the
/// meeting most needs to unblock, then everything else grouped by owner.
public struct ActionsToReview: Hashable, Sendable {
    /// Overdue actions, the longest overdue first.
    public var overdue: [ActionReview]
    /// The other actions, one group per owner in name order, each by due date.
    public var byOwner: [OwnerActions]

    public init(overdue: [ActionReview], byOwner: [OwnerActions]) {
        self.overdue = overdue
        self.byOwner = byOwner
    }

    /// Whether there is no action to review at all.
    public var isEmpty: Bool { overdue.isEmpty && byOwner.isEmpty }

    /// How many actions there are, overdue or not.
    public var count: Int { overdue.count + byOwner.reduce(0) { $0 + $1.actions.count } }
}

/// One owner's actions on an agenda.
public struct OwnerActions: Hashable, Sendable {
    public var ownerID: String
    public var ownerName: String
    public var actions: [ActionReview]

    public init(ownerID: String, ownerName: String, actions: [ActionReview]) {
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.actions = actions
    }
}

/// An action as an agenda shows it: what, who, by when, and how late.
public struct ActionReview: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    public var ownerID: String
    public var ownerName: String
    public var partnerName: String?
    public var due: LocalDate?
    /// Days past the due date as of the day the agenda was built; nil when not overdue.
    public var daysOverdue: Int?
    public var status: Action.Status

    public init(
        id: Int64,
        title: String,
        ownerID: String,
        ownerName: String,
        partnerName: String?,
        due: LocalDate?,
        daysOverdue: Int?,
        status: Action.Status
    ) {
        self.id = id
        self.title = title
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.partnerName = partnerName
        self.due = due
        self.daysOverdue = daysOverdue
        self.status = status
    }
}
