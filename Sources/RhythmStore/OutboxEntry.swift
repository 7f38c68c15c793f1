import Crypto
import Foundation
import RhythmCore

/// One reminder in the outbox: what to send, to whom, and how far its delivery has got.
public struct OutboxEntry: Hashable, Sendable, Identifiable {
    /// The reminder's deterministic key; the outbox holds at most one row per key.
    public var key: String
    public var channelID: String
    /// `person:<id>` or `channel:<id>`.
    public var recipient: String
    /// When the reminder was planned to go out.
    public var due: Date
    /// After this instant it is no longer worth sending.
    public var usefulUntil: Date
    /// Whatever the dispatcher needs to compose the message (for example JSON); the store
    /// keeps it and never reads it.
    public var payload: String?
    public var status: OutboxStatus
    /// Whether the entry waits for an operator after a configuration error; a held entry is
    /// pending but never claimed until `retry`.
    public var isHeld: Bool
    /// How many times a dispatcher has claimed it.
    public var attempts: Int
    /// When it may next be claimed.
    public var nextAttemptAt: Date
    /// The server's last reply, or the configuration problem, for people to read.
    public var lastReply: String?
    /// Derived from the key, so every attempt (including a duplicate after a crash) carries
    /// the same Message-ID or webhook id and the receiver can de-duplicate.
    public var messageID: String
    public var createdAt: Date
    public var updatedAt: Date

    /// A new entry to enqueue; the store fills in the state.
    public init(key: String, channelID: String, recipient: String, due: Date, usefulUntil: Date, payload: String? = nil)
    {
        self.init(
            key: key, channelID: channelID, recipient: recipient, due: due, usefulUntil: usefulUntil,
            payload: payload, status: .pending, isHeld: false, attempts: 0, nextAttemptAt: due, lastReply: nil,
            messageID: Self.messageID(forKey: key), createdAt: due, updatedAt: due)
    }

    /// An entry with every field given, as the store reads it back.
    public init(
        key: String, channelID: String, recipient: String, due: Date, usefulUntil: Date, payload: String?,
        status: OutboxStatus, isHeld: Bool, attempts: Int, nextAttemptAt: Date, lastReply: String?,
        messageID: String, createdAt: Date, updatedAt: Date
    ) {
        self.key = key
        self.channelID = channelID
        self.recipient = recipient
        self.due = due
        self.usefulUntil = usefulUntil
        self.payload = payload
        self.status = status
        self.isHeld = isHeld
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastReply = lastReply
        self.messageID = messageID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The entry for a planned reminder.
    public init(reminder: Reminder, payload: String? = nil) {
        self.init(
            key: reminder.key, channelID: reminder.channel.id, recipient: reminder.recipient.description,
            due: reminder.due, usefulUntil: reminder.usefulUntil, payload: payload)
    }

    /// `rhythm-` and 32 hex digits of the key's SHA-256: stable, opaque, and safe in a
    /// Message-ID (`<id@domain>`, the domain added by the transport) or a webhook id.
    public static func messageID(forKey key: String) -> String {
        let digest = SHA256.hash(data: Data(key.utf8))
        return "rhythm-" + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    public var id: String { key }

    /// How the keys of calendar invitations and cancellations begin; the reminder planner's
    /// keys never do, since they start with a rule id or `digest`, which hold no colon.
    public static let invitationKeyPrefix = "imip:"

    /// Whether the entry is a calendar invitation or cancellation rather than a reminder.
    public var isInvitation: Bool { key.hasPrefix(Self.invitationKeyPrefix) }
}
