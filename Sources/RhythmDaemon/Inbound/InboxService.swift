import Foundation
import Logging
import NIOPosix
import RhythmConfig
import RhythmDelivery
import RhythmStore
import ServiceLifecycle

/// Reads each organiser mailbox every `poll_every` (libcurl has no IDLE), backing off after
/// failures and leaving a held mailbox alone until a reload releases it.
///
/// It sleeps until the next mailbox is due, at most `DispatcherService.longestSleep`, and
/// wakes early on a reload or shutdown. A mailbox released by another process (a successful
/// `rhythm inbox --once`) is noticed at the next wake-up. Each pass holds the inbox lock,
/// so a `rhythm inbox --once` never reads at the same time.
///
/// Without an organiser mailbox it sleeps until a reload or shutdown wakes it, and starts
/// no threads: nothing wakes an idle service for a reader with nothing to read.
struct InboxService: Service {
    let current: CurrentConfiguration
    let store: AppDatabase
    let databasePath: String
    let wakeup: Wakeup
    let secrets: SecretResolver
    let logger: Logger

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await readUntilShutdown()
        } onGracefulShutdown: {
            wakeup.signal()
        }
    }

    private func readUntilShutdown() async throws {
        // Started at the first read, so that a configuration without mailboxes costs no threads.
        var reader: (pool: NIOThreadPool, transport: CurlTransport)?
        var nextRead: [String: Date] = [:]
        while !Task.shouldStopService {
            let initiative = current.snapshot.configuration.initiative
            let inboxes = InboxPass.inboxes(of: initiative).map(\.channelID)
            let now = Date()
            let due = Set(inboxes.filter { channel in isDue(channel, planned: nextRead[channel], now: now) })
            if !due.isEmpty, let lock = try? DispatchLock.acquireInboxes(forDatabaseAt: databasePath) {
                defer { withExtendedLifetime(lock) {} }
                let started = reader ?? startReader()
                reader = started
                let pass = InboxPass(
                    initiative: initiative, store: store, transport: started.transport, secrets: secrets, logger: logger
                )
                do {
                    for outcome in try await pass.run(channels: due, force: false, now: now) {
                        nextRead[outcome.channelID] = outcome.nextReadAt ?? .distantFuture
                    }
                } catch {
                    // The database may be busy or full: log, keep running, try again soon.
                    logger.error(
                        "reading the organiser mailboxes failed; trying again in 30 seconds",
                        metadata: ["error": "\(error.description)"])
                    for channel in due { nextRead[channel] = now + 30 }
                }
            } else if !due.isEmpty {
                // `rhythm inbox --once` is reading them, or the lock file cannot be made: look again soon.
                for channel in due { nextRead[channel] = now + 30 }
            }
            guard !inboxes.isEmpty else {
                await wakeup.wait()
                continue
            }
            let soonest = inboxes.compactMap { nextRead[$0] }.min() ?? .distantFuture
            let wake = min(soonest, Date() + DispatcherService.longestSleep)
            await wakeup.wait(until: .now + .milliseconds(Int64(max(0, wake.timeIntervalSinceNow) * 1000)))
        }
        if let reader {
            reader.transport.shutdown()
            try await reader.pool.shutdownGracefully()
        }
    }

    /// Starts the threads the mailbox transfers block on and the transport that uses them.
    private func startReader() -> (pool: NIOThreadPool, transport: CurlTransport) {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return (pool, CurlTransport(threadPool: pool, logger: logger))
    }

    /// Whether `channel`'s mailbox should be read now: its time came, or it was waiting for an
    /// operator and the store no longer holds it (a reload or `rhythm inbox --once` released it).
    private func isDue(_ channel: String, planned: Date?, now: Date) -> Bool {
        guard let planned else { return true }
        if planned == .distantFuture {
            return (try? store.inboxState(channelID: channel)).map { !($0?.isHeld ?? false) } ?? false
        }
        return planned <= now
    }
}
