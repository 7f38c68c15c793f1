import Foundation
import Hummingbird
import Logging
import NIOPosix
import RhythmAPI
import RhythmAgenda
import RhythmAnswers
import RhythmConfig
import RhythmConsole
import RhythmCore
import RhythmDelivery
import RhythmServer
import RhythmStore
import ServiceLifecycle
import UnixSignals

/// The long-running Rhythm service: one process, several services in one `ServiceGroup`.
///
/// - the HTTP server: feeds, agenda pages, the JSON API, the answer pages (`/a/`, `/me/`),
///   the backbone's console (`/console`), the chat buttons' endpoints (`/chat/`), `/healthz`,
///   `/readyz`, `/metrics`;
/// - the dispatcher, which plans reminders and invitations and sends each when it falls due;
/// - the reloader (SIGHUP), the watch on the database that tells of the command line's
///   writes and, under systemd, the watchdog.
///
/// It publishes the configuration's series first (raising SEQUENCE where their meaning
/// changed), tells systemd `READY=1` once the socket listens, and on SIGTERM or SIGINT stops
/// accepting, lets the sends in flight finish, says `STOPPING=1` and returns.
public struct RhythmService: Sendable {
    public let configurationPath: String
    public let configuration: LoadedConfiguration
    public let store: AppDatabase
    /// The database file, for the dispatcher's lock and the Maildir beside it.
    public let databasePath: String
    public let logger: Logger
    /// Whether rendered feeds are kept until something changes; off only for measurements.
    public let cachesFeeds: Bool
    public let notifier: SystemdNotifier
    public let secrets: SecretResolver

    public init(
        configurationPath: String, configuration: LoadedConfiguration, store: AppDatabase, databasePath: String,
        logger: Logger, cachesFeeds: Bool = true, notifier: SystemdNotifier = SystemdNotifier(),
        secrets: SecretResolver = SecretResolver()
    ) {
        self.configurationPath = configurationPath
        self.configuration = configuration
        self.store = store
        self.databasePath = databasePath
        self.logger = logger
        self.cachesFeeds = cachesFeeds
        self.notifier = notifier
        self.secrets = secrets
    }

