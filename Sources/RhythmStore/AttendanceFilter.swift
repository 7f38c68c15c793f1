import RhythmCore

/// Which answers to list: every condition set must hold. The default matches every answer,
/// the first 100 of them.
public struct AttendanceFilter: Sendable {
    public var seriesID: String?
    /// The date the rule gave the occurrence, which answers are stored under.
    public var occurrenceDate: LocalDate?
    public var personID: String?
    /// Only answers of these people (a partner's, for a partner-limited API token); nil for
    /// everyone's.
    public var personIDs: Set<String>?
    /// At most this many; counting ignores it.
    public var limit: Int
    /// Skip this many first; counting ignores it.
    public var offset: Int

    /// A filter; every condition is optional.
    public init(
        seriesID: String? = nil,
        occurrenceDate: LocalDate? = nil,
        personID: String? = nil,
        personIDs: Set<String>? = nil,
        limit: Int = 100,
        offset: Int = 0
    ) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.personID = personID
        self.personIDs = personIDs
        self.limit = limit
        self.offset = offset
    }
}
