import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("Conditional requests")
struct ConditionalRequestTests {
    /// The strong ETag of `calendar("Leadership table")`, read from a first response.
    private func currentTag(_ client: some TestClientProtocol) async throws -> String {
        let response = try await client.execute(uri: "/feeds/public.ics", method: .get)
        return try #require(response.headers[.eTag])
    }

    private func publishedFeeds() -> TestFeeds {
        let feeds = TestFeeds()
        feeds.publish(calendar("Leadership table"), name: "public", key: "public")
        return feeds
    }

    @Test(
        "If-None-Match naming the current ETag gives 304 with validators and no body",
        arguments: ["{tag}", "W/{tag}", "\"stale\", {tag}", "\"stale\",W/{tag}", "*"]
    )
    func ifNoneMatch(form: String) async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let tag = try await currentTag(client)
            let value = form.replacingOccurrences(of: "{tag}", with: tag)
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifNoneMatch: value]
            )
            #expect(response.status == .notModified)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.eTag] == tag)
            #expect(response.headers[.lastModified] == "Mon, 23 Nov 2026 09:30:00 GMT")
            #expect(response.headers[.cacheControl] == "public, max-age=300")
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(response.headers[.contentType] == nil)
        }
    }

    @Test("If-None-Match spread over two field lines still matches")
    func ifNoneMatchOverTwoLines() async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let tag = try await currentTag(client)
            var headers: HTTPFields = [.ifNoneMatch: "\"stale\""]
            headers.append(HTTPField(name: .ifNoneMatch, value: tag))
            let response = try await client.execute(uri: "/feeds/public.ics", method: .get, headers: headers)
            #expect(response.status == .notModified)
        }
    }

    @Test("If-None-Match with other or malformed tags gives the full feed", arguments: ["\"stale\"", "stale", "W/\"x"])
    func ifNoneMatchMiss(value: String) async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifNoneMatch: value]
            )
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == calendar("Leadership table"))
        }
    }

    @Test(
        "If-Modified-Since at or after Last-Modified gives 304",
        arguments: [
            "Mon, 23 Nov 2026 09:30:00 GMT", "Tue, 24 Nov 2026 00:00:00 GMT", "Monday, 23-Nov-26 09:30:00 GMT",
            "Mon Nov 23 09:30:00 2026",
        ]
    )
    func ifModifiedSince(value: String) async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifModifiedSince: value]
            )
            #expect(response.status == .notModified)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.eTag] != nil)
        }
    }

    @Test(
        "If-Modified-Since before Last-Modified, or not a date, gives the full feed",
        arguments: ["Mon, 23 Nov 2026 09:29:59 GMT", "yesterday", "Mon, 31 Nov 2026 09:30:00 GMT"]
    )
    func ifModifiedSinceMiss(value: String) async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifModifiedSince: value]
            )
            #expect(response.status == .ok)
        }
    }

    @Test("If-None-Match decides alone: a stale tag with a current date gives the full feed")
    func ifNoneMatchTakesPrecedence() async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifNoneMatch: "\"stale\"", .ifModifiedSince: "Tue, 24 Nov 2026 00:00:00 GMT"]
            )
            #expect(response.status == .ok)
        }
    }

    @Test("HEAD answers conditional requests like GET")
    func conditionalHead() async throws {
        try await makeApplication(feeds: publishedFeeds()).test(.router) { client in
            let tag = try await currentTag(client)
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .head,
                headers: [.ifNoneMatch: tag]
            )
            #expect(response.status == .notModified)
        }
    }

    @Test("After a change and an invalidation the old ETag gets 200 with a new ETag")
    func changedFeed() async throws {
        let feeds = publishedFeeds()
        let cache = FeedCache()
        try await makeApplication(feeds: feeds, cache: cache).test(.router) { client in
            let oldTag = try await currentTag(client)
            feeds.publish(calendar("Leadership table (moved)"), name: "public", key: "public")
            await cache.invalidateAll()
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: [.ifNoneMatch: oldTag]
            )
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == calendar("Leadership table (moved)"))
            let newTag = try #require(response.headers[.eTag])
            #expect(newTag != oldTag)
        }
    }
}
