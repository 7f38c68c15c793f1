import CompressNIO
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("gzip negotiation")
struct CompressionTests {
    @Test(
        "gzip is served exactly when Accept-Encoding allows it",
        arguments: [
            ("gzip", true), ("gzip, deflate, br", true), ("GZIP", true), ("x-gzip", true), ("*", true),
            ("deflate, gzip;q=0.5", true), ("gzip;q=0", false), ("gzip; q=0.000", false), ("*;q=0", false),
            ("gzip;q=0, *", false), ("identity", false), ("br, deflate", false), ("", false),
            (" Gzip ;\tQ=0.8", true), ("identity;q=1, x-gzip ; q=0", false), ("deflate,\tGZIP", true),
        ]
    )
    func negotiation(acceptEncoding: String, expectsGzip: Bool) async throws {
        let feeds = TestFeeds()
        let text = String(repeating: calendar("Shared measurement"), count: 20)
        feeds.publish(text, name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let plain = try await client.execute(uri: "/feeds/public.ics", method: .get)
            let identityTag = try #require(plain.headers[.eTag])
            let response = try await client.execute(
                uri: "/feeds/public.ics",
                method: .get,
                headers: acceptEncoding.isEmpty ? [:] : [.acceptEncoding: acceptEncoding]
            )
            #expect(response.status == .ok)
            #expect(response.headers[.vary] == "Accept-Encoding")
            if expectsGzip {
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.eTag] == String(identityTag.dropLast()) + "-gzip\"")
                #expect(response.body.readableBytes < text.utf8.count)
                var body = response.body
                let decompressed = try body.decompress(with: .gzip())
                #expect(String(buffer: decompressed) == text)
            } else {
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.eTag] == identityTag)
                #expect(String(buffer: response.body) == text)
            }
        }
    }

    @Test("Each representation revalidates against its own ETag")
    func representationTags() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Steering group"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let gzipHeaders: HTTPFields = [.acceptEncoding: "gzip"]
            let gzip = try await client.execute(uri: "/feeds/public.ics", method: .get, headers: gzipHeaders)
            let gzipTag = try #require(gzip.headers[.eTag])
            let identity = try await client.execute(uri: "/feeds/public.ics", method: .get)
            let identityTag = try #require(identity.headers[.eTag])

            var headers = gzipHeaders
            headers[.ifNoneMatch] = gzipTag
            let revalidated = try await client.execute(uri: "/feeds/public.ics", method: .get, headers: headers)
            #expect(revalidated.status == .notModified)
            #expect(revalidated.headers[.eTag] == gzipTag)

            headers[.ifNoneMatch] = identityTag
            let otherRepresentation = try await client.execute(uri: "/feeds/public.ics", method: .get, headers: headers)
            #expect(otherRepresentation.status == .ok)
            #expect(otherRepresentation.headers[.contentEncoding] == "gzip")
        }
    }
}
