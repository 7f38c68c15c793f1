import Foundation
import Logging
import RhythmCore
import RhythmDelivery
import RhythmFeeds
import RhythmStore
import ServiceLifecycle

/// Sends what is due in the outbox and records what became of each attempt.
///
/// Each channel gets its own lane, so one slow or dead destination never holds up the
/// others; within a lane up to `concurrencyPerChannel` transfers run at once. An entry is
/// claimed in a short transaction before it is sent and its outcome recorded right after,
/// so a crash in between leaves it `sending`, to be retried with the same message id.
///
/// What an entry says is worked out again just before it goes: reminders are re-planned
/// from the current configuration and data (a meeting cancelled, an action closed or the
/// recipient opting out of the rule since then withdraws the reminder), and an invitation
/// planned for an older SEQUENCE is withdrawn because a newer one replaces it.
public struct Dispatcher: Sendable {
    /// How many entries one lane claims at a time.
    public static let batchSize = 32

    let initiative: Initiative
    let store: AppDatabase
    let channels: DeliveryChannels
    let composer: MessageComposer
    let concurrencyPerChannel: Int
    let health: DispatcherHealth?
    let metrics: RhythmMetrics?
    let logger: Logger

    /// - Parameters:
    ///   - service: where answer links point and how long they live.
    ///   - health: told of each finished entry, for the watchdog.
    ///   - metrics: counts each finished entry by channel and result.
    public init(
        initiative: Initiative, settings: FeedSettings, service: ServiceSettings, store: AppDatabase,
        channels: DeliveryChannels, agendas: AgendaService, concurrencyPerChannel: Int = 4,
        health: DispatcherHealth? = nil,
        metrics: RhythmMetrics? = nil, logger: Logger
    ) {
        self.initiative = initiative
        self.store = store
        self.channels = channels
        composer = MessageComposer(
            initiative: initiative, settings: settings, agendas: agendas,
            links: AnswerLinkIssuer(store: store, service: service))
        self.concurrencyPerChannel = max(concurrencyPerChannel, 1)
        self.health = health
        self.metrics = metrics
        self.logger = logger
    }

    /// What one pass did, by what became of each entry.
    public struct Summary: Hashable, Sendable {
        public var sent = 0
        public var retrying = 0
        public var dead = 0
        public var held = 0
        public var withdrawn = 0
        /// E-mail not sent because its recipient's address bounces (recorded as skipped).
        public var bouncing = 0

        public init() {}

        mutating func add(_ other: Summary) {
            sent += other.sent
            retrying += other.retrying
            dead += other.dead
            held += other.held
            withdrawn += other.withdrawn
            bouncing += other.bouncing
        }

        mutating func count(_ status: OutboxStatus?, held isHeld: Bool) {
            switch status {
            case .sent: sent += 1
            case .dead: dead += 1
            case .withdrawn: withdrawn += 1
            case .pending: if isHeld { held += 1 } else { retrying += 1 }
            // The only entries a lane finishes as skipped are those to a bouncing address.
            case .skipped: bouncing += 1
            case .sending, nil: break
            }
        }
    }

    /// Sends every entry due when the pass starts, lane by lane; entries that fail
    /// transiently wait for their next attempt, and entries that fall due during the pass,
    /// for a later pass.
    /// `sequences` are the series' feed SEQUENCE numbers, to recognise stale invitations.
    public func dispatchDue(sequences: [String: Int], clock: @escaping @Sendable () -> Date = { Date() }) async throws
        -> Summary
    {
        let started = clock()
        let earliest = min(try store.earliestDue(claimableAt: started) ?? started, started)
        let plan = ReminderIndex(
            initiative: initiative, store: store, window: DateInterval(start: earliest, end: started + 1))
        let disabled = try store.disabledChannels()
        let bouncing = try BouncingRecipients(initiative: initiative, store: store)
        let lanes = try store.channelsWithDueEntries(now: started)
        return try await withThrowingTaskGroup(of: Summary.self) { group in
            for channelID in lanes {
                let lane = Lane(
                    dispatcher: self, channelID: channelID, disabledReason: disabled[channelID], bouncing: bouncing,
                    plan: plan, sequences: sequences, claimedAt: started, clock: clock)
                group.addTask { try await lane.run() }
            }
            var total = Summary()
            for try await summary in group { total.add(summary) }
            return total
        }
    }

    /// One channel's entries, claimed in batches and sent a few at a time.
    private struct Lane: Sendable {
        let dispatcher: Dispatcher
        let channelID: String
        let disabledReason: String?
        /// The people whose configured address bounces: e-mail to them is skipped.
        let bouncing: BouncingRecipients
        let plan: ReminderIndex
        let sequences: [String: Int]
        /// The instant entries are claimed at: the start of the pass, which `plan` covers.
        let claimedAt: Date
        let clock: @Sendable () -> Date

