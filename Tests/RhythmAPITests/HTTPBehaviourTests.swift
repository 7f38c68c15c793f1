import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import RhythmAPI

@Suite("HTTP: media types, sizes, methods and unknown paths")
struct HTTPBehaviourTests {
    @Test("A body over 64 KiB is refused with 413, by its Content-Length and while reading")
    func bodyTooLarge() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let big = #"{"title": "A", "owner_id": "ana", "details": "\#(String(repeating: "x", count: 70_000))"}"#
            let response = try await client.send(.post, "/api/v1/actions", token: token, json: big)
            response.expectProblem(.contentTooLarge, type: "body-too-large")
        }
        #expect(harness.changeCount == 0)
    }

    @Test("A Content-Length over the limit is refused before a byte of the body is read")
    func declaredTooLarge() async throws {
        var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/actions")
        head.headerFields = [.contentType: "application/json", .contentLength: "1000000"]
        let body = RequestBody(asyncSequence: NeverEndingBody())
        await #expect(throws: APIProblem.self) {
            _ = try await JSONBody.object(from: Request(head: head, body: body))
        }
        do {
            _ = try await JSONBody.object(from: Request(head: head, body: body))
        } catch let problem as APIProblem {
            #expect(problem.status == .contentTooLarge)
        }
    }

    @Test("A body that is not JSON is refused with 415, before it is parsed")
    func unsupportedMediaType() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", nil] {
                let response = try await client.send(
                    .post, "/api/v1/actions", token: token, json: "title=A", contentType: contentType)
                response.expectProblem(.unsupportedMediaType, type: "unsupported-media-type")
            }
            let withCharset = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "A", "owner_id": "ana"}"#,
                contentType: "application/json; charset=utf-8")
            #expect(withCharset.status == .created)
        }
    }

    @Test("A known path with another method is 405 with Allow; an unknown one is a 404 problem")
    func methodsAndPaths() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let delete = try await client.send(.delete, "/api/v1/actions/1", token: token)
            delete.expectProblem(.methodNotAllowed, type: "method-not-allowed")
            #expect(delete.headers[.allow] == "GET, PATCH")
            let put = try await client.send(.put, "/api/v1/agenda-items", token: token)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, POST")
            let patch = try await client.send(.patch, "/api/v1/indicator-results/3", token: token)
            #expect(patch.headers[.allow] == "GET")
            let post = try await client.send(.post, "/api/openapi.json")
            #expect(post.headers[.allow] == "GET")

            let unknown = try await client.send(.get, "/api/v1/meetings", token: token)
            unknown.expectProblem(.notFound, type: "not-found")
            let outside = try await client.send(.get, "/elsewhere")
            #expect(outside.status == .notFound)
            #expect(outside.headers[.contentType] != "application/problem+json")
        }
    }

    @Test("The OpenAPI document is served without a token")
    func servesDocument() async throws {
        let harness = try APIHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.send(.get, "/api/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.object["openapi"] as? String == "3.1.0")
        }
    }
}

/// A body that would never finish: reading it would hang the test.
private struct NeverEndingBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    struct AsyncIterator: AsyncIteratorProtocol {
        mutating func next() async throws -> ByteBuffer? {
            try await Task.sleep(for: .seconds(3600))
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
}
