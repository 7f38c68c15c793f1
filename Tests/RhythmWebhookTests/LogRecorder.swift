import Logging
import Synchronization

/// Collects every log line, message and metadata, at trace level, so tests can look for secrets.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at trace level whose lines land here.
    var logger: Logger {
        var logger = Logger(label: "rhythm.webhook-tests") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Every line so far, one per log event.
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    /// How many lines were logged.
    var count: Int { lines.withLock { $0.count } }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let error = event.error.map { " error: \($0)" } ?? ""
            recorder.append("\(event.level) \(event.message) \(all)\(error)")
        }
    }
}
