import Synchronization

/// Wakes a sleeping dispatcher early: when an action is saved through the API, the
/// configuration is reloaded, or the service is stopping. Signals while nobody sleeps are
/// remembered (one is enough), so a change made during a pass is not missed.
public final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes the sleeper, or the next one to sleep.
    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at `deadline` or at the first signal, whichever comes first; at once when a
    /// signal is pending. Only one task waits at a time.
    func wait(until deadline: ContinuousClock.Instant) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask {
                try? await EventLoopTimer.sleep(until: deadline)
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns at the first signal, or when the task is cancelled; at once when a signal is
    /// pending. No timer is armed, so a task that waits only here sleeps until woken.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
