import Foundation
import Logging
import NIOPosix
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmDelivery
import RhythmStore

/// One complete dispatcher run, as `rhythm dispatch --once` does it: recover what a crash
/// left `sending`, publish the series (so invitations follow their SEQUENCE), plan what is
/// due, send it, and report.
public struct DispatchRun: Sendable {
    /// What the run did.
    public struct Report: Hashable, Sendable {
        /// Entries a crashed dispatcher had left `sending`, now retried.
        public var recovered: Int
        public var planned: OutboxPlanner.Summary
        public var dispatched: Dispatcher.Summary
        /// Entries found due but no longer useful, recorded as skipped.
        public var skipped: Int
        /// When the next entry falls due, if any.
        public var nextDue: Date?
        /// The Maildirs e-mail went to, by channel id, for channels with no SMTP server.
        public var maildirs: [String: String]
    }

    public let configuration: LoadedConfiguration
    public let configurationPath: String
    public let store: AppDatabase
    /// Where relative Maildir paths start: the database's directory, which is systemd's
    /// state directory in production.
    public let stateDirectory: String
    public let secrets: SecretResolver
    public let logger: Logger

    public init(
        configuration: LoadedConfiguration, configurationPath: String, store: AppDatabase, stateDirectory: String,
        secrets: SecretResolver = SecretResolver(), logger: Logger
    ) {
        self.configuration = configuration
        self.configurationPath = configurationPath
        self.store = store
        self.stateDirectory = stateDirectory
        self.secrets = secrets
        self.logger = logger
    }

    /// Runs once. The caller must hold the `DispatchLock`.
    public func run() async throws -> Report {
        let initiative = configuration.initiative
        let now = Date()
        let recovered = try store.recoverAbandoned(now: now)
        if recovered > 0 {
            logger.warning(
                "retrying reminders a stopped dispatcher left unfinished, with their original message ids",
                metadata: ["outbox.recovered": "\(recovered)"])
        }
        let catalog = try FeedCatalog.publish(configuration, store: store, now: now)
        let sequences = catalog.sequences
        let planned = try OutboxPlanner(initiative: initiative, store: store).run(sequences: sequences, now: now)
        let skippedBefore = try store.outboxCounts()[.skipped] ?? 0
        let renderer = try AgendaRenderer(
            directory: AgendaRenderer.defaultDirectory(forConfigurationAt: configurationPath))
        let pool = NIOThreadPool(numberOfThreads: max(2, min(16, initiative.channels.count * 4)))
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        let channels = DeliveryChannels(
            initiative: initiative, transport: transport, maildirRoot: stateDirectory, secrets: secrets,
            logger: logger)
        channels.announce()
        let dispatcher = Dispatcher(
            initiative: initiative, settings: configuration.feeds, service: configuration.service, store: store,
            channels: channels,
            agendas: AgendaService(store: store, renderer: renderer), logger: logger)
        let dispatched: Dispatcher.Summary
        do {
            dispatched = try await dispatcher.dispatchDue(sequences: sequences)
        } catch {
            transport.shutdown()
            try? await pool.shutdownGracefully()
            throw error
        }
        transport.shutdown()
        try await pool.shutdownGracefully()
        let skipped = (try store.outboxCounts()[.skipped] ?? 0) - skippedBefore - dispatched.bouncing
        return Report(
            recovered: recovered, planned: planned, dispatched: dispatched, skipped: skipped,
            nextDue: try store.nextDueInstant(),
            maildirs: Dictionary(
                uniqueKeysWithValues: initiative.channels.compactMap { channel in
                    channels.maildir(of: channel.id).map { (channel.id, $0) }
                }))
    }
}
