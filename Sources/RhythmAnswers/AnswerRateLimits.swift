import RhythmCore

/// The limits the answer pages apply, per link token and per client address.
public struct AnswerRateLimits: Sendable {
    public let perToken: RateLimiter
    public let perAddress: RateLimiter

    /// 60 requests per link and 300 per address in 10 minutes: a person opens a link, maybe
    /// reloads it, answers and undoes; an office behind one address answers dozens of
    /// messages; a script guessing or hammering meets the limit within seconds.
    public init(
        perToken: RateLimiter = RateLimiter(limit: 60, window: 600),
        perAddress: RateLimiter = RateLimiter(limit: 300, window: 600)
    ) {
        self.perToken = perToken
        self.perAddress = perAddress
    }
}
