import Foundation
import Logging
import RhythmStore
import ServiceLifecycle

/// Learns of writes to the store made by other processes (the command line) as they happen,
/// and calls `onChange` when one changed what the service shows or plans: the cached feeds
/// are dropped and the dispatcher re-plans.
///
/// A write to the database file or its WAL wakes it (``FileChangeWatch``); it then reads the
/// store's change counter once, and only a counter that moved is a change. The service's own
/// writes wake it too and usually find the counter moved as well, which only repeats what
/// their own path already did. Between writes it sleeps: no timer, no look at the store.
/// Should inotify be unavailable, it looks at the counter once a second instead and says so.
struct StoreChangeService: Service {
    /// How often the counter is read when no watch could be set up.
    static let fallbackInterval: Duration = .seconds(1)

    let store: AppDatabase
    let databasePath: String
    /// The change counter as it stood before the service first read the store. Services start
    /// together, so a write can land between that first read and the watch being set up; it is
    /// caught up with as soon as the watch is in place.
    let counterAtStart: Int64?
    let onChange: @Sendable () async -> Void
    let logger: Logger

    func run() async throws {
        let database = URL(fileURLWithPath: databasePath)
        let name = database.lastPathComponent
        let watch: FileChangeWatch
        do {
            watch = try FileChangeWatch(
                directory: database.deletingLastPathComponent().path,
                fileNames: [name, "\(name)-wal", "\(name)-journal"])
        } catch {
            logger.warning(
                "cannot watch the database for changes by other processes; looking once a second instead",
                metadata: ["error": "\(error)"])
            await lookEverySecond(since: counterAtStart)
            return
        }
        defer { watch.stop() }
        var counter = counterAtStart
        await look(since: &counter)
        for await _ in watch.changes.cancelOnGracefulShutdown() {
            await look(since: &counter)
        }
        // The watch ends early only when the kernel refuses a read; a service that returned
        // would stop the whole group, so it goes on looking instead.
        if !Task.shouldStopService {
            logger.warning("the database watch ended; looking once a second instead")
            await lookEverySecond(since: counter)
        }
    }

    private func lookEverySecond(since counterAtStart: Int64?) async {
        var counter = counterAtStart
        while !Task.shouldStopService {
            await look(since: &counter)
            try? await EventLoopTimer.sleep(for: Self.fallbackInterval)
        }
    }

    /// Reads the change counter and calls `onChange` when it moved from `counter`.
    private func look(since counter: inout Int64?) async {
        let current = changeCounter()
        guard current != counter else { return }
        counter = current
        await onChange()
    }

    /// The store's change counter; nil when it cannot be read (the next change tries again).
    /// One indexed read, as short as the dispatcher's own look at it, so it runs where it is
    /// asked rather than waiting for a turn on a thread pool busy with rendering.
    private func changeCounter() -> Int64? {
        try? store.changeCounter()
    }
}
