import Foundation
import Testing

@testable import RhythmDelivery

@Suite("CurlTransport against a loopback HTTP receiver", .serialized, .timeLimit(.minutes(5)))
struct CurlTransportTests {
    private func post(_ url: String, body: String = "{}", secrets: [String] = []) -> CurlRequest {
        CurlRequest(
            url: url,
            payload: .http(method: "POST", headers: ["Content-Type: application/json"], body: Array(body.utf8)),
            timeouts: .init(connect: .seconds(5), total: .seconds(10), serverResponse: .seconds(5)),
            secrets: secrets
        )
    }

    @Test("a 200 is delivered and the body comes back")
    func delivered() async throws {
        let server = try ScriptServer(script: "http_receiver.py")
        defer { server.stop() }
        let response = try await withTransport {
            await $0.perform(post("http://127.0.0.1:\(server.port)/ok", body: "hi"))
        }
        #expect(response.succeeded)
        #expect(response.responseCode == 200)
        #expect(response.body == Array("hi".utf8))
        #expect(response.httpOutcome == .delivered(DeliveryReply(code: 200, text: "OK")))
    }

    @Test("a redirect is not followed and counts as a permanent failure")
    func redirectNotFollowed() async throws {
        let server = try ScriptServer(script: "http_receiver.py")
        defer { server.stop() }
        let response = try await withTransport {
            await $0.perform(post("http://127.0.0.1:\(server.port)/redirect"))
        }
        #expect(response.responseCode == 302)
        #expect(response.replyLines.contains { $0.hasPrefix("Location:") })
        guard case .permanentFailure(let reply) = response.httpOutcome else {
            Issue.record("expected a permanent failure, got \(response.httpOutcome)")
            return
        }
        #expect(reply.code == 302)
    }

    @Test("429 is transient and honours Retry-After; 503 transient; 404 permanent")
    func statusMapping() async throws {
        let server = try ScriptServer(script: "http_receiver.py")
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let (busy, broken, missing) = try await withTransport { transport in
            (
                await transport.perform(post("\(base)/busy")),
                await transport.perform(post("\(base)/broken")),
                await transport.perform(post("\(base)/missing"))
            )
        }
        #expect(
            busy.httpOutcome
                == .transientFailure(DeliveryReply(code: 429, text: "Too Many Requests"), retryAfter: .seconds(7)))
        #expect(
            broken.httpOutcome
                == .transientFailure(DeliveryReply(code: 503, text: "Service Unavailable"), retryAfter: nil))
        #expect(missing.httpOutcome == .permanentFailure(DeliveryReply(code: 404, text: "Not Found")))
    }

    @Test("consecutive transfers to one destination reuse the connection")
    func connectionReuse() async throws {
        let server = try ScriptServer(script: "http_receiver.py")
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/ok"
        let ports = try await withTransport { transport in
            var ports: [String] = []
            for _ in 0..<3 {
                let response = await transport.perform(post(url))
                ports += response.replyLines.filter { $0.hasPrefix("X-Client-Port:") }
            }
            #expect(transport.idleHandleCount == 1)
            return ports
        }
        #expect(ports.count == 3)
        #expect(Set(ports).count == 1)
    }

    @Test(
        "protocols other than smtp, smtps, http and https are refused as configuration errors",
        arguments: ["file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1/", "dict://127.0.0.1/"]
    )
    func protocolRestriction(url: String) async throws {
        let response = try await withTransport { await $0.perform(post(url)) }
        #expect(!response.succeeded)
        #expect(response.isConfigurationProblem)
        guard case .configurationError = response.httpOutcome else {
            Issue.record("expected a configuration error, got \(response.httpOutcome)")
            return
        }
    }

    @Test("a malformed URL is a configuration error")
    func malformedURL() async throws {
        let response = try await withTransport { await $0.perform(post("http://exa mple.org:99999/x")) }
        #expect(response.isConfigurationProblem)
    }

    @Test("a refused connection is a transient failure")
    func connectionRefused() async throws {
        // Bind and close a socket to find a port nobody listens on.
        let server = try ScriptServer(script: "http_receiver.py")
        let port = server.port
        server.stop()
        let response = try await withTransport { await $0.perform(post("http://127.0.0.1:\(port)/ok")) }
        guard case .transientFailure(let reply, nil) = response.httpOutcome else {
            Issue.record("expected a transient failure, got \(response.httpOutcome)")
            return
        }
        #expect(reply.code == 0)
    }

    @Test("a secret path never appears in replies, outcomes or log lines")
    func secretRedaction() async throws {
        let server = try ScriptServer(script: "http_receiver.py")
        defer { server.stop() }
        let secretPath = "/hooks/T0KEN-s3cr3t-value/missing"
        let recorder = LogRecorder()
        let response = try await withTransport(logger: recorder.logger) { transport in
            await transport.perform(post("http://127.0.0.1:\(server.port)\(secretPath)", secrets: [secretPath]))
        }
        #expect(response.responseCode == 404)
        #expect(response.replyLines.contains("X-Echo-Path: <redacted>"))
        let everything =
            response.replyLines.joined() + response.message + response.httpOutcome.description + recorder.text
        #expect(!everything.contains("T0KEN"))
        #expect(recorder.text.contains("curl transfer finished"))
    }
}
