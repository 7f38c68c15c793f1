import Foundation
import Logging
import RhythmCore
import RhythmDelivery
import RhythmInbound
import RhythmMail
import RhythmStore

/// Reads every organiser mailbox that is due, records each outcome in the store, and says
/// when each is due again. `rhythm serve` runs one pass whenever a mailbox falls due;
/// `rhythm inbox --once` runs one over all of them, held ones included.
///
/// Failures follow the rules of sending: one an operator must fix (a refused login, an
/// untrusted certificate, a missing mailbox, a password that cannot be read) holds the
/// mailbox until a reload or `rhythm inbox --once`; any other is retried with a backoff.
/// Messages never name a password.
public struct InboxPass: Sendable {
    /// One mailbox's outcome.
    public struct Outcome: Hashable, Sendable {
        public enum Result: Hashable, Sendable {
            case read(handled: Int, unrelated: Int, tooLarge: Int, renumbered: Bool)
            /// Will be tried again at `retryAt`.
            case failed(reason: String, retryAt: Date)
            /// Waits for an operator.
            case held(reason: String)
            /// Not due yet (backing off or not polled yet), or held and not forced.
            case notDue
        }

        public var channelID: String
        public var result: Result
        /// When this mailbox should be read next.
        public var nextReadAt: Date?
    }

    /// The longest wait between two tries after failures.
    static let longestBackoff: TimeInterval = 1800

    let initiative: Initiative
    let store: AppDatabase
    let transport: CurlTransport
    let secrets: SecretResolver
    let logger: Logger

    public init(
        initiative: Initiative, store: AppDatabase, transport: CurlTransport, secrets: SecretResolver, logger: Logger
    ) {
        self.initiative = initiative
        self.store = store
        self.transport = transport
        self.secrets = secrets
        self.logger = logger
    }

    /// The e-mail channels that have an organiser mailbox.
    public static func inboxes(of initiative: Initiative) -> [(channelID: String, settings: InboundMailboxSettings)] {
        initiative.channels.compactMap { channel in
            guard case .email(let email) = channel.kind, let inbound = email.inbound else { return nil }
            return (channel.id, inbound)
        }
    }

    /// Reads the mailboxes of `channels` (all when nil) whose time has come; `force` reads
    /// held and backing-off mailboxes too.
    public func run(channels: Set<String>? = nil, force: Bool, now: Date = Date()) async throws(StoreError)
        -> [Outcome]
    {
        var outcomes: [Outcome] = []
        for (channelID, settings) in Self.inboxes(of: initiative) where channels?.contains(channelID) ?? true {
            let state = try store.inboxState(channelID: channelID)
            if !force, let state {
                if state.isHeld {
                    outcomes.append(Outcome(channelID: channelID, result: .notDue, nextReadAt: nil))
                    continue
                }
                if let next = state.nextAttemptAt, next > now {
                    outcomes.append(Outcome(channelID: channelID, result: .notDue, nextReadAt: next))
                    continue
                }
            }
            outcomes.append(try await read(channelID: channelID, settings: settings, previous: state, now: now))
        }
        return outcomes
    }

    private func read(channelID: String, settings: InboundMailboxSettings, previous: InboxState?, now: Date)
        async throws(StoreError) -> Outcome
    {
        let reader: InboxReader
        do {
            let password = try secrets.resolve(settings.password)
            let account = IMAPAccount(
                server: settings.server, mailbox: settings.mailbox, username: settings.username, password: password,
                caFile: settings.caFile)
            reader = InboxReader(
                channelID: channelID, settings: settings, mailbox: IMAPMailbox(account: account, transport: transport),
                handlers: [BounceHandler(store: store), CalendarReplyHandler(store: store)], store: store,
                initiative: initiative, limits: MailReadingLimits(), logger: logger)
        } catch {
            return try hold(channelID, reason: "the IMAP password cannot be read: \(error)", now: now)
        }
        do {
            let report = try await reader.read(now: now)
            return Outcome(
                channelID: channelID,
                result: .read(
                    handled: report.handled, unrelated: report.unrelated, tooLarge: report.tooLarge,
                    renumbered: report.renumbered),
                nextReadAt: report.more ? now : now + settings.pollInterval.timeInterval)
        } catch let error as IMAPError where error.kind == .configuration {
            return try hold(channelID, reason: error.message, now: now)
        } catch {
            let failures = (previous?.failures ?? 0) + 1
            let wait = min(Self.longestBackoff, settings.pollInterval.timeInterval * pow(2, Double(failures - 1)))
            let retryAt = now + wait
            let reason = (error as? IMAPError)?.message ?? "\(error)"
            try store.recordInboxFailure(
                channelID: channelID, error: reason, nextAttemptAt: retryAt, heldReason: nil, now: Date())
            logger.warning(
                "could not read the organiser mailbox; trying again later",
                metadata: ["inbox.channel": "\(channelID)", "error": "\(reason)", "inbox.retry_at": "\(retryAt)"])
            return Outcome(channelID: channelID, result: .failed(reason: reason, retryAt: retryAt), nextReadAt: retryAt)
        }
    }

    private func hold(_ channelID: String, reason: String, now: Date) throws(StoreError) -> Outcome {
        try store.recordInboxFailure(
            channelID: channelID, error: reason, nextAttemptAt: nil, heldReason: reason, now: now)
        logger.error(
            "the organiser mailbox is held until an operator fixes its configuration and reloads",
            metadata: ["inbox.channel": "\(channelID)", "error": "\(reason)"])
        return Outcome(channelID: channelID, result: .held(reason: reason), nextReadAt: nil)
    }
}
