import Foundation

/// One message Rhythm means to send: to whom, through which channel, when, and about what.
///
/// Planned by `ReminderPlanner` and written to the outbox before it is sent. The `key` is
/// deterministic, so planning the same window again yields the same keys and the outbox
/// can refuse duplicates.
///
/// A plan for thousands of people holds tens of thousands of reminders and moves them
/// between arrays as it places, gathers and sorts them, so a reminder is one reference to
/// shared, immutable storage, and its subject is boxed once and shared by every recipient's
/// reminder about it: copies cost a pointer, not a kilobyte.
public struct Reminder: Hashable, Sendable, Identifiable {
    /// What the reminder is about. Indirect, so the reminders of one meeting for all its
    /// attendees share one copy of the occurrence.
    public indirect enum Subject: Hashable, Sendable {
        /// A meeting that is held (scheduled or moved, never cancelled or skipped).
        case meeting(Occurrence)
        /// An open action with a due date.
        case action(Action)
        /// Indicator data the review `review` needs and nobody has reported yet.
        case indicator(IndicatorStanding, review: Occurrence)
        /// A person's daily digest: the e-mail reminders of one local day, in due order.
        case digest([Reminder])
        /// A meeting whose quorum is not yet met when its series' quorum is checked; the
        /// organiser is told who has not answered and who sent apologies.
        case quorum(QuorumStanding)
    }

    /// Who receives the message.
    public enum Recipient: Hashable, Sendable, CustomStringConvertible {
        /// One person, by id: an e-mail to their address.
        case person(String)
        /// A chat channel, by id: one post to the channel's webhook.
        case channel(String)

        /// `person:<id>` or `channel:<id>`, as used in keys and in the outbox.
        public var description: String {
            switch self {
            case .person(let id): "person:\(id)"
            case .channel(let id): "channel:\(id)"
            }
        }
    }

    /// What the message carries.
    public enum ContentKind: String, CaseIterable, Hashable, Sendable {
        /// A short reminder.
        case reminder
        /// The meeting's full agenda.
        case agenda
        /// A digest of several reminders.
        case digest
    }

    /// Why a reminder goes out at another time than its rule put it.
    public struct Adjustment: Hashable, Sendable {
        /// Where the rule put it.
        public let plannedDue: Date
        /// Why it moved, for people: "Sunday 2026-12-06 is a weekend day".
        public let reason: String

        public init(plannedDue: Date, reason: String) {
            self.plannedDue = plannedDue
            self.reason = reason
        }
    }

    /// Unique and stable across planning runs: rule, subject, recipient and channel.
    public var key: String { storage.fields.key }
    /// When the reminder should go out, after quiet hours and digests are applied.
    public var due: Date { storage.fields.due }
    /// After this instant the reminder is no longer worth sending (the meeting has begun,
    /// the next repetition has taken over, the review has been held).
    public var usefulUntil: Date { storage.fields.usefulUntil }
    /// The rule that produced it; nil for a digest, which gathers several rules, and for a
    /// quorum warning, which the series' `quorum:` asks for.
    public var rule: ReminderRule? { storage.fields.rule }
    public var channel: Channel { storage.fields.channel }
    public var recipient: Recipient { storage.fields.recipient }
    /// People to mention in a chat post: those with a handle for the channel's kind.
    public var mentions: [String] { storage.fields.mentions }
    public var subject: Subject { storage.fields.subject }
    /// 0 for a `before` reminder; 1, 2, ... for the repetitions of an `overdue` one.
    public var repetition: Int { storage.fields.repetition }
    public var content: ContentKind { storage.fields.content }
    /// Set when the reminder was moved off a non-business day (see `ReminderRule.NonBusinessDays`).
    public var adjustment: Adjustment? { storage.fields.adjustment }

    public init(
        key: String,
        due: Date,
        usefulUntil: Date,
        rule: ReminderRule?,
        channel: Channel,
        recipient: Recipient,
        mentions: [String] = [],
        subject: Subject,
        repetition: Int = 0,
        content: ContentKind,
        adjustment: Adjustment? = nil
    ) {
        storage = Storage(
            Fields(
                key: key, due: due, usefulUntil: usefulUntil, rule: rule, channel: channel, recipient: recipient,
                mentions: mentions, subject: subject, repetition: repetition, content: content,
                adjustment: adjustment))
    }

    private let storage: Storage

    /// What a reminder holds, compared and hashed as a whole.
    private struct Fields: Hashable, Sendable {
        let key: String
        let due: Date
        let usefulUntil: Date
        let rule: ReminderRule?
        let channel: Channel
        let recipient: Recipient
        let mentions: [String]
        let subject: Subject
        let repetition: Int
        let content: ContentKind
        let adjustment: Adjustment?
    }

    /// The one shared copy of a reminder's fields.
    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    public static func == (lhs: Reminder, rhs: Reminder) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// The key, which identifies the reminder.
    public var id: String { key }
}

/// A reminder its rule planned but that will not go out, and why: it fell on a non-business
/// day and its rule skips those, or moving it made it too late to be of use.
public struct SkippedReminder: Hashable, Sendable {
    /// The reminder as its rule planned it.
    public let reminder: Reminder
    /// Why it is not sent, for people.
    public let reason: String

    public init(reminder: Reminder, reason: String) {
        self.reminder = reminder
        self.reason = reason
    }
}
