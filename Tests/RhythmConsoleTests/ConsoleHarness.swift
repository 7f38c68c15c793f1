import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmCore
import RhythmStore
import Synchronization

/// A console on a router with a real SQLite file, a clock the test moves, and a counter of
/// dispatcher wake-ups. Its initiative has a console person (Priya), a person without console
/// access (Tom) and an e-mail channel.
final class ConsoleHarness: Sendable {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    let directory: URL
    let store: AppDatabase
    let baseURL: String
    private let instant = Mutex(ConsoleHarness.start)
    private let wakeups = Mutex(0)

    let initiative = Initiative(
        name: "Thriving Futures", timeZone: TimeZone(identifier: "Australia/Melbourne")!, domain: "example.org",
        people: [
            Person(
                id: "priya", name: "Priya Natarajan", email: "priya@example.org",
                timeZone: TimeZone(identifier: "Australia/Melbourne")!, consoleAccess: true),
            Person(
                id: "tom", name: "Tom Reid", email: "tom@example.org",
                timeZone: TimeZone(identifier: "Australia/Melbourne")!),
        ],
        channels: [Channel(id: "mail", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))])

    init(baseURL: String = "http://127.0.0.1:8080") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        self.baseURL = baseURL
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var now: Date { instant.withLock { $0 } }
    var wakeupCount: Int { wakeups.withLock { $0 } }

    func advance(by interval: TimeInterval) {
        instant.withLock { $0 += interval }
    }

    /// The application: the console, plus one signed-in page `/console/echo` whose POST
    /// answers "changed", standing in for the pages that will change things.
    func application(limiter: RateLimiter = RateLimiter(limit: 100, window: 600)) -> some ApplicationProtocol {
        let router = Router()
        let initiative = self.initiative
        let routes = ConsoleRoutes(
            store: store, initiative: { initiative },
            settings: ServiceSettings(publicURL: URL(string: baseURL)), limiter: limiter,
            wakeDispatcher: { [self] in wakeups.withLock { $0 += 1 } }, now: { [self] in now })
        routes.register(on: router) { signedIn in
            signedIn.post("echo") { _, context in
                "changed by \(context.identity?.actor ?? "nobody")"
            }
        }
        return Application(router: router)
    }
}

/// What the tests read from responses.
extension TestResponse {
    var text: String { String(buffer: body) }

    /// The `name=value` of the session cookie this response sets, for a later `Cookie` header.
    var sessionCookie: String? {
        headers[values: .setCookie].first { $0.hasPrefix(ConsoleCookie.name + "=") }?
            .split(separator: ";").first.map(String.init)
    }

    /// The CSRF token of the page's sign-out form.
    var csrfToken: String? {
        guard let range = text.range(of: #"name="csrf_token" value="([^"]+)""#, options: .regularExpression)
        else { return nil }
        return text[range].split(separator: "\"").dropFirst(3).first.map(String.init)
    }
}

extension TestClientProtocol {
    func get(_ uri: String, cookie: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, form: String = "", cookie: String? = nil, origin: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
    }

    /// Signs in with a fresh link for `personID`; the session cookie and the first page's
    /// CSRF token.
    func signIn(_ harness: ConsoleHarness, personID: String = "priya") async throws -> (cookie: String, csrf: String) {
        let link = try harness.store.issueConsoleSignInLink(personID: personID, now: harness.now)
        let response = try await post("/console/s/\(link)")
        guard let cookie = response.sessionCookie else { throw HarnessError("no session cookie: \(response.status)") }
        let home = try await get("/console", cookie: cookie)
        guard let csrf = home.csrfToken else { throw HarnessError("no CSRF token on /console: \(home.text)") }
        return (cookie, csrf)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
