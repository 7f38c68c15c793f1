/// Where a reminder stands in the outbox.
public enum OutboxStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Waiting for its next attempt (or, when held, for an operator).
    case pending
    /// Claimed by a dispatcher, which is sending it now.
    case sending
    /// Delivered.
    case sent
    /// Will not be delivered: a permanent failure, or retries ran past its usefulness.
    case dead
    /// Planned, but its meeting was cancelled or its action closed before it went out.
    case withdrawn
    /// Due while nobody could send it, and no longer useful by the time someone could.
    case skipped

    /// The states a row never leaves on its own, which `purge` may remove.
    public static let finished: Set<OutboxStatus> = [.sent, .dead, .withdrawn, .skipped]
}
