import Hummingbird
import NIOPosix

/// Rendered feeds keyed by feed key, so that a poll of an unchanged feed costs a dictionary
/// look-up: no rendering, no hashing and no compression.
///
/// The owner calls `invalidateAll()` whenever anything a feed shows may have changed. Concurrent
/// misses for one key share a single render, and a render that was in flight during an
/// invalidation is handed to the requests that were waiting for it but never cached.
public actor FeedCache {
    /// Identifies one render: the same key renders again after an invalidation.
    private struct RenderID: Hashable {
        let key: String
        let generation: UInt64
    }

    /// False only to measure or troubleshoot rendering: every request then renders afresh.
    private let isEnabled: Bool
    private var generation: UInt64 = 0
    private var entries: [String: CachedFeed] = [:]
    private var waiters: [RenderID: [CheckedContinuation<CachedFeed?, any Error>]] = [:]

    /// Creates an empty cache; `isEnabled: false` makes one that never keeps a render.
    public init(isEnabled: Bool = true) {
        self.isEnabled = isEnabled
    }

    /// Forgets every rendered feed; the next request for each renders it again.
    public func invalidateAll() {
        generation &+= 1
        entries.removeAll(keepingCapacity: true)
    }

    /// Forgets every rendered feed like ``invalidateAll()``, but renders the public feed afresh
    /// first and keeps it: until that render is ready, requests are answered from the cache as
    /// it was. Every subscriber polls the public feed, so a change that touches everything (a
    /// reload) never leaves them all waiting behind one cold render. When the render fails, or
    /// the cache was invalidated meanwhile, nothing is kept.
    public func invalidateAllRenewingPublicFeed(from provider: some FeedProvider) async {
        let started = generation
        var fresh: (key: String, feed: CachedFeed)?
        if isEnabled, let key = try? await provider.feedKey(forName: FeedKind.publicName),
            let feed = try? await Self.render(key: key, from: provider)
        {
            fresh = (key, feed)
        }
        let unchanged = generation == started
        invalidateAll()
        if unchanged, let fresh {
            entries[fresh.key] = fresh.feed
        }
    }

    /// The feed for `key`, rendered by `provider` on a miss; nil if the provider has no such feed.
    func feed(forKey key: String, from provider: some FeedProvider) async throws -> CachedFeed? {
        if let entry = entries[key] {
            return entry
        }
        let id = RenderID(key: key, generation: generation)
        if waiters[id] != nil {
            return try await withCheckedThrowingContinuation { continuation in
                waiters[id, default: []].append(continuation)
            }
        }
        waiters[id] = []
        let result: Result<CachedFeed?, any Error>
        do {
            result = .success(try await Self.render(key: key, from: provider))
        } catch {
            result = .failure(error)
        }
        if isEnabled, case .success(let entry?) = result, id.generation == generation {
            entries[key] = entry
        }
        for waiter in waiters.removeValue(forKey: id) ?? [] {
            waiter.resume(with: result)
        }
        return try result.get()
    }

    /// Renders the feed for `key` and prepares both representations, hashing and compressing
    /// on `NIOThreadPool`: CPU work of the feed's size, kept off Swift's cooperative pool.
    private static func render(key: String, from provider: some FeedProvider) async throws -> CachedFeed? {
        guard let document = try await provider.renderFeed(key: key) else {
            return nil
        }
        return try await NIOThreadPool.singleton.runIfActive { try CachedFeed(document: document) }
    }
}
