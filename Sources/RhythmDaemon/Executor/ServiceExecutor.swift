import CConcurrencyHook
import NIOCore
import NIOPosix

/// Where `rhythm serve` runs its tasks: on the event loops of NIO's singleton group, the
/// threads that already serve HTTP, rather than on libdispatch's global queues.
///
/// On Linux, the first task on a global queue starts libdispatch's worker-pool monitor: a
/// timer that fires every second for the rest of the process's life, so an idle service
/// would never sleep. Event loops sleep in `epoll_wait` until a socket, a timer of ours or a
/// task needs them. Blocking work still belongs on `NIOThreadPool`, as it did on the
/// cooperative pool.
public enum ServiceExecutor {
    private typealias Enqueue = @convention(thin) (UnownedJob) -> Void
    private typealias EnqueueHook = @convention(thin) (UnownedJob, Enqueue) -> Void

    /// Makes NIO's singleton event loops Swift Concurrency's global executor, through the
    /// runtime's enqueue hook. Call it once, from the main thread, before the first task is
    /// started: the hook changes where jobs run, not what they do. A job started on an event
    /// loop of the group stays on that loop.
    public static func install() {
        let hook: EnqueueHook = { job, _ in
            MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(ExecutorJob(job))
        }
        withUnsafeTemporaryAllocation(of: EnqueueHook.self, capacity: 1) { buffer in
            buffer.initialize(repeating: hook)
            buffer.withMemoryRebound(to: UnsafeRawPointer.self) { rhythm_set_enqueue_global_hook($0[0]) }
        }
    }
}
