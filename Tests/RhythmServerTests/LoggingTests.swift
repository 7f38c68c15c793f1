import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("Errors and logs")
struct LoggingTests {
    @Test("A provider error gives a generic 500 and a log line that names the feed kind, not the token")
    func providerError() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Partner"), name: secretToken, key: secretToken)
        feeds.fail(with: .init(detail: "no database row for \(secretToken)"))
        let logs = RecordingLogHandler.Store()
        try await makeApplication(feeds: feeds, logs: logs).test(.router) { client in
            let response = try await client.execute(uri: "/feeds/\(secretToken).ics", method: .get)
            #expect(response.status == .internalServerError)
            let body = String(buffer: response.body)
            #expect(!body.isEmpty)
            #expect(!body.contains(secretToken))
            #expect(!body.contains("database"))
            #expect(!response.headers.contains { $0.value.contains(secretToken) })
        }
        let errorLine = try #require(logs.all.first { $0.hasPrefix("error ") })
        #expect(errorLine.contains("feed.kind=private"))
        #expect(errorLine.contains("no database row for <token>"))
        #expect(!logs.all.contains { $0.contains(secretToken) })
    }

    @Test("The access log has method, status and duration, with the token path redacted")
    func accessLog() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Partner"), name: secretToken, key: "person-1")
        feeds.publish(calendar("Public"), name: "public", key: "public")
        let logs = RecordingLogHandler.Store()
        try await makeApplication(feeds: feeds, logs: logs).test(.router) { client in
            _ = try await client.execute(uri: "/feeds/\(secretToken).ics", method: .get)
            _ = try await client.execute(uri: "/feeds/\(secretToken).ics", method: .post)
            _ = try await client.execute(uri: "/feeds/\(secretToken)", method: .get)
            _ = try await client.execute(uri: "/feeds/public.ics?ref=\(secretToken)", method: .get)
        }
        let access = logs.all.filter { $0.hasPrefix("debug HTTP request") }
        #expect(access.count == 4)
        #expect(access[0].contains("http.path=/feeds/<token>.ics"))
        #expect(access[0].contains("http.status=200"))
        #expect(access[0].contains("http.method=GET"))
        #expect(access[0].contains("http.duration_ms="))
        #expect(access[1].contains("http.status=405"))
        #expect(access[2].contains("http.path=/feeds/<redacted>"))
        #expect(access[2].contains("http.status=404"))
        #expect(access[3].contains("http.path=/feeds/public.ics"))
        #expect(!logs.all.contains { $0.contains(secretToken) })
    }

    @Test("A console sign-in link's token never reaches the access log")
    func consoleSignInLinkRedacted() async throws {
        let logs = RecordingLogHandler.Store()
        try await makeApplication(feeds: TestFeeds(), logs: logs).test(.router) { client in
            _ = try await client.execute(uri: "/console/s/\(secretToken)", method: .get)
        }
        let access = try #require(logs.all.first { $0.hasPrefix("debug HTTP request") })
        #expect(access.contains("http.path=/console/s/<token>"))
        #expect(!logs.all.contains { $0.contains(secretToken) })
    }
}
