import Foundation
import RhythmCore
import RhythmStore

/// How the outbox is doing: what waits, what waits for an operator and why, what could not
/// be delivered and what the server said, and which addresses bounce.
public struct DeliveryHealth: Sendable {
    /// An address Rhythm sends nothing to, and whose it is.
    public struct BouncingAddress: Hashable, Sendable {
        /// What the store knows about the address.
        public let bounce: AddressBounce
        /// The person's name; nil when the configuration no longer knows them.
        public let personName: String?
        /// Whether the configuration still gives the person this address; when it does not,
        /// the bounce no longer stops anything.
        public let isCurrentAddress: Bool
    }

    /// Entries waiting to be sent, held ones included.
    public let pending: Int
    /// Pending entries held for an operator after a configuration error.
    public let heldCount: Int
    /// The oldest held entries, each with its reason in `lastReply`.
    public let held: [OutboxEntry]
    /// Entries that will not be delivered.
    public let deadCount: Int
    /// The most recent dead entries, each with the server's reply in `lastReply`.
    public let dead: [OutboxEntry]
    /// Every address that bounces now, by address.
    public let bouncing: [BouncingAddress]

    /// Reads `overview` with the names `initiative` gives people.
    init(overview: StoreOverview, initiative: Initiative) {
        let people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
        pending = overview.outboxCounts[.pending] ?? 0
        heldCount = overview.heldCount
        held = overview.heldEntries
        deadCount = overview.outboxCounts[.dead] ?? 0
        dead = overview.deadEntries
        bouncing = overview.bouncingAddresses.map { bounce in
            let person = people[bounce.personID]
            return BouncingAddress(
                bounce: bounce, personName: person?.name,
                isCurrentAddress: person?.email.lowercased() == bounce.address.lowercased())
        }
    }
}
