import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RhythmAPI
import RhythmServer
import Testing

/// No feeds: only the API matters here.
private struct NoFeeds: FeedProvider {
    func feedKey(forName name: String) async throws -> String? { nil }
    func renderFeed(key: String) async throws -> FeedDocument? { nil }
}

@Suite("Over a real socket, mounted the way the daemon mounts it")
struct LiveServerTests {
    @Test("buildApplication with the API: health, feeds' 404, and an action written and read back")
    func mounted() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        let routes = harness.routes
        let application = buildApplication(
            // Every test shares two threads, so a test may connect and then wait longer than the
            // daemon's 10-second idle timeout before sending; here the server waits for it.
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(600)),
            feeds: NoFeeds(),
            cache: FeedCache(),
            logger: harness.logs.logger,
            addRoutes: { routes.register(on: $0) }
        )
        try await application.test(.live) { client in
            #expect(String(buffer: try await client.send(.get, "/healthz").body) == "ok")
            #expect(try await client.send(.get, "/feeds/nothing.ics").status == .notFound)
            let created = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "Live", "owner_id": "ana"}"#)
            #expect(created.status == .created)
            let list = try await client.send(.get, "/api/v1/actions", token: token)
            #expect(list.items.compactMap { $0["title"] as? String } == ["Live"])
            let big = try await client.send(
                .post, "/api/v1/actions", token: token, json: String(repeating: " ", count: 100_000))
            #expect(big.status == .contentTooLarge)
            let none = try await client.send(.get, "/api/v1/actions")
            #expect(none.status == .unauthorized)
            #expect(none.headers[.server] == "Rhythm")
        }
        #expect(harness.changeCount == 1)
    }
}
