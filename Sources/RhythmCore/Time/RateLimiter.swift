import Foundation
import Synchronization

/// Counts requests per key in fixed windows, in memory: enough to make hammering a link or
/// guessing tokens slow, while a person clicking through their messages never meets it.
/// Shared by the answer pages, the chat buttons and the console's sign-in form.
public final class RateLimiter: Sendable {
    /// How many requests a key may make per window.
    public let limit: Int
    /// The window's length.
    public let window: TimeInterval
    private let counts = Mutex<[String: (start: Date, count: Int)]>([:])
    /// Beyond this many keys, windows that have ended are dropped, so memory stays bounded.
    private static let pruneThreshold = 10_000

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request of `key` at `now`; nil when it may go on, else the seconds until it
    /// may try again (for `Retry-After`).
    public func admit(_ key: String, now: Date) -> Int? {
        counts.withLock { counts in
            if counts.count > Self.pruneThreshold {
                counts = counts.filter { now.timeIntervalSince($0.value.start) < window }
            }
            var entry = counts[key] ?? (now, 0)
            if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
            entry.count += 1
            counts[key] = entry
            guard entry.count > limit else { return nil }
            return max(1, Int((window - now.timeIntervalSince(entry.start)).rounded(.up)))
        }
    }
}
