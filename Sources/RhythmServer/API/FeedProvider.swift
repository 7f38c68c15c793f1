/// Where feeds come from: Rhythm's feed service implements this.
///
/// The server asks for a key on every request, so that a revoked token stops working at once,
/// and renders only on a cache miss; `feedKey(forName:)` should therefore be cheap.
public protocol FeedProvider: Sendable {
    /// The cache key of the feed a URL name designates: "public" for /feeds/public.ics, a token for
    /// /feeds/<token>.ics; nil when no feed has that name (unknown, malformed or revoked token: all give
    /// the same 404).
    func feedKey(forName name: String) async throws -> String?

    /// Renders the feed for a key that `feedKey(forName:)` returned; nil if it no longer exists.
    func renderFeed(key: String) async throws -> FeedDocument?
}
