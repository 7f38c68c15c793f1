import Foundation

/// How far Rhythm has read one inbound mailbox, and whether reading it works.
///
/// The cursor is the mailbox's UIDVALIDITY and the highest UID looked at under it: a
/// different UIDVALIDITY means the server renumbered the mailbox, so the old UID means
/// nothing any more. Failures are counted like a sending channel's: transient ones back off,
/// a configuration problem (refused password, untrusted certificate) holds the inbox until
/// an operator fixes the configuration.
public struct InboxState: Hashable, Sendable {
    /// The e-mail channel whose `inbound:` mailbox this is.
    public var channelID: String
    /// The mailbox's UIDVALIDITY at the last successful read; nil before the first.
    public var uidValidity: Int64?
    /// The highest UID looked at (handled or left alone); the next read starts after it.
    public var lastUID: Int64
    /// When the last successful read began: mail the server received before it has been read.
    public var readStartedAt: Date?
    /// Failed reads since the last successful one.
    public var failures: Int
    /// When to try again after a failure; nil when the next read is simply on schedule.
    public var nextAttemptAt: Date?
    /// Why the inbox waits for an operator, when it does.
    public var heldReason: String?
    /// The last failure, without secrets.
    public var lastError: String?
    public var updatedAt: Date

    public init(
        channelID: String, uidValidity: Int64?, lastUID: Int64, readStartedAt: Date?, failures: Int = 0,
        nextAttemptAt: Date? = nil, heldReason: String? = nil, lastError: String? = nil, updatedAt: Date
    ) {
        self.channelID = channelID
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.readStartedAt = readStartedAt
        self.failures = failures
        self.nextAttemptAt = nextAttemptAt
        self.heldReason = heldReason
        self.lastError = lastError
        self.updatedAt = updatedAt
    }

    /// Whether the inbox waits for an operator.
    public var isHeld: Bool { heldReason != nil }
}
