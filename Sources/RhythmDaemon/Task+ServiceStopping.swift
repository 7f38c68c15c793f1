import ServiceLifecycle

extension Task where Success == Never, Failure == Never {
    /// Whether the running service should stop: a graceful shutdown began (SIGTERM, SIGINT),
    /// or its task was cancelled, which is how the service group stops every service when one
    /// of them fails (the HTTP server that cannot listen). A loop that checked only for
    /// graceful shutdown would keep the process running, and the watchdog pinging, after such
    /// a failure.
    static var shouldStopService: Bool { isShuttingDownGracefully || isCancelled }
}
