import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import RhythmServer

/// The daemon's way of running the server: the `Date` header formatted when a response needs
/// it, with no timer between requests, and every response otherwise as `run()` makes it.
@Suite("Serving with the date formatted on demand")
struct LazyDateTests {
    private struct Boom: Error {}

    @Test("the date is formatted once a second, truncated to the second, and again in the next one")
    func cachedPerSecond() {
        let header = DateHeader()
        let start = Date(timeIntervalSince1970: 784_111_777.25)
        #expect(header.value(at: start) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(header.value(at: start + 0.7) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(header.value(at: start + 0.75) == "Sun, 06 Nov 1994 08:49:38 GMT")
    }

    @Test("responses carry Date and Server, and an error the routes did not answer becomes a 500")
    func servesLikeRun() async throws {
        let router = Router()
        router.get("/ok") { _, _ in "ok" }
        router.get("/boom") { _, _ -> String in throw Boom() }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "Rhythm"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runWithLazyDate() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: port)
            client.connect()
            let ok = try await client.execute(.init("/ok", method: .get, authority: "127.0.0.1"))
            #expect(ok.status == .ok)
            #expect(String(buffer: ok.body ?? ByteBuffer()) == "ok")
            #expect(ok.headers[.server] == "Rhythm")
            let date = try #require(ok.headers[.date])
            #expect(HTTPDate.parse(date).map { abs($0.timeIntervalSinceNow) < 60 } == true, "\(date)")
            let boom = try await client.execute(.init("/boom", method: .get, authority: "127.0.0.1"))
            #expect(boom.status == .internalServerError)
            #expect(boom.headers[.date] != nil)
            try await client.shutdown()
            group.cancelAll()
        }
    }
}
