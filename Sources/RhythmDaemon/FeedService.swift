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
    private let store: AppDatabase
    private let catalog: Mutex<FeedCatalog>

    public init(catalog: FeedCatalog, store: AppDatabase) {
        self.store = store
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
}
