import Logging
import Synchronization

/// Keeps every log line, message and metadata, so tests can check what was logged and what never is.
struct RecordingLogHandler: LogHandler {
    final class Store: Sendable {
        private let lines = Mutex<[String]>([])

        var all: [String] { lines.withLock { $0 } }

        func append(_ line: String) {
            lines.withLock { $0.append(line) }
        }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        store.append("\(event.level) \(event.message) \(fields.joined(separator: " "))")
    }

    /// A logger that records into `store`, without touching the global logging system.
    static func logger(_ store: Store) -> Logger {
        Logger(label: "rhythm.server.test") { _ in RecordingLogHandler(store: store) }
    }
}
