import Foundation

/// A submitted agenda item as it appears on the agenda, with the time it starts if every
/// item before it keeps to its minutes.
public struct AgendaEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    public var presenterName: String?
    public var minutes: Int?
    public var notes: String?
    /// Minutes after the meeting's start at which the item begins: the minutes of the items
    /// before it, added up.
    public var offsetMinutes: Int
    /// That start on the meeting's clocks.
    public var localStart: LocalDateTime

    public init(
        id: Int64,
        title: String,
        presenterName: String?,
        minutes: Int?,
        notes: String?,
        offsetMinutes: Int,
        localStart: LocalDateTime
    ) {
        self.id = id
        self.title = title
        self.presenterName = presenterName
        self.minutes = minutes
        self.notes = notes
        self.offsetMinutes = offsetMinutes
        self.localStart = localStart
    }
}
