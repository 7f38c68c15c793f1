import RhythmCore

/// The fields of an agenda item to change: nil leaves a field as it is; for optional
/// fields, `.some(nil)` clears it.
public struct AgendaItemChanges: Sendable {
    public var title: String?
    public var presenterID: String??
    public var minutes: Int??
    public var notes: String??
    /// Moves the item to another occurrence of the same series.
    public var occurrenceDate: LocalDate?

    /// No change at all; set the fields to change.
    public init() {}

    /// Names the changes in one expression, such as `AgendaItemChanges(minutes: 20)`.
    public init(
        title: String? = nil,
        presenterID: String?? = nil,
        minutes: Int?? = nil,
        notes: String?? = nil,
        occurrenceDate: LocalDate? = nil
    ) {
        self.title = title
        self.presenterID = presenterID
        self.minutes = minutes
        self.notes = notes
        self.occurrenceDate = occurrenceDate
    }

    /// The item with these changes applied.
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
