import Foundation
import Hummingbird
import Logging
import RhythmAPI
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmServer
import RhythmStore
import ServiceLifecycle
import UnixSignals

/// The long-running Rhythm service: for now, the HTTP server with the calendar feeds and the
/// JSON API.
///
/// It publishes the configuration's series (raising SEQUENCE where their meaning changed),
/// then serves until SIGTERM or SIGINT, when it finishes the requests in flight and stops.
/// SIGHUP reloads the configuration from `configurationPath`.
public struct RhythmService: Sendable {
    public let configurationPath: String
    public let configuration: LoadedConfiguration
    public let store: AppDatabase
    public let logger: Logger
    /// Whether rendered feeds are kept until something changes; off only for measurements.
    public let cachesFeeds: Bool

    public init(
        configurationPath: String, configuration: LoadedConfiguration, store: AppDatabase, logger: Logger,
        cachesFeeds: Bool = true
    ) {
        self.configurationPath = configurationPath
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.cachesFeeds = cachesFeeds
    }

    /// Runs until a shutdown signal arrives.
    public func run() async throws {
        let catalog = try FeedCatalog.publish(configuration, store: store, now: Date())
        let renderer = try AgendaRenderer(
            directory: AgendaRenderer.defaultDirectory(forConfigurationAt: configurationPath))
        let cache = FeedCache(isEnabled: cachesFeeds)
        let feeds = FeedService(
            catalog: catalog, agendas: AgendaService(store: store, renderer: renderer), store: store, cache: cache)
        let settings = configuration.service
        // A write through the API may change what any feed or agenda shows: drop them all.
        let api = APIRoutes(
            store: store, initiative: { feeds.initiative }, onChange: { await cache.invalidateAll() }, logger: logger)
        let application = buildApplication(
            configuration: ServerConfiguration(host: settings.listenHost, port: settings.listenPort),
            feeds: feeds,
            cache: cache,
            logger: logger,
            addRoutes: { router in
                api.register(on: router)
                AgendaPageController(pages: feeds).addRoutes(to: router)
            }
        )
        let reloader = ConfigurationReloader(
            path: configurationPath, store: store, feeds: feeds, cache: cache, current: settings, logger: logger)
        logger.info(
            "Publishing calendar feeds",
            metadata: [
                "initiative": "\(configuration.initiative.name)",
                "feed.public": "\(settings.baseURL)/feeds/public.ics",
            ]
        )
        let group = ServiceGroup(
            services: [application, reloader],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
    }
}
