import RhythmCore

/// The fields of an action to change: nil leaves a field as it is; for optional fields,
/// `.some(nil)` clears it.
public struct ActionChanges: Sendable {
    public var title: String?
    public var details: String??
    public var ownerID: String?
    public var partnerID: String??
    public var groupID: String??
    public var seriesID: String??
    public var raisedOn: LocalDate??
    public var due: LocalDate??
    public var status: Action.Status?

    /// No change at all; set the fields to change.
    public init() {}

    /// Names the changes in one expression, such as `ActionChanges(due: .some(nil))`.
    public init(
        title: String? = nil,
        details: String?? = nil,
        ownerID: String? = nil,
        partnerID: String?? = nil,
        groupID: String?? = nil,
        seriesID: String?? = nil,
        raisedOn: LocalDate?? = nil,
        due: LocalDate?? = nil,
        status: Action.Status? = nil
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

    /// The action with these changes applied.
    func applied(to action: Action) -> Action {
        var changed = action
        if let title { changed.title = title }
        if let details { changed.details = details }
        if let ownerID { changed.ownerID = ownerID }
        if let partnerID { changed.partnerID = partnerID }
        if let groupID { changed.groupID = groupID }
        if let seriesID { changed.seriesID = seriesID }
        if let raisedOn { changed.raisedOn = raisedOn }
        if let due { changed.due = due }
        if let status { changed.status = status }
        return changed
    }
}