    /// Runs until a shutdown signal arrives. Refuses to start on a damaged database (a
    /// ``StoreError`` with the code `damaged-database`), which would only fail write after write.
    /// When the server cannot listen, logs why at error level and throws the ``ListenError``
    /// once the other services have stopped, without ever telling systemd `READY=1`.
    public func run() async throws {
        try store.checkIntegrity()
        // Before anything reads the store: what the command line writes from here on is news.
        let counterAtStart = try? store.changeCounter()
        let now = Date()
        // The live changes (cancelled, moved and extra meetings) lie over the file everywhere.
        let layered = try LayeredConfiguration(file: configuration, store: store)
        let catalog = try FeedCatalog.publish(layered.configuration, store: store, now: now)
        let renderer = try AgendaRenderer(
            directory: AgendaRenderer.defaultDirectory(forConfigurationAt: configurationPath))
        let current = CurrentConfiguration(configuration: layered.configuration, renderer: renderer, loadedAt: now)
        let cache = FeedCache(isEnabled: cachesFeeds)
        let feeds = FeedService(
            catalog: catalog, agendas: AgendaService(store: store, renderer: renderer), store: store, cache: cache)
        let settings = configuration.service
        let wakeup = Wakeup()
        let liveChanges = LiveChangePublisher(
            file: configuration, store: store, feeds: feeds, cache: cache, current: current, wakeup: wakeup)
        let inboxWakeup = Wakeup()
        let metrics = RhythmMetrics()
        metrics.recordReload(at: now)
        let health = DispatcherHealth()
        let readiness = Readiness(store: store, current: current, databasePath: databasePath, secrets: secrets)
        // A write through the API or an answer page may change what any feed, agenda or
        // reminder shows (a closed action's pending reminders go at the dispatcher's re-plan).
        let changed: @Sendable () async -> Void = {
            await cache.invalidateAll()
            wakeup.signal()
        }
        let api = APIRoutes(
            store: store, initiative: { feeds.initiative }, onChange: changed,
            liveChanges: LiveChangeHooks(
                fileInitiative: { liveChanges.fileInitiative }, onLiveChange: { try await liveChanges.republish() }),
            logger: logger)
        let answers = AnswerRoutes(
            store: store, initiative: { feeds.initiative }, settings: settings,
            pages: try AnswerPages(directory: AnswerPages.defaultDirectory(forConfigurationAt: configurationPath)),
            onChange: changed, logger: logger)
        // A sign-in link asked for on the console's page goes out at once.
        let console = ConsoleRoutes(
            store: store, initiative: { feeds.initiative }, settings: settings, wakeDispatcher: { wakeup.signal() },
            logger: logger)
        let consolePages = ConsoleOverviewRoutes(
            store: store, initiative: { feeds.initiative }, fileInitiative: { liveChanges.fileInitiative },
            onLiveChange: { try await liveChanges.republish() })
        // One meeting's page: its live changes take effect at once, like the API's.
        let meetingPages = ConsoleMeetingPages(
            store: store, initiative: { feeds.initiative }, fileInitiative: { liveChanges.fileInitiative },
            republish: { try await liveChanges.republish() }, onAgendaChange: changed)
        // Slack's post updates go out through libcurl like every other outbound call.
        let chatTransport = CurlTransport(threadPool: .singleton, logger: logger)
        defer { chatTransport.shutdown() }
        let chat = ChatRoutes(
            store: store, initiative: { feeds.initiative }, settings: settings, secrets: secrets,
            transport: chatTransport, onChange: changed, logger: logger)
        let notifier = self.notifier
        let logger = self.logger
        let application = buildApplication(
            configuration: ServerConfiguration(host: settings.listenHost, port: settings.listenPort),
            feeds: feeds,
            cache: cache,
            logger: logger,
            observer: metrics,
            onServerRunning: {
                logger.info("Listening", metadata: ["http.address": "\(settings.listenHost):\(settings.listenPort)"])
                notifier.notify("READY=1", "STATUS=Serving feeds on \(settings.listenHost):\(settings.listenPort)")
            },
            addRoutes: { router in
                api.register(on: router)
                answers.register(on: router)
                console.register(on: router) { signedIn in
                    consolePages.register(on: signedIn)
                    meetingPages.register(on: signedIn)
                    // The published minutes read as in the e-mail, through the templates of the moment.
                    ConsoleMinutesPages(
                        console: console, renderMinutes: { current.snapshot.renderer.render($0, format: .html) }
                    ).register(on: signedIn)
                }
                chat.register(on: router)
                AgendaPageController(pages: feeds).addRoutes(to: router)
                ObservabilityController(readiness: readiness, metrics: metrics).addRoutes(to: router)
            }
        )
        let reloader = ConfigurationReloader(
            path: configurationPath, store: store, liveChanges: liveChanges, settings: settings,
            wakeups: [wakeup, inboxWakeup], notifier: notifier, metrics: metrics, logger: logger)
        let inbox = InboxService(
            current: current, store: store, databasePath: databasePath, wakeup: inboxWakeup, secrets: secrets,
            logger: logger)
        let dispatcher = DispatcherService(
            current: current, store: store, databasePath: databasePath, wakeup: wakeup, health: health,
            metrics: metrics, notifier: notifier, secrets: secrets, logger: logger)
        // What the command line writes meanwhile reaches the feeds and the dispatcher at once.
        let storeChanges = StoreChangeService(
            store: store, databasePath: databasePath, counterAtStart: counterAtStart, onChange: changed,
            logger: logger)
        let watchdog = WatchdogService(notifier: notifier, health: health)
        logger.info(
            "Publishing calendar feeds",
            metadata: [
                "initiative": "\(configuration.initiative.name)",
                "feed.public": "\(settings.baseURL)/feeds/public.ics",
            ]
        )
        for problem in readiness.problems() {
            logger.warning("not ready: \(problem)")
        }
        var groupConfiguration = ServiceGroupConfiguration(
            // Stopped in reverse: first the server stops accepting, the dispatcher finishes
            // its sends, and the watchdog keeps pinging until then. Each has a name for the
            // group's log lines, which would otherwise print the whole service value.
            services: [
                .init(service: watchdog, serviceName: "watchdog"),
                .init(service: dispatcher, serviceName: "dispatcher"),
                .init(service: inbox, serviceName: "inbox"),
                .init(service: reloader, serviceName: "reloader"),
                .init(service: storeChanges, serviceName: "store-changes"),
                .init(
                    service: HTTPServerService(
                        application: application, host: settings.listenHost, port: settings.listenPort),
                    serviceName: "http-server"),
                .init(service: StoppingAnnouncer(notifier: notifier), serviceName: "stopping-announcer"),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        // Every service ends when cancelled (one of them failed); should one ever not, the
        // process still ends instead of running on without serving. Longer than a send in flight.
        groupConfiguration.maximumCancellationDuration = .seconds(DispatcherHealth.stallLimit)
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await group.run()
        } catch let error as ListenError {
            logger.error("\(error.description)", metadata: ["error.code": "\(error.code)"])
            throw error
        }
    }
}
