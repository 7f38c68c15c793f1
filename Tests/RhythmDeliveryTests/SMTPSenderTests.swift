import Foundation
import Logging
import RhythmCore
import Testing

@testable import RhythmDelivery

@Suite("SMTPSender against a loopback aiosmtpd with STARTTLS and AUTH", .serialized, .timeLimit(.minutes(5)))
struct SMTPSenderTests {
    private func send(
        _ message: EmailMessage,
        through server: SMTPTestServer,
        password: String = SMTPTestServer.password,
        timeouts: CurlRequest.Timeouts? = nil,
        recorder: LogRecorder = LogRecorder(),
        times: Int = 1
    ) async throws -> [DeliveryOutcome] {
        let (configuration, secrets) =
            if let timeouts {
                server.configuration(password: password, timeouts: timeouts)
            } else {
                server.configuration(password: password)
            }
        return try await withTransport(logger: recorder.logger) { transport in
            let sender = SMTPSender(
                configuration: configuration,
                transport: transport,
                secrets: secrets,
                logger: recorder.logger
            )
            var outcomes: [DeliveryOutcome] = []
            for _ in 0..<times {
                outcomes.append(await sender.send(message))
            }
            return outcomes
        }
    }

    private func messageIDs(_ files: [URL]) throws -> [String] {
        try files.map { try MessageFixtures.parseWithPython(file: $0).messageID }
    }

