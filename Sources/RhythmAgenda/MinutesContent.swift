import Foundation
import RhythmCore

/// Minutes with what it takes to render them: the meeting they belong to, the names behind
/// the ids, and where they stand (a draft, published, or corrected).
public struct MinutesContent: Sendable {
    public var minutes: Minutes
    public var occurrence: Occurrence
    public var initiative: Initiative
    /// 0 for a draft never published, 1 once published, 2 and more after corrections.
    public var revision: Int
    public var publishedAt: Date?
    /// The meeting's agenda items: they name the item a decision was taken under when the
    /// minutes hold no notes on it.
    public var agendaItems: [AgendaItem]

    public init(
        minutes: Minutes, occurrence: Occurrence, initiative: Initiative, revision: Int, publishedAt: Date?,
        agendaItems: [AgendaItem] = []
    ) {
        self.minutes = minutes
        self.occurrence = occurrence
        self.initiative = initiative
        self.revision = revision
        self.publishedAt = publishedAt
        self.agendaItems = agendaItems
    }
}
