import Foundation
import RhythmCore

/// The rows a summary of the whole rhythm needs (the console's home page), read together in
/// one snapshot so that counts and lists agree with each other.
///
/// Bounded by the caller's dates: answers and agenda items from a date on, actions still open
/// or changed since an instant, and the latest held and dead outbox entries up to a limit.
public struct StoreOverview: Sendable {
    /// Answers for occurrences on or after the date asked for, by date, series and person.
    public var attendance: [Attendance]
    /// Every action still open, and every action changed since the instant asked for, by id.
    public var actions: [Action]
    /// When each action among `actions` that is done or dropped was last closed, from the audit
    /// trail (`updatedAt` stands in for an action closed before the trail recorded it).
    public var closedAt: [Int64: Date]
    /// Every recorded indicator result, by indicator then period.
    public var indicatorResults: [IndicatorResult]
    /// Agenda items for occurrences on or after the date asked for.
    public var agendaItems: [AgendaItem]
    /// How many outbox entries are in each state.
    public var outboxCounts: [OutboxStatus: Int]
    /// How many pending entries are held for an operator (they count as pending too).
    public var heldCount: Int
    /// Pending entries held for an operator, oldest first, up to the limit asked for.
    public var heldEntries: [OutboxEntry]
    /// Dead entries, the most recent first, up to the limit asked for.
    public var deadEntries: [OutboxEntry]
    /// Every address that bounces now, by address.
    public var bouncingAddresses: [AddressBounce]

    /// An overview built from rows read elsewhere, for tests of code that summarises them.
    public init(
        attendance: [Attendance] = [], actions: [Action] = [], closedAt: [Int64: Date] = [:],
        indicatorResults: [IndicatorResult] = [], agendaItems: [AgendaItem] = [],
        outboxCounts: [OutboxStatus: Int] = [:], heldCount: Int = 0, heldEntries: [OutboxEntry] = [],
        deadEntries: [OutboxEntry] = [],
        bouncingAddresses: [AddressBounce] = []
    ) {
        self.attendance = attendance
        self.actions = actions
        self.closedAt = closedAt
        self.indicatorResults = indicatorResults
        self.agendaItems = agendaItems
        self.outboxCounts = outboxCounts
        self.heldCount = heldCount
        self.heldEntries = heldEntries
        self.deadEntries = deadEntries
        self.bouncingAddresses = bouncingAddresses
    }
}
