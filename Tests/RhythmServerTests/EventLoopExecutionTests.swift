import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@testable import RhythmServer

@Suite("Answering on the event loop")
struct EventLoopExecutionTests {
    @Test("A task that prefers a loop's executor runs on that loop, across suspensions")
    func taskStaysOnItsLoop() async throws {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let places = await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: eventLoop)) {
            var places = [eventLoop.inEventLoop]
            await Task.yield()
            places.append(eventLoop.inEventLoop)
            try? await Task.sleep(for: .milliseconds(5))
            places.append(eventLoop.inEventLoop)
            return places
        }
        #expect(places == [true, true, true])
    }

    @Test("A request over a real socket is answered on an event loop, not on the cooperative pool")
    func requestsRunOnTheEventLoop() async throws {
        let application = buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(600)),
            feeds: TestFeeds(),
            cache: FeedCache(),
            logger: RecordingLogHandler.logger(.init()),
            addRoutes: { router in
                router.get("/where") { _, _ in
                    MultiThreadedEventLoopGroup.currentEventLoop == nil ? "pool" : "event loop"
                }
            }
        )
        try await application.test(.live) { client in
            for _ in 0..<3 {
                let response = try await client.execute(uri: "/where", method: .get)
                #expect(String(buffer: response.body) == "event loop")
            }
        }
    }
}
