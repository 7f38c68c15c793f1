import Logging
import NIOPosix
import Synchronization

@testable import RhythmDelivery

/// A thread pool for one test's transfers; shut down with `withTransport`.
func withTransport<T>(
    threads: Int = 4,
    logger: Logger = Logger(label: "test"),
    _ body: (CurlTransport) async throws -> T
) async throws -> T {
    let pool = NIOThreadPool(numberOfThreads: threads)
    pool.start()
    let transport = CurlTransport(threadPool: pool, logger: logger)
    do {
        let result = try await body(transport)
        transport.shutdown()
        try await pool.shutdownGracefully()
        return result
    } catch {
        transport.shutdown()
        try await pool.shutdownGracefully()
        throw error
    }
}

/// Collects every log line (message and metadata) so tests can look for secrets.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    init(recorder: LogRecorder) {
        self.recorder = recorder
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.lines.withLock { $0.append("\(event.message) \(all)") }
    }
}

/// A logger whose lines can be read back.
final class LogRecorder: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}
