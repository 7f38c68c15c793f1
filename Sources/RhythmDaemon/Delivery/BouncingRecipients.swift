import Foundation
import RhythmCore
import RhythmStore

/// The people Rhythm does not e-mail because the address the configuration gives them
/// bounces, and how to say so.
///
/// Only a person's current address counts: when the configuration gives them a new one, the
/// old one's bounce no longer applies and sending resumes by itself. Chat messages are never
/// affected.
public struct BouncingRecipients: Sendable {
    /// A person whose configured address bounces.
    public struct Recipient: Hashable, Sendable {
        public let person: Person
        public let bounce: AddressBounce
    }

    /// Each person whose configured address bounces, by person id.
    public let recipients: [Recipient]
    private let byPersonID: [String: AddressBounce]
    private let emailChannelIDs: Set<String>
    private let zone: TimeZone

    /// Matches `bounces` (as the store lists them) with the people of `initiative`.
    public init(initiative: Initiative, bounces: [AddressBounce]) {
        let byAddress = Dictionary(bounces.filter(\.isBouncing).map { ($0.address.lowercased(), $0) }) { first, _ in
            first
        }
        recipients = initiative.people.compactMap { person in
            byAddress[person.email.lowercased()].map { Recipient(person: person, bounce: $0) }
        }
        .sorted { $0.person.id < $1.person.id }
        byPersonID = Dictionary(recipients.map { ($0.person.id, $0.bounce) }) { first, _ in first }
        emailChannelIDs = Set(
            initiative.channels.filter {
                if case .email = $0.kind { true } else { false }
            }.map(\.id))
        zone = initiative.timeZone
    }

    /// Reads the bouncing addresses from `store`.
    public init(initiative: Initiative, store: AppDatabase) throws(StoreError) {
        self.init(initiative: initiative, bounces: try store.bouncingAddresses())
    }

    /// Why the message `personID` would get on `channelID` is not sent, or nil when it is.
    public func reasonNotSent(personID: String, channelID: String) -> String? {
        guard emailChannelIDs.contains(channelID), let bounce = byPersonID[personID] else { return nil }
        return "not sent: " + Self.sentence(bounce, personID: personID, zone: zone)
    }

    /// Why `entry` is not sent, or nil when it is: only e-mail to a person whose configured
    /// address bounces is held back.
    public func reasonNotSent(_ entry: OutboxEntry) -> String? {
        guard entry.recipient.hasPrefix("person:") else { return nil }
        return reasonNotSent(personID: String(entry.recipient.dropFirst("person:".count)), channelID: entry.channelID)
    }

    /// One sentence per bouncing address, for `/readyz` and `rhythm status`.
    public var warnings: [String] {
        recipients.map { Self.sentence($0.bounce, personID: $0.person.id, zone: zone) }
    }

    /// `mei.lin@example.org bounces since 2026-12-07 09:14 +11:00 (550 5.1.1 user unknown);
    /// clear with rhythm person clear-bounce mei-lin`.
    static func sentence(_ bounce: AddressBounce, personID: String, zone: TimeZone) -> String {
        let since = bounce.bouncingSince.map { " since " + Self.minute($0, in: zone) } ?? ""
        let reason = bounce.reason.map { " (\($0))" } ?? ""
        return "\(bounce.address) bounces\(since)\(reason); clear with rhythm person clear-bounce \(personID)"
    }

    /// `2026-12-07 09:14 +11:00`.
    static func minute(_ instant: Date, in zone: TimeZone) -> String {
        let local = zone.wallClock(at: instant)
        let time = String(local.time.description.prefix(5))
        return "\(local.date) \(time) \(zone.offsetText(at: instant))"
    }
}
