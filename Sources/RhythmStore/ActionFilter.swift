import RhythmCore

/// Which actions to list: every condition set must hold. The default matches every action,
/// the first 100 of them.
public struct ActionFilter: Sendable {
    public var ownerID: String?
    public var partnerID: String?
    public var groupID: String?
    public var seriesID: String?
    /// The statuses to include; nil for all of them.
    public var statuses: Set<Action.Status>?
    /// Only actions still open (not done or dropped) whose due date is before this day.
    public var overdueOn: LocalDate?
    /// Only actions due before this day.
    public var dueBefore: LocalDate?
    /// At most this many; counting ignores it.
    public var limit: Int
    /// Skip this many first; counting ignores it.
    public var offset: Int

    /// A filter; every condition is optional.
    public init(
        ownerID: String? = nil,
        partnerID: String? = nil,
        groupID: String? = nil,
        seriesID: String? = nil,
        statuses: Set<Action.Status>? = nil,
        overdueOn: LocalDate? = nil,
        dueBefore: LocalDate? = nil,
        limit: Int = 100,
        offset: Int = 0
    ) {
        self.ownerID = ownerID
        self.partnerID = partnerID
        self.groupID = groupID
        self.seriesID = seriesID
        self.statuses = statuses
        self.overdueOn = overdueOn
        self.dueBefore = dueBefore
        self.limit = limit
        self.offset = offset
    }
}