        /// Keeps up to `concurrencyPerChannel` entries in flight, claiming the next batch as
        /// soon as the last one is all under way rather than once it is all finished, so the
        /// lane never runs a batch's tail one transfer at a time. At most one batch waits
        /// claimed and unsent.
        func run() async throws -> Summary {
            var summary = Summary()
            let concurrency = dispatcher.concurrencyPerChannel
            try await withThrowingTaskGroup(of: OutboxEntry?.self) { group in
                var pending: ArraySlice<OutboxEntry> = []
                var inFlight = 0
                var exhausted = false
                while true {
                    if Task.shouldStopService, !pending.isEmpty {
                        // Stopping or cancelled: what is under way finishes; what is claimed and
                        // not started is handed back untouched, for the next start to send.
                        try dispatcher.store.release(keys: pending.map(\.key), now: clock())
                        pending = []
                    }
                    while inFlight < concurrency {
                        if pending.isEmpty, !exhausted, !Task.shouldStopService {
                            pending = try dispatcher.store.claimDue(
                                now: claimedAt, limit: Dispatcher.batchSize, channelID: channelID)[...]
                            exhausted = pending.isEmpty
                        }
                        guard let entry = pending.popFirst() else { break }
                        group.addTask { try await deliver(entry) }
                        inFlight += 1
                    }
                    guard let finished = try await group.next() else { return }
                    inFlight -= 1
                    summary.count(finished?.status, held: finished?.isHeld ?? false)
                    dispatcher.health?.progressed(at: clock())
                    dispatcher.metrics?.recordDelivery(channel: channelID, result: Self.result(of: finished))
                }
            }
            return summary
        }

        /// The metrics label of what became of an entry.
        static func result(of entry: OutboxEntry?) -> String {
            switch entry?.status {
            case .sent: "sent"
            case .dead: "dead"
            case .withdrawn: "withdrawn"
            case .pending: entry?.isHeld == true ? "held" : "retry"
            case .skipped: "skipped"
            case .sending, nil: "unknown"
            }
        }

        /// Composes, sends and records one claimed entry; returns it as stored afterwards.
        private func deliver(_ entry: OutboxEntry) async throws -> OutboxEntry? {
            let store = dispatcher.store
            if let disabledReason {
                return try record(entry, .configuration(message: disabledReason), attempt: nil)
            }
            if let reason = bouncing.reasonNotSent(entry) {
                dispatcher.logger.warning(
                    "not sent: the recipient's address bounces",
                    metadata: ["outbox.message_id": "\(entry.messageID)", "channel.id": "\(entry.channelID)"])
                return try store.skip(key: entry.key, reason: reason, now: clock())
            }
            let message: OutgoingMessage
            do {
                switch try resolve(entry) {
                case .message(let resolved): message = resolved
                case .withdrawn(let reason):
                    dispatcher.logger.info(
                        "reminder withdrawn",
                        metadata: ["outbox.message_id": "\(entry.messageID)", "reason": "\(reason)"])
                    return try store.withdraw(key: entry.key, reason: reason, now: clock())
                }
            } catch let error as StoreError {
                throw error
            } catch {
                return try record(
                    entry, .configuration(message: "the message cannot be composed: \(error)"), attempt: nil)
            }
            let attempt = await dispatcher.channels.deliver(
                message, on: entry.channelID, deliveryKey: entry.key, now: entry.createdAt)
            if attempt.disablesEndpoint {
                let reason =
                    "the webhook of \(entry.channelID) answered 410 Gone and was disabled; replace its URL, then run "
                    + "rhythm outbox retry --channel \(entry.channelID)"
                try store.disableChannel(id: entry.channelID, reason: reason, now: clock())
                dispatcher.logger.error(
                    "chat endpoint disabled", metadata: ["channel.id": "\(entry.channelID)", "reason": "\(reason)"])
                return try record(entry, .configuration(message: reason), attempt: attempt.outcome)
            }
            return try record(entry, OutboxOutcome(attempt.outcome), attempt: attempt.outcome)
        }

