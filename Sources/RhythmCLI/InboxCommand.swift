import ArgumentParser
import Foundation
import Logging
import NIOPosix
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmDelivery
import RhythmStore

/// `rhythm inbox --once`: read the organiser mailboxes now, then exit.
struct InboxCommand: AsyncParsableCommand {
    /// EX_TEMPFAIL: a mailbox could not be read this time; a later run tries again.
    static let temporaryFailureStatus: Int32 = 75
    /// EX_CONFIG: a mailbox is held until its configuration is fixed.
    static let heldStatus: Int32 = 78

    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Read the organiser mailboxes for calendar replies and bounces, and exit.",
        discussion: """
            Does once what the service does every poll_every: reads the messages that arrived \
            in each e-mail channel's inbound: mailbox since the last read, applies the calendar \
            replies and delivery reports among them, marks those seen and moves them to the \
            processed folder (Rhythm/Processed unless configured), and leaves every other \
            message unread where it was. A held mailbox (its login or certificate was refused) \
            is tried again too, and released when the read succeeds. Exits with 75 when a \
            mailbox could not be reached (or the service is reading them at that moment) and \
            78 when one is held for an operator.

            Example (from cron or a systemd timer):
              rhythm inbox --once --config /etc/rhythm/rhythm.yaml
            """
    )

    @OptionGroup var options: RhythmOptions

    @Flag(help: "Read the mailboxes now and exit (`rhythm serve` reads them continuously).")
    var once = false

    @Option(name: .customLong("channel"), help: "Read only the mailbox of this e-mail channel.")
    var channelID: String?

    @Flag(help: "Log each message handled to standard error.")
    var verbose = false

    func validate() throws {
        guard once else {
            throw ValidationError(
                "Add --once: rhythm inbox reads the mailboxes now and exits; rhythm serve reads them continuously.")
        }
    }

    func run() async throws {
        let loaded = try options.load()
        let inboxes = InboxPass.inboxes(of: loaded.initiative)
        if let channelID, !inboxes.contains(where: { $0.channelID == channelID }) {
            let known = inboxes.map(\.channelID).joined(separator: ", ")
            throw ValidationError(
                "No e-mail channel \"\(channelID)\" with an inbound: mailbox; "
                    + (known.isEmpty ? "none is configured." : "the channels with one are: \(known)."))
        }
        guard !inboxes.isEmpty else {
            print("No e-mail channel has an inbound: mailbox; nothing to read.")
            return
        }
        let location = options.databaseLocation(for: loaded)
        let store = try options.open(location)
        let lock: DispatchLock?
        do {
            lock = try DispatchLock.acquireInboxes(forDatabaseAt: location.path)
        } catch {
            StandardError.print("error: \(error)")
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        guard let lock else {
            StandardError.print(
                "error: the running service is reading the organiser mailboxes of \(location.path); try again in a minute."
            )
            throw ExitCode(Self.temporaryFailureStatus)
        }
        defer { withExtendedLifetime(lock) {} }
        let level: Logger.Level = verbose ? .info : .warning
        let logger = Logger(label: "rhythm.inbox") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        let pass = InboxPass(
            initiative: loaded.initiative, store: store, transport: transport, secrets: SecretResolver(), logger: logger
        )
        let outcomes: [InboxPass.Outcome]
        do {
            outcomes = try await pass.run(channels: channelID.map { [$0] }, force: true)
        } catch {
            transport.shutdown()
            try? await pool.shutdownGracefully()
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        transport.shutdown()
        try await pool.shutdownGracefully()
        for outcome in outcomes { print(Self.line(outcome)) }
        if outcomes.contains(where: { if case .held = $0.result { true } else { false } }) {
            throw ExitCode(Self.heldStatus)
        }
        if outcomes.contains(where: { if case .failed = $0.result { true } else { false } }) {
            throw ExitCode(Self.temporaryFailureStatus)
        }
    }

    static func line(_ outcome: InboxPass.Outcome) -> String {
        switch outcome.result {
        case .read(let handled, let unrelated, let tooLarge, let renumbered):
            var text =
                "\(outcome.channelID): \(Plural.phrase(handled, "message")) handled and moved, "
                + "\(unrelated) left for people"
            if tooLarge > 0 { text += ", \(tooLarge) too large to read" }
            if renumbered { text += " (the server had renumbered the mailbox; older mail was not read again)" }
            return text + "."
        case .failed(let reason, let retryAt):
            return
                "\(outcome.channelID): not read: \(reason); the service tries again at \(retryAt.formatted(.iso8601))."
        case .held(let reason):
            return "\(outcome.channelID): held for an operator: \(reason). Fix the configuration, then reload "
                + "(systemctl reload rhythm) or run rhythm inbox --once again."
        case .notDue:
            return "\(outcome.channelID): not due."
        }
    }
}
