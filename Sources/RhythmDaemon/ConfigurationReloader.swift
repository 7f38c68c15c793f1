import Foundation
import Logging
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmServer
import RhythmStore
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration and the agenda templates on SIGHUP: validates them first, and
/// only when they are clean publishes them, drops every cached feed and wakes the dispatcher
/// to re-plan reminders. A bad file is logged with all its errors while the service keeps
/// running on the last good configuration. systemd hears `RELOADING=1`, then `READY=1`.
struct ConfigurationReloader: Service {
    let path: String
    let store: AppDatabase
    /// Publishes the new file with the live changes laid over it.
    let liveChanges: LiveChangePublisher
    let cache: FeedCache
    let settings: ServiceSettings
    /// Signalled after a reload: the dispatcher's and the inbox reader's.
    let wakeups: [Wakeup]
    let notifier: SystemdNotifier
    let metrics: RhythmMetrics
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            notifier.notify("RELOADING=1", "STATUS=Reloading the configuration")
            let reloaded = await reload()
            notifier.notify(
                "READY=1",
                reloaded
                    ? "STATUS=Configuration reloaded"
                    : "STATUS=Reload refused: the configuration has errors (see the log)")
        }
    }

    /// Returns whether the new configuration is now in use.
    private func reload() async -> Bool {
        logger.info("Reloading the configuration", metadata: ["config.path": "\(path)"])
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader.readingSecrets().load(path: path)
        } catch {
            for diagnostic in error.diagnostics {
                logger.error("\(diagnostic.description)")
            }
            logger.error(
                "The configuration has errors; still running on the last good one",
                metadata: ["config.path": "\(path)", "error.code": "\(error.code)"])
            return false
        }
        let renderer: AgendaRenderer
        do {
            renderer = try AgendaRenderer(directory: AgendaRenderer.defaultDirectory(forConfigurationAt: path))
        } catch {
            logger.error("\(error.description)")
            logger.error(
                "An agenda template has errors; still running on the last good configuration",
                metadata: ["error.code": "\(error.code)"])
            return false
        }
        do {
            try liveChanges.replaceFile(with: loaded, renderer: renderer)
            await cache.invalidateAll()
            metrics.recordReload(at: Date())
            // The fix for a held mailbox (a new password, a trusted CA) may be in this reload.
            let released = try store.releaseHeldInboxes(now: Date())
            if !released.isEmpty {
                logger.info("reading held organiser mailboxes again", metadata: ["inbox.channels": "\(released)"])
            }
            for wakeup in wakeups { wakeup.signal() }
        } catch {
            logger.error(
                "Could not record the new configuration's series; still running on the last good one",
                metadata: ["error.code": "\(error.code)", "error": "\(error.description)"])
            return false
        }
        if loaded.service != settings {
            logger.warning(
                """
                service.listen, service.public_url, service.database and service.answer_links take effect only \
                after a restart
                """)
        }
        for warning in loaded.warnings {
            logger.warning("\(warning.description)")
        }
        logger.info("Configuration reloaded", metadata: ["series": "\(loaded.initiative.series.count)"])
        return true
    }
}
