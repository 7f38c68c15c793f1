import RhythmCore

/// The fields of an agenda item to change: nil leaves a field as it is; for optional
/// fields, `.some(nil)` clears it.
public struct AgendaItemChanges: Sendable {
    public var title: String?
    public var presenterID: String??
    public var minutes: Int??
    public var notes: String??
    /// Moves the item to another occurrence of the same series (callers check that the
    /// series holds it); it goes to the end of that agenda unless `placement` says otherwise.
    public var occurrenceDate: LocalDate?
    /// Reorders the item among the items of its meeting (the one `occurrenceDate` names,
    /// when given): `AgendaPlacement.before(7)` puts it just before item 7.
    public var placement: AgendaPlacement?

    /// No change at all; set the fields to change.
    public init() {}

    /// Names the changes in one expression, such as `AgendaItemChanges(minutes: 20)` or
    /// `AgendaItemChanges(placement: .position(1))`.
    public init(
        title: String? = nil,
        presenterID: String?? = nil,
        minutes: Int?? = nil,
        notes: String?? = nil,
        occurrenceDate: LocalDate? = nil,
        placement: AgendaPlacement? = nil
    ) {
        self.title = title
        self.presenterID = presenterID
        self.minutes = minutes
        self.notes = notes
        self.occurrenceDate = occurrenceDate
        self.placement = placement
    }

    /// Whether the changes move the item: to another meeting, or to another place.
    func moves(_ item: AgendaItem) -> Bool {
        placement != nil || occurrenceDate.map { $0 != item.occurrenceDate } == true
    }

    /// The item with these field changes applied; its position is the store's to decide.
    func applied(to item: AgendaItem) -> AgendaItem {
        var changed = item
        if let title { changed.title = title }
        if let presenterID { changed.presenterID = presenterID }
        if let minutes { changed.minutes = minutes }
        if let notes { changed.notes = notes }
        if let occurrenceDate { changed.occurrenceDate = occurrenceDate }
        return changed
    }
}
