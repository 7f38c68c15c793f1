import Synchronization

/// A one-shot gate: tasks wait until the test opens it, then pass freely.
final class Latch: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let passes = state.withLock { state in
                if state.isOpen {
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if passes {
                continuation.resume()
            }
        }
    }

    /// Closes the latch again: waits from now on block until the next ``open()``.
    func close() {
        state.withLock { $0.isOpen = false }
    }

    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }
}
