import Foundation
import NIOPosix
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmServer
import RhythmStore
import Synchronization

/// Makes a live change take effect at once in `rhythm serve`: lays the store's live changes
/// over the configuration file again, publishes the feed catalog (a series whose meaning
/// changed gets a higher SEQUENCE, so its feeds get a new ETag and its invitees an updated
/// REQUEST or a CANCEL), replaces the configuration snapshot (the dispatcher re-plans, which
/// withdraws the reminders of a cancelled meeting and plans those of a moved one), drops the
/// cached feeds and wakes the dispatcher.
///
/// The service calls it at start and at each reload; the JSON API and the console call
/// ``republish()`` right after they recorded a live change or restored one.
public final class LiveChangePublisher: Sendable {
    private let store: AppDatabase
    private let feeds: FeedService
    private let cache: FeedCache
    private let current: CurrentConfiguration
    private let wakeup: Wakeup
    /// The configuration file as last loaded; held while publishing, so that two
    /// publications never interleave and the later store state is always the one served.
    private let file: Mutex<LoadedConfiguration>

    init(
        file: LoadedConfiguration, store: AppDatabase, feeds: FeedService, cache: FeedCache,
        current: CurrentConfiguration, wakeup: Wakeup
    ) {
        self.file = Mutex(file)
        self.store = store
        self.feeds = feeds
        self.cache = cache
        self.current = current
        self.wakeup = wakeup
    }

    /// The configuration file's initiative, without live changes: what a new live change is
    /// checked against (``AppDatabase/makeLiveChange(_:over:actor:now:)``).
    public var fileInitiative: Initiative { file.withLock { $0.initiative } }

    /// Lays the live changes in force over the current file and publishes the result.
    public func republish() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try file.withLock { file throws(StoreError) in
                try publish(LayeredConfiguration(file: file, store: store), renderer: current.snapshot.renderer)
            }
        }
        await refreshCachedFeeds()
        wakeup.signal()
    }

    /// Drops the cached feeds after a publication, with the public feed rendered afresh
    /// before the old one is dropped.
    func refreshCachedFeeds() async {
        await cache.invalidateAllRenewingPublicFeed(from: feeds)
    }

    /// Runs on a newly loaded file from now on (a reload), with the live changes over it.
    /// The caller refreshes the cache (``refreshCachedFeeds()``) and wakes whoever needs it.
    func replaceFile(with loaded: LoadedConfiguration, renderer: AgendaRenderer) throws(StoreError) {
        try file.withLock { file throws(StoreError) in
            try publish(LayeredConfiguration(file: loaded, store: store), renderer: renderer)
            file = loaded
        }
    }

    private func publish(_ layered: LayeredConfiguration, renderer: AgendaRenderer) throws(StoreError) {
        let now = Date()
        let catalog = try FeedCatalog.publish(layered.configuration, store: store, now: now)
        feeds.replace(with: catalog, agendas: AgendaService(store: store, renderer: renderer))
        current.replace(with: layered.configuration, renderer: renderer, at: now)
    }
}
