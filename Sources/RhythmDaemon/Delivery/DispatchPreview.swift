import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// What a dispatcher run would send if it started now, worked out with the dispatcher's own
/// planners (`OutboxPlanner`, and through it `ReminderPlanner` and `InvitationPlanner`) over
/// the outbox as it stands, without writing to the database or sending: `rhythm simulate`
/// shows it, so what it lists is what `rhythm dispatch --once` sends.
///
/// A run recovers what a crash left `sending`, publishes the series, enqueues what the
/// planners plan (an entry the outbox holds keeps its state; a pending, never-tried one
/// takes its new times; a withdrawn one comes back), then sends every pending entry that is
/// due, not held, still useful, on a channel that is not disabled, and still planned (a
/// reminder its rules no longer plan is withdrawn, an invitation for an older SEQUENCE too).
/// E-mail to a person whose address bounces is listed with the reason it is skipped instead.
public struct DispatchPreview: Sendable {
    /// One message a run would send now.
    public struct Message: Sendable {
        /// What the message is.
        public enum Content: Sendable {
            /// A reminder, agenda or digest.
            case reminder(Reminder)
            /// A calendar invitation or cancellation of `seriesID` to the person `personID`.
            case invitation(PlannedInvitation.Kind, seriesID: String, title: String, personID: String)
        }

        /// The outbox key.
        public let key: String
        /// The Message-ID (e-mail) or `webhook-id` it goes out with.
        public let messageID: String
        public let channelID: String
        /// When it fell due; it goes out now.
        public let due: Date
        public let content: Content
        /// Why a run skips it instead of sending it (its recipient's address bounces), or nil
        /// when it goes out.
        public let notSent: String?
    }

    /// The messages, by due instant then key.
    public let messages: [Message]

    /// Works the messages out for a run starting at `now`.
    public init(configuration: LoadedConfiguration, store: AppDatabase, now: Date) throws(StoreError) {
        let initiative = configuration.initiative
        let sequences = try FeedCatalog.sequencesToPublish(configuration, store: store)
        let plan = try OutboxPlanner(initiative: initiative, store: store).plan(sequences: sequences, now: now)
        let reminders = Dictionary(plan.reminders.map { ($0.key, $0) }) { first, _ in first }
        var outbox: [String: OutboxEntry] = [:]
        for status in [OutboxStatus.pending, .sending] {
            for entry in try store.outboxEntries(status: status, limit: Int(Int32.max)) {
                outbox[entry.key] = entry
            }
        }
        let planned =
            plan.reminders.map { OutboxEntry(reminder: $0) } + plan.invitations.map { OutboxEntry(invitation: $0) }
        for entry in planned {
            var existing = outbox[entry.key]
            if existing == nil { existing = try store.outboxEntry(key: entry.key) }
            outbox[entry.key] = Self.enqueued(entry, existing: existing)
        }
        let disabled = try store.disabledChannels()
        let bouncing = try BouncingRecipients(initiative: initiative, store: store)
        messages = outbox.values.filter { entry in
            (entry.status == .pending && !entry.isHeld && entry.nextAttemptAt <= now || entry.status == .sending)
                && entry.usefulUntil > now && disabled[entry.channelID] == nil
        }
        .compactMap { entry in
            let content: Message.Content
            if entry.isInvitation {
                guard let payload = InvitationPayload(json: entry.payload),
                    payload.kind != .request || sequences[payload.seriesID] == payload.feedSequence
                else { return nil }
                content = .invitation(
                    payload.plannedKind, seriesID: payload.seriesID, title: payload.title, personID: payload.personID)
            } else {
                guard let reminder = reminders[entry.key] else { return nil }
                content = .reminder(reminder)
            }
            return Message(
                key: entry.key, messageID: entry.messageID, channelID: entry.channelID, due: entry.due,
                content: content, notSent: bouncing.reasonNotSent(entry))
        }
        .sorted { ($0.due, $0.key) < ($1.due, $1.key) }
    }

    /// `entry` as the outbox holds it once enqueued over `existing` (see `AppDatabase.enqueue`).
    private static func enqueued(_ entry: OutboxEntry, existing: OutboxEntry?) -> OutboxEntry {
        guard let existing else { return entry }
        let renewed =
            existing.status == .withdrawn || (existing.status == .pending && existing.attempts == 0 && !existing.isHeld)
        return renewed ? entry : existing
    }
}

extension InvitationPayload {
    /// The planner's name for what the payload carries.
    var plannedKind: PlannedInvitation.Kind {
        switch kind {
        case .request: .request
        case .cancelOccurrence(let originalStart): .cancelOccurrence(originalStart: originalStart)
        case .cancelSeries: .cancelSeries
        }
    }
}
