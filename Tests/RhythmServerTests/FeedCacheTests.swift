import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("Feed cache")
struct FeedCacheTests {
    @Test("A cache hit does not call the provider again, whatever the encoding")
    func hitsDoNotRender() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Working group"), name: secretToken, key: "group-3")
        try await makeApplication(feeds: feeds).test(.router) { client in
            for acceptEncoding in ["identity", "gzip", "gzip", "identity"] {
                let response = try await client.execute(
                    uri: "/feeds/\(secretToken).ics",
                    method: .get,
                    headers: [.acceptEncoding: acceptEncoding]
                )
                #expect(response.status == .ok)
            }
        }
        #expect(feeds.renderCount(key: "group-3") == 1)
    }

    @Test("Invalidation forces a re-render")
    func invalidationRerenders() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Before"), name: "public", key: "public")
        let cache = FeedCache()
        try await makeApplication(feeds: feeds, cache: cache).test(.router) { client in
            _ = try await client.execute(uri: "/feeds/public.ics", method: .get)
            feeds.publish(calendar("After"), name: "public", key: "public")
            let cached = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(String(buffer: cached.body) == calendar("Before"))
            await cache.invalidateAll()
            let fresh = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(String(buffer: fresh.body) == calendar("After"))
        }
        #expect(feeds.renderCount(key: "public") == 2)
    }

    @Test("Renewing serves the old public feed until the new one is rendered, then the new one without a render")
    func renewalKeepsThePublicFeedWarm() async throws {
        let latch = Latch()
        let feeds = TestFeeds(latch: latch)
        feeds.publish(calendar("Before"), name: "public", key: "public")
        feeds.publish(calendar("Group before"), name: secretToken, key: "group-3")
        let cache = FeedCache()
        try await makeApplication(feeds: feeds, cache: cache).test(.router) { client in
            var renderStarts = feeds.renderStarted.makeAsyncIterator()
            latch.open()
            _ = try await client.execute(uri: "/feeds/public.ics", method: .get)
            _ = try await client.execute(uri: "/feeds/\(secretToken).ics", method: .get)
            _ = await renderStarts.next()
            _ = await renderStarts.next()
            latch.close()
            feeds.publish(calendar("After"), name: "public", key: "public")
            feeds.publish(calendar("Group after"), name: secretToken, key: "group-3")
            let renewal = Task { await cache.invalidateAllRenewingPublicFeed(from: feeds) }
            _ = await renderStarts.next()
            // The new render is held: a request meanwhile is answered from the cache.
            let meanwhile = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(String(buffer: meanwhile.body) == calendar("Before"))
            latch.open()
            await renewal.value
            let renewed = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(String(buffer: renewed.body) == calendar("After"))
            let other = try await client.execute(uri: "/feeds/\(secretToken).ics", method: .get)
            #expect(String(buffer: other.body) == calendar("Group after"))
        }
        #expect(feeds.renderCount(key: "public") == 2)
        #expect(feeds.renderCount(key: "group-3") == 2)
    }

    @Test("Concurrent misses for one feed share a single render")
    func concurrentMissesRenderOnce() async throws {
        let latch = Latch()
        let feeds = TestFeeds(latch: latch)
        feeds.publish(calendar("Data summit"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let tags = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        let response = try await client.execute(uri: "/feeds/public.ics", method: .get)
                        return response.status == .ok ? response.headers[.eTag] : nil
                    }
                }
                for await _ in feeds.renderStarted {
                    break
                }
                latch.open()
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(tags.count == 5)
            #expect(Set(tags).count == 1)
            #expect(tags.allSatisfy { $0 != nil })
        }
        #expect(feeds.renderCount(key: "public") == 1)
    }

    @Test("A render in flight during an invalidation answers its request but is not cached")
    func invalidationDuringRender() async throws {
        let latch = Latch()
        let feeds = TestFeeds(latch: latch)
        feeds.publish(calendar("Old"), name: "public", key: "public")
        let cache = FeedCache()
        try await makeApplication(feeds: feeds, cache: cache).test(.router) { client in
            let inFlight = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    String(buffer: try await client.execute(uri: "/feeds/public.ics", method: .get).body)
                }
                for await _ in feeds.renderStarted {
                    break
                }
                feeds.publish(calendar("New"), name: "public", key: "public")
                await cache.invalidateAll()
                latch.open()
                return try await group.next() ?? ""
            }
            #expect(inFlight == calendar("Old"))
            let next = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(String(buffer: next.body) == calendar("New"))
        }
        #expect(feeds.renderCount(key: "public") == 2)
    }

    @Test("A feed the provider no longer renders is a 404 and not remembered")
    func vanishedFeed() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Soon"), name: "public", key: "public")
        feeds.removeDocument(key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let missing = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(missing.status == .notFound)
            feeds.publish(calendar("Now"), name: "public", key: "public")
            let found = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(found.status == .ok)
        }
    }
}