    @Test("a message is delivered, and the server receives exactly the composed bytes")
    func delivered() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let message = try MessageFixtures.message(
            subject: "Réunion du comité 🎉 — ordre du jour",
            calendar: MessageFixtures.invitation
        )
        let outcomes = try await send(message, through: server)
        #expect(outcomes == [.delivered(DeliveryReply(code: 250, text: "2.0.0 Queued as rhythm-test"))])
        let files = try server.received()
        try #require(files.count == 1)
        #expect(Array(try Data(contentsOf: files[0])) == (try message.build()))
        let envelope = try String(
            contentsOf: files[0].deletingPathExtension().appendingPathExtension("json"), encoding: .utf8)
        #expect(envelope.contains("\"login\": \"rhythm\""))
        #expect(envelope.contains("\"rcpt_tos\": [\"ok@partners.example\"]"))
        let parsed = try MessageFixtures.parseWithPython(file: files[0])
        #expect(parsed.subject == "Réunion du comité 🎉 — ordre du jour")
        #expect(parsed.messageID == message.messageID)
        #expect(parsed.tree.contains("2 text/calendar method=REQUEST"))
        #expect(parsed.calendars.first?.events.first?.summary == "Steering Committee")
    }

    @Test("451 then 250: the retry delivers and the server holds exactly one message")
    func transientThenDelivered() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let outcomes = try await send(
            try MessageFixtures.message(to: "flaky@partners.example"), through: server, times: 2)
        #expect(
            outcomes == [
                .transientFailure(DeliveryReply(code: 451, text: "4.7.1 Greylisted, come back soon"), retryAfter: nil),
                .delivered(DeliveryReply(code: 250, text: "2.0.0 Queued as rhythm-test")),
            ]
        )
        #expect(try server.received().count == 1)
    }

    @Test("451 every time stays transient")
    func transient() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let outcomes = try await send(try MessageFixtures.message(to: "transient@partners.example"), through: server)
        #expect(outcomes.first?.isRetryable == true)
        #expect(outcomes.first?.reply?.code == 451)
        #expect(try server.received().isEmpty)
    }

    @Test("550 is a permanent failure with the server's reply")
    func permanent() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let outcomes = try await send(try MessageFixtures.message(to: "permanent@partners.example"), through: server)
        #expect(
            outcomes == [.permanentFailure(DeliveryReply(code: 550, text: "5.1.1 Mailbox unavailable: no such user"))])
    }

    @Test("a connection dropped after the body is unknown, and the retry carries the same Message-ID")
    func droppedAfterBody() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let message = try MessageFixtures.message(to: "drop-once@partners.example")
        let outcomes = try await send(message, through: server, times: 2)
        guard case .unknown = outcomes[0] else {
            Issue.record("expected unknown, got \(outcomes[0])")
            return
        }
        #expect(outcomes[1] == .delivered(DeliveryReply(code: 250, text: "2.0.0 Queued as rhythm-test")))
        let ids = try messageIDs(try server.received())
        #expect(ids == [message.messageID, message.messageID])
    }

    @Test("a server that never answers RCPT: the call returns within its bound, as a transient failure")
    func stalledBeforeBody() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcomes = try await send(
            try MessageFixtures.message(to: "stall@partners.example"),
            through: server,
            timeouts: .init(connect: .seconds(2), total: .seconds(2), serverResponse: .seconds(2))
        )
        #expect(ContinuousClock.now - started < .seconds(10))
        guard case .transientFailure = outcomes[0] else {
            Issue.record("expected a transient failure, got \(outcomes[0])")
            return
        }
    }

    @Test("a server that never answers the end of DATA: the call returns within its bound, as unknown")
    func stalledAfterBody() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcomes = try await send(
            try MessageFixtures.message(to: "stall-data@partners.example"),
            through: server,
            timeouts: .init(connect: .seconds(2), total: .seconds(2), serverResponse: .seconds(2))
        )
        #expect(ContinuousClock.now - started < .seconds(10))
        guard case .unknown = outcomes[0] else {
            Issue.record("expected unknown, got \(outcomes[0])")
            return
        }
    }

    @Test("a wrong password is a configuration error that never shows the password")
    func wrongPassword() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let recorder = LogRecorder()
        let wrong = "wrong-Pa55word-do-not-show"
        let outcomes = try await send(
            try MessageFixtures.message(), through: server, password: wrong, recorder: recorder)
        guard case .configurationError(let message) = outcomes[0] else {
            Issue.record("expected a configuration error, got \(outcomes[0])")
            return
        }
        #expect(message.contains("535"))
        #expect(!outcomes[0].description.contains(wrong))
        #expect(!recorder.text.contains(wrong))
        #expect(!recorder.text.contains(SMTPTestServer.password))
        #expect(recorder.text.contains("smtp delivery attempt finished"))
        #expect(try server.received().isEmpty)
    }

    @Test("a server without STARTTLS is a configuration error: nothing goes out in clear text")
    func starttlsRequired() async throws {
        let server = try SMTPTestServer(starttls: false)
        defer { server.stop() }
        let outcomes = try await send(try MessageFixtures.message(), through: server)
        guard case .configurationError(let message) = outcomes[0] else {
            Issue.record("expected a configuration error, got \(outcomes[0])")
            return
        }
        #expect(message.contains("STARTTLS"))
        #expect(try server.received().isEmpty)
    }

    @Test(
        "a URL that is not smtp:// or smtps:// is refused",
        arguments: ["http://127.0.0.1:1/", "https://example.org/", "file:///etc/passwd", "127.0.0.1:25"]
    )
    func otherProtocols(url: String) async throws {
        let outcome = try await withTransport { transport in
            await SMTPSender(configuration: .init(url: url), transport: transport, logger: .init(label: "test"))
                .send(try MessageFixtures.message())
        }
        guard case .configurationError = outcome else {
            Issue.record("expected a configuration error, got \(outcome)")
            return
        }
    }

    @Test("a password that cannot be read is a configuration error naming where it should be")
    func missingSecret() async throws {
        let outcome = try await withTransport { transport in
            await SMTPSender(
                configuration: .init(url: "smtp://127.0.0.1:1", username: "u", password: .environment("NOPE")),
                transport: transport,
                secrets: SecretResolver(environment: [:]),
                logger: .init(label: "test")
            ).send(try MessageFixtures.message())
        }
        #expect(outcome == .configurationError("environment variable NOPE could not be read"))
    }

    @Test("an untrusted certificate is a configuration error")
    func untrustedCertificate() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        var (configuration, secrets) = server.configuration()
        configuration.caFile = nil
        let outcome = try await withTransport { transport in
            await SMTPSender(
                configuration: configuration, transport: transport, secrets: secrets, logger: .init(label: "t")
            )
            .send(try MessageFixtures.message())
        }
        guard case .configurationError = outcome else {
            Issue.record("expected a configuration error, got \(outcome)")
            return
        }
    }
}
