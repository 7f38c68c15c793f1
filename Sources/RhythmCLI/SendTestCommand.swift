import ArgumentParser
import Foundation
import Logging
import NIOPosix
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmDelivery
import RhythmStore

/// `rhythm send-test`: one message through one channel, to check it works.
struct SendTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send a test message through one channel and say what the server answered.",
        discussion: """
            Uses the channel exactly as reminders do (the SMTP server with STARTTLS and the \
            password it points to, the Maildir when there is no server, or the chat webhook), \
            outside the outbox. Exits with 0 when the message was accepted, 75 when the \
            failure may pass (retry later), 76 when the server refused it for good, 78 for a \
            configuration problem (credentials, a missing secret, a bad address).

            Examples:
              rhythm send-test --channel email --to amara@example.org
              rhythm send-test --channel backbone-slack
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("The channel's id in the configuration.", valueName: "id"))
    var channel: String

    @Option(help: ArgumentHelp("For e-mail channels: the address to send to.", valueName: "address"))
    var to: String?

    func run() async throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        guard let found = initiative.channels.first(where: { $0.id == channel }) else {
            let known = initiative.channels.map(\.id).joined(separator: ", ")
            StandardError.print("error: --channel \(channel) is not in the configuration; its channels are: \(known).")
            throw ExitCode(64)
        }
        if found.kind.isEmail, to == nil {
            StandardError.print("error: \(channel) is an e-mail channel; add --to ADDRESS.")
            throw ExitCode(64)
        }
        let logger = Logger(label: "rhythm.send-test") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        let channels = DeliveryChannels(
            initiative: initiative, transport: transport,
            maildirRoot: URL(fileURLWithPath: options.databaseLocation(for: loaded).path).deletingLastPathComponent()
                .path, logger: logger)
        let attempt = await channels.sendTestMessage(on: channel, to: to, initiative: initiative, now: Date())
        transport.shutdown()
        try await pool.shutdownGracefully()
        if let directory = channels.maildir(of: channel) {
            print("No SMTP server is configured for \(channel): the message went to the Maildir \(directory).")
        }
        print(attempt.outcome.description)
        if attempt.disablesEndpoint {
            print("The webhook is gone (410): replace its URL in the secret the channel points to.")
        }
        switch attempt.outcome {
        case .delivered: return
        case .transientFailure, .unknown: throw ExitCode(75)
        case .permanentFailure: throw ExitCode(76)
        case .configurationError: throw ExitCode(78)
        }
    }
}
