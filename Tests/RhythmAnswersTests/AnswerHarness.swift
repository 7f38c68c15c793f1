import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RhythmAnswers
import RhythmCore
import RhythmServer
import RhythmStore
import Synchronization

/// One test's world: a fresh SQLite file, a small initiative, a clock the test moves, a count
/// of change notifications and every log line; the answer pages mounted on the real server
/// the way the daemon mounts them.
final class AnswerHarness: Sendable {
    let directory: URL
    let databasePath: String
    let store: AppDatabase
    let clock = TestClock()
    let changes = ChangeCounter()
    let logs = LogRecorder()
    let limits: AnswerRateLimits
    let pages: AnswerPages

    init(limits: AnswerRateLimits = AnswerRateLimits(), pages: AnswerPages? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-answers-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databasePath = directory.appendingPathComponent("rhythm.sqlite").path
        store = try AppDatabase.open(path: databasePath)
        self.limits = limits
        self.pages = try pages ?? AnswerPages()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var routes: AnswerRoutes {
        get throws {
            AnswerRoutes(
                store: store, initiative: { AnswerInitiative.make() },
                settings: ServiceSettings(publicURL: URL(string: "https://rhythm.test")),
                pages: pages, limits: limits, onChange: { [changes] in changes.increment() },
                now: { [clock] in clock.now }, logger: logs.logger)
        }
    }

    /// The server as `rhythm serve` builds it, with the answer pages mounted.
    func application() throws -> some ApplicationProtocol {
        let routes = try self.routes
        return buildApplication(
            // Every test shares two threads, so a test may connect and then wait longer than the
            // daemon's 10-second idle timeout before sending; here the server waits for it.
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(600)),
            feeds: NoFeeds(), cache: FeedCache(),
            logger: logs.logger, addRoutes: { routes.register(on: $0) })
    }

    /// Issues a link for `person` and returns its path, `/a/<token>` or `/me/<token>`.
    func link(_ subject: AnswerLinkSubject, person: String = "ana", expiresAt: Date? = nil) throws -> String {
        try store.issueAnswerLink(personID: person, subject: subject, expiresAt: expiresAt, now: clock.now)
            .url(base: "")
    }

    /// Every row of every table, to tell that a request wrote nothing at all.
    func snapshot() throws -> String {
        let queue = try DatabaseQueue(path: databasePath)
        return try queue.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
                return "\(table): \(rows.map(\.description).joined(separator: "; "))"
            }.joined(separator: "\n")
        }
    }
}

/// The clock of a test: fixed, moved by hand.
final class TestClock: Sendable {
    /// Monday 1 February 2027, 09:00 UTC (09:00 in London).
    static let start = Date(timeIntervalSince1970: 1_801_472_400)
    private let value = Mutex(TestClock.start)

    var now: Date { value.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        value.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Counts the change notifications.
final class ChangeCounter: Sendable {
    private let value = Mutex(0)

    var count: Int { value.withLock { $0 } }

    func increment() {
        value.withLock { $0 += 1 }
    }
}

/// Keeps every log line, with its metadata, so a test can look for a leaked token.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "rhythm.answers.test") { _ in Handler(recorder: self) }
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
            let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            recorder.append(([event.level.rawValue, event.message.description] + pairs).joined(separator: " "))
        }
    }
}

/// No feeds: only the answer pages matter here.
struct NoFeeds: FeedProvider {
    func feedKey(forName name: String) async throws -> String? { nil }
    func renderFeed(key: String) async throws -> FeedDocument? { nil }
}

extension TestClientProtocol {
    /// A form POST, as a browser sends it.
    func post(_ uri: String, form fields: [(String, String)], headers extra: HTTPFields = [:]) async throws
        -> TestResponse
    {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// GETs the page at `uri` and POSTs its form with `fields` and the page's nonce.
    func answer(_ uri: String, with fields: [(String, String)], formAction: String? = nil) async throws
        -> TestResponse
    {
        let page = try await execute(uri: uri, method: .get)
        return try await post(formAction ?? uri, form: [("nonce", page.nonce)] + fields)
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The first form nonce on the page; empty when there is none.
    var nonce: String { hidden("nonce") }

    /// The value of the first hidden field `name` on the page; empty when there is none.
    func hidden(_ name: String) -> String {
        let marker = "name=\"\(name)\" value=\""
        guard let start = text.range(of: marker)?.upperBound,
            let end = text[start...].firstIndex(of: "\"")
        else { return "" }
        return String(text[start..<end])
    }
}
