import RhythmCore

/// What it takes to record a new action; the store assigns the id and the timestamps.
public struct NewAction: Sendable {
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
    public var status: Action.Status

    /// Describes an action to create; ids are checked against the configuration by callers.
    public init(
        title: String,
        details: String? = nil,
        ownerID: String,
        partnerID: String? = nil,
        groupID: String? = nil,
        seriesID: String? = nil,
        raisedOn: LocalDate? = nil,
        due: LocalDate? = nil,
        status: Action.Status = .open
    ) {
        self.title = title
        self.details = details
        self.ownerID = ownerID
        self.partnerID = partnerID
        self.groupID = groupID
        self.seriesID = seriesID
        self.raisedOn = raisedOn
        self.due = due
        self.status = status
    }
}
