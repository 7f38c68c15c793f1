import Foundation

/// How long a transient failure waits before the next attempt: exponential backoff with
/// "equal jitter", so that many reminders failing together do not retry together.
///
/// The n-th attempt's backoff is `min(cap, base × factor^(n-1))`; the wait is half of that
/// plus a random share of the other half, so it lies in [backoff/2, backoff]. A server's
/// `Retry-After` wins when it is longer.
public struct OutboxRetryPolicy: Hashable, Sendable {
    public var base: TimeInterval
    public var factor: Double
    public var cap: TimeInterval

    public init(base: TimeInterval, factor: Double, cap: TimeInterval) {
        self.base = base
        self.factor = factor
        self.cap = cap
    }

    /// 30 seconds, doubling, at most one hour.
    public static let standard = OutboxRetryPolicy(base: 30, factor: 2, cap: 3600)

    /// The wait after the attempt numbered `attempt` (1 for the first) failed; `fraction`
    /// in [0, 1) picks the point within the jitter range. Rounded to the millisecond, which
    /// is what the store keeps.
    public func delay(afterAttempt attempt: Int, fraction: Double, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let exponent = Double(max(attempt, 1) - 1)
        let backoff = min(cap, base * pow(factor, exponent))
        let jittered = backoff / 2 + backoff / 2 * min(max(fraction, 0), 1)
        let delay = max(jittered, retryAfter ?? 0)
        return (delay * 1000).rounded() / 1000
    }

    /// A fraction in [0, 1) from 53 random bits of `generator`: a generator that returns 0
    /// gives 0, one that returns 2^63 gives exactly one half.
    public static func fraction(using generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }
}
