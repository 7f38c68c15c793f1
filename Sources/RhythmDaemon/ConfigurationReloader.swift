import Foundation
import Logging
import NIOPosix
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmServer
import RhythmStore
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration and the agenda templates on SIGHUP: validates them first, and
/// only when they are clean publishes them, renews the cached feeds and wakes the dispatcher
/// to re-plan reminders. A bad file is logged with all its errors while the service keeps
/// running on the last good configuration. systemd hears `RELOADING=1`, then `READY=1`.
struct ConfigurationReloader: Service {
    let path: String
    let store: AppDatabase
    /// Publishes the new file with the live changes laid over it.
    let liveChanges: LiveChangePublisher
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
    ///
    /// Reading, checking and publishing a large file takes a noticeable fraction of a second,
    /// and so does the database work; both run on `NIOThreadPool`, so that neither the event
    /// loops nor Swift's cooperative pool are held while the feeds go on being served from the
    /// last good configuration.
    private func reload() async -> Bool {
        logger.info("Reloading the configuration", metadata: ["config.path": "\(path)"])
        let started = ContinuousClock.now
        do {
            guard let loaded = try await NIOThreadPool.singleton.runIfActive({ try publishNewFile() }) else {
                return false
            }
            await liveChanges.refreshCachedFeeds()
            metrics.recordReload(at: Date())
            // The fix for a held mailbox (a new password, a trusted CA) may be in this reload.
            let released = try await NIOThreadPool.singleton.runIfActive { try store.releaseHeldInboxes(now: Date()) }
            if !released.isEmpty {
                logger.info("reading held organiser mailboxes again", metadata: ["inbox.channels": "\(released)"])
            }
            for wakeup in wakeups { wakeup.signal() }
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
            logger.info(
                "Configuration reloaded",
                metadata: [
                    "series": "\(loaded.initiative.series.count)",
                    "reload.seconds": "\(Self.seconds(ContinuousClock.now - started))",
                ])
            return true
        } catch let error as StoreError {
            logger.error(
                "Could not record the new configuration's series; still running on the last good one",
                metadata: ["error.code": "\(error.code)", "error": "\(error.description)"])
            return false
        } catch {
            // Only the thread pool throws otherwise, once it stops: the service is stopping.
            logger.error("Could not reload while the service is stopping", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Loads the file and the templates and, when both are clean, publishes them; nil when
    /// the service stays on the last good configuration (the reason is logged). Blocks.
    private func publishNewFile() throws(StoreError) -> LoadedConfiguration? {
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
            return nil
        }
        let renderer: AgendaRenderer
        do {
            renderer = try AgendaRenderer(directory: AgendaRenderer.defaultDirectory(forConfigurationAt: path))
        } catch {
            logger.error("\(error.description)")
            logger.error(
                "An agenda template has errors; still running on the last good configuration",
                metadata: ["error.code": "\(error.code)"])
            return nil
        }
        try liveChanges.replaceFile(with: loaded, renderer: renderer)
        return loaded
    }

    /// A duration as seconds with millisecond precision, for the log.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
