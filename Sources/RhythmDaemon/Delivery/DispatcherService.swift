import Foundation
import Logging
import NIOPosix
import RhythmConfig
import RhythmCore
import RhythmDelivery
import RhythmStore
import ServiceLifecycle

/// The daemon's planner and dispatcher: keeps the outbox filled for the coming days and
/// sends each entry when it falls due.
///
/// It sleeps until the next entry is due and wakes early when `wakeup` is signalled (an API
/// write, a write by the command line that ``StoreChangeService`` noticed, a reload,
/// shutdown): no work while nothing is due. The sleep is capped at `longestSleep`, so a jump
/// of the wall clock (NTP, a suspended machine) is noticed within minutes; since each entry
/// is sent once by key, a jump can make a reminder late or, after its usefulness, skipped,
/// but never repeated or silently lost.
///
/// On graceful shutdown, and when its task is cancelled (another service of the group
/// failed), it stops claiming, lets the sends in flight finish and record their outcome, and
/// returns.
struct DispatcherService: Service {
    /// The longest the dispatcher sleeps without looking at the clock and the store.
    static let longestSleep: TimeInterval = 300
    /// How often the outbox is re-planned when nothing else changed.
    static let replanInterval: TimeInterval = OutboxPlanner.horizon / 2

    let current: CurrentConfiguration
    let store: AppDatabase
    let databasePath: String
    let wakeup: Wakeup
    let health: DispatcherHealth
    let metrics: RhythmMetrics
    let notifier: SystemdNotifier
    let secrets: SecretResolver
    let logger: Logger

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await dispatchUntilShutdown()
        } onGracefulShutdown: {
            wakeup.signal()
        }
    }

    private func dispatchUntilShutdown() async throws {
        guard let lock = try await acquireLock() else { return }
        defer { withExtendedLifetime(lock) {} }
        let recovered = try store.recoverAbandoned(now: Date())
        if recovered > 0 {
            logger.warning(
                "retrying reminders a stopped dispatcher left unfinished, with their original message ids",
                metadata: ["outbox.recovered": "\(recovered)"])
        }
        let pool = NIOThreadPool(numberOfThreads: 8)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        defer { transport.shutdown() }
        var planned: PlanMark?
        var announcedGeneration = 0
        // Like the listening address, where links point takes effect only after a restart.
        let service = current.snapshot.configuration.service
        while !Task.shouldStopService {
            let snapshot = current.snapshot
            let channels = DeliveryChannels(
                initiative: snapshot.configuration.initiative, transport: transport,
                maildirRoot: URL(fileURLWithPath: databasePath).deletingLastPathComponent().path, secrets: secrets,
                logger: logger)
            if announcedGeneration != snapshot.generation {
                channels.announce()
                announcedGeneration = snapshot.generation
            }
            let wake: Date
            do {
                let sequences = try store.publicationStates().mapValues(\.sequence)
                // Planning for thousands of series takes a while: on the pool, it holds up no
                // task (the service's tasks share NIO's event loops, see ServiceExecutor).
                let mark = try await pool.runIfActive { [planned] in
                    try planIfNeeded(snapshot, sequences: sequences, since: planned)
                }
                planned = mark
                wake = try await pass(
                    snapshot: snapshot, service: service, channels: channels, sequences: sequences, plannedAt: mark.at)
            } catch {
                // The database may be busy, full or unreadable: log, keep running, try again soon.
                logger.error(
                    "the dispatcher failed; trying again in 30 seconds",
                    metadata: ["error": "\(String(describing: error))"])
                health.ended(at: Date())
                wake = Date() + 30
            }
            let delay = max(0, wake.timeIntervalSince(Date()))
            await wakeup.wait(until: .now + .milliseconds(Int64(delay * 1000)))
        }
        try await pool.shutdownGracefully()
    }

    /// What the last planning run was based on: a new configuration, a change to the actions,
    /// items or indicator values, or the passing of `replanInterval` calls for another.
    private struct PlanMark {
        let generation: Int
        let changeCounter: Int64
        let at: Date
    }

    /// Plans the outbox again when something it depends on changed since `last`.
    private func planIfNeeded(
        _ snapshot: CurrentConfiguration.Snapshot, sequences: [String: Int], since last: PlanMark?
    ) throws(StoreError) -> PlanMark {
        let now = Date()
        let counter = try store.changeCounter()
        if let last, last.generation == snapshot.generation, last.changeCounter == counter,
            now.timeIntervalSince(last.at) < Self.replanInterval
        {
            return last
        }
        let summary = try OutboxPlanner(initiative: snapshot.configuration.initiative, store: store).run(
            sequences: sequences, now: now)
        if summary.reminders + summary.invitations > 0 {
            logger.info(
                "planned reminders",
                metadata: [
                    "outbox.new_reminders": "\(summary.reminders)", "outbox.new_invitations": "\(summary.invitations)",
                ])
        }
        return PlanMark(generation: snapshot.generation, changeCounter: counter, at: now)
    }

    /// Sends what is due and returns when to wake up next.
    private func pass(
        snapshot: CurrentConfiguration.Snapshot, service: ServiceSettings, channels: DeliveryChannels,
        sequences: [String: Int], plannedAt: Date
    ) async throws -> Date {
        let dispatcher = Dispatcher(
            initiative: snapshot.configuration.initiative, settings: snapshot.configuration.feeds,
            service: service, store: store,
            channels: channels, agendas: AgendaService(store: store, renderer: snapshot.renderer), health: health,
            metrics: metrics, logger: logger)
        metrics.recordPass()
        health.began(at: Date())
        let summary = try await dispatcher.dispatchDue(sequences: sequences)
        health.ended(at: Date())
        let after = Date()
        try metrics.refreshOutbox(from: store, now: after)
        let nextDue = try store.nextDueInstant()
        let nextPlan = plannedAt + Self.replanInterval
        let wake = min(nextDue ?? .distantFuture, nextPlan, after + Self.longestSleep)
        metrics.recordNextWakeup(wake)
        notifier.status(Self.status(summary, nextDue: nextDue))
        if summary.sent + summary.dead + summary.held + summary.retrying + summary.withdrawn + summary.bouncing > 0 {
            logger.info(
                "dispatched",
                metadata: [
                    "outbox.sent": "\(summary.sent)", "outbox.retrying": "\(summary.retrying)",
                    "outbox.dead": "\(summary.dead)", "outbox.held": "\(summary.held)",
                    "outbox.withdrawn": "\(summary.withdrawn)", "outbox.bouncing": "\(summary.bouncing)",
                ])
        }
        return wake
    }

    /// Takes the dispatch lock, waiting while a `rhythm dispatch --once` run holds it; nil
    /// when the service stops or is cancelled first.
    private func acquireLock() async throws -> DispatchLock? {
        var warned = false
        while !Task.shouldStopService {
            if let lock = try DispatchLock.acquire(forDatabaseAt: databasePath) { return lock }
            if !warned {
                logger.warning("another dispatcher holds the lock; waiting for it to finish")
                warned = true
            }
            await wakeup.wait(until: .now + .seconds(5))
        }
        return nil
    }

    /// The line `systemctl status rhythm` shows.
    static func status(_ summary: Dispatcher.Summary, nextDue: Date?) -> String {
        let next = nextDue.map { "next reminder due \($0.formatted(.iso8601))" } ?? "no reminder pending"
        return "Serving feeds; last pass sent \(summary.sent), \(summary.retrying) to retry; \(next)"
    }
}
