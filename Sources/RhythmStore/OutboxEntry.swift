import Crypto
import Foundation
import RhythmCore

/// One reminder in the outbox: what to send, to whom, and how far its delivery has got.
public struct OutboxEntry: Hashable, Sendable, Identifiable {
    /// What sort of message the entry is, for people reading the outbox.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// A short reminder of a meeting, an action or indicator data.
        case reminder
        /// A meeting's full agenda.
        case agenda
        /// A person's daily digest.
        case digest
        /// A calendar invitation (iMIP REQUEST), new or updated.
        case invitation
        /// A calendar cancellation (iMIP CANCEL) of a meeting or a whole series.
        case cancellation
        /// A meeting's published minutes.
        case minutes
    }

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
    /// What sort of message it is; nil for an entry planned before Rhythm recorded it.
    public var kind: Kind?
    /// The subject line as planned (an e-mail's Subject, a chat post's title), for people
    /// reading the outbox; the message sent is composed afresh. Nil for an entry planned
    /// before Rhythm recorded it.
    public var subject: String?

    /// A new entry to enqueue; the store fills in the state.
    public init(
        key: String, channelID: String, recipient: String, due: Date, usefulUntil: Date, payload: String? = nil,
        kind: Kind? = nil, subject: String? = nil
    ) {
        self.init(
            key: key, channelID: channelID, recipient: recipient, due: due, usefulUntil: usefulUntil,
            payload: payload, status: .pending, isHeld: false, attempts: 0, nextAttemptAt: due, lastReply: nil,
            messageID: Self.messageID(forKey: key), createdAt: due, updatedAt: due, kind: kind, subject: subject)
    }

    /// An entry with every field given, as the store reads it back.
    public init(
        key: String, channelID: String, recipient: String, due: Date, usefulUntil: Date, payload: String?,
        status: OutboxStatus, isHeld: Bool, attempts: Int, nextAttemptAt: Date, lastReply: String?,
        messageID: String, createdAt: Date, updatedAt: Date, kind: Kind? = nil, subject: String? = nil
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
        self.kind = kind
        self.subject = subject
    }

    /// The entry for a planned reminder, with the subject line it is planned to have.
    public init(reminder: Reminder, subject: String? = nil, payload: String? = nil) {
        let kind: Kind =
            switch reminder.content {
            case .reminder: .reminder
            case .agenda: .agenda
            case .digest: .digest
            }
        self.init(
            key: reminder.key, channelID: reminder.channel.id, recipient: reminder.recipient.description,
            due: reminder.due, usefulUntil: reminder.usefulUntil, payload: payload, kind: kind, subject: subject)
    }

    /// `rhythm-` and 32 hex digits of the key's SHA-256: stable, opaque, and safe in a
    /// Message-ID (`<id@domain>`, the domain added by the transport) or a webhook id.
    public static func messageID(forKey key: String) -> String {
        let digest = SHA256.hash(data: Data(key.utf8))
        return "rhythm-" + digest.prefix(16).lowercaseHex
    }

    public var id: String { key }

    /// How the keys of calendar invitations and cancellations begin; the reminder planner's
    /// keys never do, since they start with a rule id or `digest`, which hold no colon.
    public static let invitationKeyPrefix = "imip:"

    /// Whether the entry is a calendar invitation or cancellation rather than a reminder.
    public var isInvitation: Bool { key.hasPrefix(Self.invitationKeyPrefix) }

    /// Whether the entry is an e-mail of published minutes (see `MinutesMail`), which the
    /// reminder planner neither plans nor withdraws.
    public var isMinutes: Bool { key.hasPrefix(MinutesMail.keyPrefix) }

    /// How the keys of console sign-in messages begin: asked for by a person, never planned,
    /// so a planning pass never withdraws them.
    public static let consoleSignInKeyPrefix = "console-sign-in:"

    /// The person a console sign-in message goes to; nil for any other entry.
    public var consoleSignInPersonID: String? {
        guard key.hasPrefix(Self.consoleSignInKeyPrefix), recipient.hasPrefix("person:") else { return nil }
        return String(recipient.dropFirst("person:".count))
    }
}
