import CompressNIO
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("Over a real socket")
struct LiveServerTests {
    @Test("A calendar client's poll cycle on 127.0.0.1: full feed, gzip, HEAD, then 304")
    func pollCycle() async throws {
        let feeds = TestFeeds()
        let text = String(repeating: calendar("Community conversation"), count: 10)
        feeds.publish(text, name: secretToken, key: "person-2")
        try await makeApplication(feeds: feeds).test(.live) { client in
            let uri = "/feeds/\(secretToken).ics"
            let plain = try await client.execute(uri: uri, method: .get)
            #expect(plain.status == .ok)
            #expect(String(buffer: plain.body) == text)
            #expect(plain.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(plain.headers[.server] == "Rhythm")

            let gzip = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip, deflate"])
            #expect(gzip.headers[.contentEncoding] == "gzip")
            var compressed = gzip.body
            #expect(String(buffer: try compressed.decompress(with: .gzip())) == text)

            let head = try await client.execute(uri: uri, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(text.utf8.count))

            let tag = try #require(gzip.headers[.eTag])
            let poll = try await client.execute(
                uri: uri,
                method: .get,
                headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]
            )
            #expect(poll.status == .notModified)
            #expect(poll.body.readableBytes == 0)

            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: health.body) == "ok")
        }
        #expect(feeds.renderCount(key: "person-2") == 1)
    }
}
