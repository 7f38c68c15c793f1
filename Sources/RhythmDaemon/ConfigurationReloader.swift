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
/// only when they are clean publishes them and drops every cached feed. A bad file is logged with all its errors
/// while the service keeps running on the last good configuration.
struct ConfigurationReloader: Service {
    let path: String
    let store: AppDatabase
    let feeds: FeedService
    let cache: FeedCache
    let current: ServiceSettings
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            await reload()
        }
    }

    private func reload() async {
        logger.info("Reloading the configuration", metadata: ["config.path": "\(path)"])
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader().load(path: path)
        } catch {
            for diagnostic in error.diagnostics {
                logger.error("\(diagnostic.description)")
            }
            logger.error(
                "The configuration has errors; still running on the last good one",
                metadata: ["config.path": "\(path)", "error.code": "\(error.code)"])
            return
        }
        let renderer: AgendaRenderer
        do {
            renderer = try AgendaRenderer(directory: AgendaRenderer.defaultDirectory(forConfigurationAt: path))
        } catch {
            logger.error("\(error.description)")
            logger.error(
                "An agenda template has errors; still running on the last good configuration",
                metadata: ["error.code": "\(error.code)"])
            return
        }
        do {
            let catalog = try FeedCatalog.publish(loaded, store: store, now: Date())
            feeds.replace(with: catalog, agendas: AgendaService(store: store, renderer: renderer))
            await cache.invalidateAll()
        } catch {
            logger.error(
                "Could not record the new configuration's series; still running on the last good one",
                metadata: ["error.code": "\(error.code)", "error": "\(error.description)"])
            return
        }
        if loaded.service != current {
            logger.warning("service.listen and service.public_url take effect only after a restart")
        }
        for warning in loaded.warnings {
            logger.warning("\(warning.description)")
        }
        logger.info("Configuration reloaded", metadata: ["series": "\(loaded.initiative.series.count)"])
    }
}
