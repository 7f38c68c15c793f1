import Foundation
import RhythmServer
import Synchronization

/// A feed provider for tests: feeds set by hand, calls counted, failures and slow renders on demand.
final class TestFeeds: FeedProvider {
    struct Failure: Error, CustomStringConvertible {
        let detail: String
        var description: String { "render failed: \(detail)" }
    }

    private struct State {
        var keysByName: [String: String] = [:]
        var documents: [String: FeedDocument] = [:]
        var renderCounts: [String: Int] = [:]
        var failure: Failure?
    }

    private let state = Mutex(State())
    /// While set, each render takes its document, then waits for the latch to open before it answers.
    private let latch: Latch?
    /// Receives a value whenever a render starts.
    let renderStarted: AsyncStream<Void>
    private let renderStartedContinuation: AsyncStream<Void>.Continuation

    /// - Parameter latch: when given, renders wait for it to open.
    init(latch: Latch? = nil) {
        self.latch = latch
        (renderStarted, renderStartedContinuation) = AsyncStream.makeStream()
    }

    /// Publishes a feed under `name`, keyed by `key`.
    func publish(_ text: String, name: String, key: String, lastModified: Date = TestFeeds.monday) {
        state.withLock {
            $0.keysByName[name] = key
            $0.documents[key] = FeedDocument(body: Array(text.utf8), lastModified: lastModified)
        }
    }

    /// Keeps the name but drops the document, as when a feed disappears between look-up and render.
    func removeDocument(key: String) {
        _ = state.withLock { $0.documents.removeValue(forKey: key) }
    }

    /// Makes every render throw `failure` (or succeed again with nil).
    func fail(with failure: Failure?) {
        state.withLock { $0.failure = failure }
    }

    func renderCount(key: String) -> Int {
        state.withLock { $0.renderCounts[key, default: 0] }
    }

    func feedKey(forName name: String) async throws -> String? {
        state.withLock { $0.keysByName[name] }
    }

    func renderFeed(key: String) async throws -> FeedDocument? {
        let (document, failure) = state.withLock { state in
            state.renderCounts[key, default: 0] += 1
            return (state.documents[key], state.failure)
        }
        renderStartedContinuation.yield()
        await latch?.wait()
        if let failure {
            throw failure
        }
        return document
    }

    /// 2026-11-23 09:30:00 UTC, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_795_426_200)
}
