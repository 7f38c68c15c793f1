import RhythmCore

/// What it takes to submit an agenda item; the store records who submitted it and when.
public struct NewAgendaItem: Sendable {
    public var seriesID: String
    /// The original date of the occurrence it is for; callers check that the series meets then.
    public var occurrenceDate: LocalDate
    public var title: String
    public var presenterID: String?
    /// How long it needs; positive when set.
    public var minutes: Int?
    public var notes: String?

    /// Describes an item to submit; ids are checked against the configuration by callers.
    public init(
        seriesID: String,
        occurrenceDate: LocalDate,
        title: String,
        presenterID: String? = nil,
        minutes: Int? = nil,
        notes: String? = nil
    ) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.title = title
        self.presenterID = presenterID
        self.minutes = minutes
        self.notes = notes
    }
}
