import NIOCore
import NIOPosix

/// Sleeps with the timer armed on an event loop of NIO's singleton group.
///
/// `Task.sleep` arms its timer through libdispatch and resumes on a global queue, which
/// starts libdispatch's once-a-second worker-pool monitor (see ``ServiceExecutor``). The
/// service's long sleeps (the dispatcher until the next due instant, the watchdog's ping)
/// go through here instead, so that between them the process is not woken at all.
enum EventLoopTimer {
    /// Returns at `deadline`, or throws `CancellationError` as soon as the task is
    /// cancelled.
    static func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await sleep(for: ContinuousClock.now.duration(to: deadline))
    }

    /// Returns after `duration` (at once when it is not positive), or throws
    /// `CancellationError` as soon as the task is cancelled.
    static func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let (seconds, attoseconds) = duration.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return }
        let nanoseconds =
            seconds < Int64.max / 1_000_000_000 ? seconds * 1_000_000_000 + attoseconds / 1_000_000_000 : Int64.max
        let scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(nanoseconds)) {}
        do {
            try await withTaskCancellationHandler {
                try await scheduled.futureResult.get()
            } onCancel: {
                scheduled.cancel()
            }
        } catch EventLoopError.cancelled {
            throw CancellationError()
        }
    }
}
