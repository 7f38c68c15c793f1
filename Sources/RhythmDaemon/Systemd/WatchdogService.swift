import Foundation
import ServiceLifecycle
import Synchronization

/// Pings systemd's watchdog (`WATCHDOG=1`) at half the interval systemd asked for
/// (`$WATCHDOG_USEC`), but only while the dispatcher makes progress, so that a dispatcher
/// stuck for good gets the service restarted. Does nothing when systemd set no watchdog, or
/// set it for another process (`$WATCHDOG_PID`).
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration?
    let health: DispatcherHealth

    init(
        notifier: SystemdNotifier, health: DispatcherHealth,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.notifier = notifier
        self.health = health
        let microseconds = environment["WATCHDOG_USEC"].flatMap(Int.init) ?? 0
        let pid = environment["WATCHDOG_PID"].flatMap(Int32.init)
        interval = microseconds > 0 && (pid == nil || pid == getpid()) ? .microseconds(microseconds / 2) : nil
    }

    func run() async throws {
        guard let interval, notifier.isEnabled else {
            try await gracefulShutdown()
            return
        }
        while !Task.shouldStopService {
            if health.isHealthy(now: Date()) {
                notifier.notify("WATCHDOG=1")
            }
            try? await EventLoopTimer.sleep(for: interval)
        }
    }
}

/// Whether the dispatcher is getting on with its work: a pass that has made no progress
/// (no entry finished) for longer than `stallLimit` means it is stuck.
public final class DispatcherHealth: Sendable {
    /// Longer than the worst case of one send (connect, transfer and the QUIT after an error,
    /// each bounded by the transport's timeouts), with room to spare.
    public static let stallLimit: TimeInterval = 180

    private let state = Mutex<(busySince: Date?, lastProgress: Date)>((nil, Date()))

    public init() {}

    /// A pass begins.
    func began(at date: Date) {
        state.withLock { $0 = (date, date) }
    }

    /// An entry of the pass finished.
    func progressed(at date: Date) {
        state.withLock { $0.lastProgress = date }
    }

    /// The pass ended; the dispatcher sleeps.
    func ended(at date: Date) {
        state.withLock { $0 = (nil, date) }
    }

    /// True while idle, or busy and progressing.
    public func isHealthy(now: Date) -> Bool {
        state.withLock { state in
            state.busySince == nil || now.timeIntervalSince(state.lastProgress) < Self.stallLimit
        }
    }
}

/// Tells systemd `STOPPING=1` as soon as a graceful shutdown begins. Last in the service
/// group, so it is the first to hear of the shutdown, while the others finish their work.
struct StoppingAnnouncer: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        try await gracefulShutdown()
        notifier.notify("STOPPING=1", "STATUS=Stopping: finishing the sends in flight")
    }
}
