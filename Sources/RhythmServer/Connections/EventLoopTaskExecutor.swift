import NIOCore

/// Runs a task on one NIO event loop: preferred by each connection's task, so that a request
/// is read, answered and written on the thread that owns the connection.
///
/// Hummingbird reads requests and writes responses on the channel's event loop and, left to
/// itself, runs everything between (middlewares, routing, handlers) on Swift's cooperative
/// pool: each request then crosses threads twice and wakes a sleeping thread each way, which
/// on a small machine costs more than answering a poll from the feed cache. With this
/// executor preferred, the connection's task (and the actors it calls, when they are free)
/// runs on the event loop, and a response written from there goes to the socket at once.
/// Work that blocks or computes for long belongs on `NIOThreadPool`, as it did before: on the
/// event loop it would hold up every connection of that loop.
final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