        private func record(_ entry: OutboxEntry, _ outcome: OutboxOutcome, attempt: DeliveryOutcome?) throws
            -> OutboxEntry?
        {
            let stored = try dispatcher.store.recordOutcome(key: entry.key, outcome: outcome, now: clock())
            // The metadata is an autoclosure: a pass of ten thousand e-mails logged at the
            // default level (warning) builds none of it for the ones delivered.
            switch stored?.status {
            case .sent:
                dispatcher.logger.info("delivered", metadata: Self.metadata(entry, stored, attempt, withReply: false))
            case .dead:
                dispatcher.logger.error(
                    "delivery failed for good (dead letter)", metadata: Self.metadata(entry, stored, attempt))
            default:
                dispatcher.logger.warning(
                    "delivery not done; will retry or wait for an operator",
                    metadata: Self.metadata(entry, stored, attempt))
            }
            return stored
        }

        /// What a log line says about a recorded attempt; the reply only when it was not delivered.
        private static func metadata(
            _ entry: OutboxEntry, _ stored: OutboxEntry?, _ attempt: DeliveryOutcome?, withReply: Bool = true
        ) -> Logger.Metadata {
            var metadata: Logger.Metadata = [
                "outbox.message_id": "\(entry.messageID)", "channel.id": "\(entry.channelID)",
                "delivery.attempt": "\(entry.attempts)", "outbox.status": "\(stored?.status.rawValue ?? "gone")",
            ]
            if let attempt { metadata["delivery.outcome"] = "\(attempt)" }
            if withReply { metadata["delivery.reply"] = "\(stored?.lastReply ?? "")" }
            return metadata
        }

        private enum Resolution {
            case message(OutgoingMessage)
            case withdrawn(String)
        }

        private func resolve(_ entry: OutboxEntry) throws -> Resolution {
            if entry.key.hasPrefix(LiveChangeNotice.keyPrefix) {
                return .message(try dispatcher.composer.notice(for: entry))
            }
            if let personID = entry.consoleSignInPersonID {
                guard
                    let message = try dispatcher.composer.consoleSignInMessage(
                        for: entry, personID: personID, now: clock())
                else { return .withdrawn("its person may no longer sign in to the console") }
                return .message(message)
            }
            if entry.isInvitation {
                guard let payload = InvitationPayload(json: entry.payload),
                    let message = try dispatcher.composer.message(
                        for: payload, entry: entry, sequences: sequences, now: clock())
                else { return .withdrawn("superseded by a newer invitation, or its series or person is gone") }
                return .message(message)
            }
            if entry.isMinutes {
                guard let payload = MinutesMailPayload(json: entry.payload),
                    let message = try dispatcher.composer.message(forMinutes: payload, entry: entry, now: clock())
                else { return .withdrawn("superseded by a correction, or its minutes, series or person is gone") }
                return .message(message)
            }
            guard let reminder = try plan.reminder(for: entry) else {
                return .withdrawn(
                    "no longer planned: its meeting was cancelled or moved, its action closed, its data recorded, "
                        + "its quorum reached, or its recipient opted out of its rule")
            }
            return .message(try dispatcher.composer.message(for: reminder, entry: entry, now: clock()))
        }
    }
}

/// The reminders the rules plan for the due instants of one pass's entries, by key, to look
/// up claimed entries.
private struct ReminderIndex: Sendable {
    let initiative: Initiative
    let store: AppDatabase
    let window: DateInterval
    let byKey: [String: Reminder]
    let failure: StoreError?

    init(initiative: Initiative, store: AppDatabase, window: DateInterval) {
        self.initiative = initiative
        self.store = store
        self.window = window
        do {
            let reminders = try ReminderPlanner.plan(
                initiative: initiative, window: window, store: store, now: window.end)
            byKey = Dictionary(reminders.map { ($0.key, $0) }) { first, _ in first }
            failure = nil
        } catch {
            byKey = [:]
            failure = error
        }
    }

    /// The reminder `entry` stands for, planned afresh; nil when the rules no longer plan it.
    func reminder(for entry: OutboxEntry) throws(StoreError) -> Reminder? {
        if let failure { throw failure }
        if window.contains(entry.due) { return byKey[entry.key] }
        let around = DateInterval(start: entry.due - 3600, end: entry.due + 3600)
        return try ReminderPlanner.plan(initiative: initiative, window: around, store: store, now: Date())
            .first { $0.key == entry.key }
    }
}

extension OutboxOutcome {
    /// The outbox's view of a transport's outcome.
    init(_ outcome: DeliveryOutcome) {
        switch outcome {
        case .delivered: self = .delivered
        case .transientFailure(let reply, let retryAfter):
            self = .transient(reply: reply.description, retryAfter: retryAfter.map { Double($0.components.seconds) })
        case .permanentFailure(let reply): self = .permanent(reply: reply.description)
        case .configurationError(let message): self = .configuration(message: message)
        case .unknown(let reply): self = .unknown(reply: reply.description)
        }
    }
}
