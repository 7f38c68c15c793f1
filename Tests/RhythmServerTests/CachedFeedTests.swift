import CompressNIO
import Foundation
import NIOCore
import Testing

@testable import RhythmServer

@Suite("Rendered feeds ready to serve")
struct CachedFeedTests {
    @Test("Both representations are made with the render, each with its own validator and length")
    func representationsMadeOnce() throws {
        let text = String(repeating: calendar("Evaluation circle"), count: 30)
        let feed = try CachedFeed(document: FeedDocument(body: Array(text.utf8), lastModified: TestFeeds.monday))
        #expect(String(buffer: feed.identity.body) == text)
        var compressed = feed.gzip.body
        #expect(String(buffer: try compressed.decompress(with: .gzip())) == text)
        #expect(feed.gzip.body.readableBytes < feed.identity.body.readableBytes)
        #expect(feed.identity.contentLength == String(text.utf8.count))
        #expect(feed.gzip.contentLength == String(feed.gzip.body.readableBytes))
        #expect(feed.gzip.eTag == String(feed.identity.eTag.dropLast()) + "-gzip\"")
        #expect(feed.representation(gzip: true).eTag == feed.gzip.eTag)
        #expect(feed.representation(gzip: false).eTag == feed.identity.eTag)
    }

    @Test("Polls of an unchanged feed are answered from the same storage, identity and gzip alike")
    func pollsShareStorage() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Funders' table"), name: "public", key: "public")
        let cache = FeedCache()
        let first = try #require(try await cache.feed(forKey: "public", from: feeds))
        let second = try #require(try await cache.feed(forKey: "public", from: feeds))
        #expect(address(of: first.identity.body) == address(of: second.identity.body))
        #expect(address(of: first.gzip.body) == address(of: second.gzip.body))
        #expect(feeds.renderCount(key: "public") == 1)
    }

    private func address(of buffer: ByteBuffer) -> UnsafeRawPointer? {
        buffer.withUnsafeReadableBytes { UnsafeRawPointer($0.baseAddress) }
    }
}
