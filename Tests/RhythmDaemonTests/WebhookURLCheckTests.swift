import Foundation
import Logging
import NIOPosix
import RhythmCore
import RhythmDelivery
import Testing

@testable import RhythmDaemon

/// A webhook URL is checked again each time it is read (a secret can change after the
/// configuration was loaded): a post, a test message or readiness refuses one that is not
/// `https://` (or `http://` to this machine), naming the channel and where the URL is kept.
@Suite struct WebhookURLCheckTests {
    static let zone = TimeZone(identifier: "Australia/Melbourne")!
    static let initiative = Initiative(
        name: "Thriving Futures", timeZone: zone, domain: "example.org",
        channels: [Channel(id: "team-chat", kind: .slack(webhook: .environment("HOOK")))])
    static let secrets = SecretResolver(environment: ["HOOK": "smtp://mail.example.org:25/T000/SECRET-TOKEN"])

    static func expectNamesChannelAndSource(_ message: String) {
        #expect(message.contains("channel team-chat"), "\(message)")
        #expect(message.contains("the webhook URL in environment variable HOOK cannot be used: it uses smtp://"))
        #expect(!message.contains("SECRET-TOKEN"))
        #expect(!message.contains("mail.example.org"))
    }

    @Test("a chat message to an smtp:// webhook URL is refused as a configuration error, never sent")
    func postIsRefused() async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: Logger(label: "test"))
        let channels = DeliveryChannels(
            initiative: Self.initiative, transport: transport, maildirRoot: NSTemporaryDirectory(),
            secrets: Self.secrets, logger: Logger(label: "test"))
        let attempt = await channels.sendTestMessage(
            on: "team-chat", to: nil, initiative: Self.initiative, now: Date())
        transport.shutdown()
        try await pool.shutdownGracefully()
        guard case .configurationError(let message) = attempt.outcome else {
            Issue.record("expected a configuration error, got \(attempt.outcome)")
            return
        }
        Self.expectNamesChannelAndSource(message)
    }

    @Test("readiness reports a channel whose webhook URL is not https")
    func readinessNamesIt() throws {
        let problems = ChannelCheck(
            initiative: Self.initiative, maildirRoot: NSTemporaryDirectory(), secrets: Self.secrets
        )
        .problems()
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        Self.expectNamesChannelAndSource(problem)
    }
}
