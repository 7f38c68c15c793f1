import Foundation
import NIOPosix
import RhythmCore
import RhythmFeeds
import RhythmServer
import RhythmStore
import Synchronization

/// Serves the feeds of the current configuration to the HTTP server.
///
/// The public feed is always there; a private feed is found by hashing the presented token
/// and looking it up in the store on every request, so a revoked token stops working at
/// once. Rendering is the server's cache's business; this type only says which feed a name
/// means and renders it.
public final class FeedService: FeedProvider {
    /// What the cached feeds were rendered from, besides the configuration: the store's
    /// change counter (another process, such as the command line, may have written) and
    /// the hour (a meeting that has passed hands "next meeting" to the one after).
    private struct Freshness: Equatable {
        var changeCounter: Int64
        var hour: Int
    }

    private let store: AppDatabase
    private let cache: FeedCache
    private let catalog: Mutex<FeedCatalog>
    private let freshness = Mutex<(checkedAt: Date, state: Freshness)?>(nil)

    public init(catalog: FeedCatalog, store: AppDatabase, cache: FeedCache) {
        self.store = store
        self.cache = cache
        self.catalog = Mutex(catalog)
    }

    /// The initiative of the configuration being served; it changes on a reload.
    public var initiative: Initiative {
        catalog.withLock { $0 }.initiative
    }

    /// Serves `catalog` from now on; the caller invalidates the server's cache.
    public func replace(with catalog: FeedCatalog) {
        self.catalog.withLock { $0 = catalog }
    }

    public func feedKey(forName name: String) async throws -> String? {
        try await dropStaleFeeds(now: Date())
        if name == "public" { return name }
        let store = self.store
        // SQLite calls block, so they run on NIO's thread pool, not on Swift's cooperative pool.
        let subject = try await NIOThreadPool.singleton.runIfActive {
            try store.feedSubject(forToken: name, now: Date())
        }
        guard let subject, FeedAudience(subject).exists(in: catalog.withLock({ $0 }).initiative) else { return nil }
        return subject.description
    }

    public func renderFeed(key: String) async throws -> FeedDocument? {
        guard let audience = FeedAudience(parsing: key),
            let rendered = catalog.withLock({ $0 }).render(audience, now: Date())
        else { return nil }
        return FeedDocument(body: [UInt8](rendered.body), lastModified: rendered.lastModified)
    }

    /// Drops every cached feed when the store or the hour changed since they were rendered.
    /// Checked at most once a second, so a burst of polls costs one small query.
    private func dropStaleFeeds(now: Date) async throws {
        if let last = freshness.withLock({ $0 }), now.timeIntervalSince(last.checkedAt) < 1 { return }
        let store = self.store
        let counter = try await NIOThreadPool.singleton.runIfActive { try store.changeCounter() }
        let current = Freshness(changeCounter: counter, hour: Int(now.timeIntervalSince1970 / 3600))
        let isStale = freshness.withLock { last in
            defer { last = (now, current) }
            return last.map { $0.state != current } ?? false
        }
        if isStale {
            await cache.invalidateAll()
        }
    }
}
