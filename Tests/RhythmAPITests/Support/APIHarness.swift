import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RhythmAPI
import RhythmCore
import RhythmStore
import Synchronization

/// One test's world: a fresh SQLite file in a temporary directory, the test initiative, a
/// fixed clock, a count of change notifications and every log line.
final class APIHarness: Sendable {
    let directory: URL
    let store: AppDatabase
    let changes = ChangeCounter()
    let logs = LogRecorder()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-api-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var changeCount: Int { changes.count }

    var routes: APIRoutes {
        APIRoutes(
            store: store,
            initiative: { TestInitiative.make() },
            onChange: { [changes] in changes.increment() },
            now: { .testNow },
            logger: logs.logger
        )
    }

    /// The API alone on a router, as `register(on:)` mounts it.
    func application() -> some ApplicationProtocol {
        let router = Router()
        routes.register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logs.logger
        )
    }

    /// Issues a token and returns its secret.
    func token(_ scope: APIScope = .write, partner: String? = nil, name: String = "portal") throws -> String {
        try store.issueAPIToken(name: name, scope: scope, partnerID: partner, now: .testNow).token
    }
}

/// Counts the API's change notifications.
final class ChangeCounter: Sendable {
    private let value = Mutex(0)

    var count: Int { value.withLock { $0 } }

    func increment() {
        value.withLock { $0 += 1 }
    }
}

/// Keeps every log line, with its metadata, so a test can look for a leaked secret.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "rhythm.api.test") { _ in Handler(recorder: self) }
    }

    var all: [String] { lines.withLock { $0 } }

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
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append("\(event.level) \(event.message) \(merged)")
        }
    }
}

extension APIHarness {
    /// Revokes an issued token, as `rhythm api-token revoke` would.
    func revoke(_ issued: IssuedAPIToken) throws {
        _ = try store.revokeAPIToken(publicID: issued.record.publicID, now: .testNow)
    }
}
