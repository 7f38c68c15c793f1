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
    /// Makes NIO's singleton event loops Swift Concurrency's global executor. Call it once,
    /// from the main thread, before the first task is started; the hook NIO installs changes
    /// where jobs run, not what they do. Returns false where the runtime offers no hook, in
    /// which case tasks run on libdispatch as before.
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
