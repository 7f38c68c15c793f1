import Foundation

/// One message Rhythm means to send: to whom, through which channel, when, and about what.
///
/// Planned by `ReminderPlanner` and written to the outbox before it is sent. The `key` is
/// deterministic, so planning the same window again yields the same keys and the outbox
/// can refuse duplicates.
public struct Reminder: Hashable, Sendable, Identifiable {
    /// What the reminder is about.
    public enum Subject: Hashable, Sendable {
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
    public let key: String
    /// When the reminder should go out, after quiet hours and digests are applied.
    public let due: Date
    /// After this instant the reminder is no longer worth sending (the meeting has begun,
    /// the next repetition has taken over, the review has been held).
    public let usefulUntil: Date
    /// The rule that produced it; nil for a digest, which gathers several rules, and for a
    /// quorum warning, which the series' `quorum:` asks for.
    public let rule: ReminderRule?
    public let channel: Channel
    public let recipient: Recipient
    /// People to mention in a chat post: those with a handle for the channel's kind.
    public let mentions: [String]
    public let subject: Subject
    /// 0 for a `before` reminder; 1, 2, ... for the repetitions of an `overdue` one.
    public let repetition: Int
    public let content: ContentKind
    /// Set when the reminder was moved off a non-business day (see `ReminderRule.NonBusinessDays`).
    public let adjustment: Adjustment?

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
        self.key = key
        self.due = due
        self.usefulUntil = usefulUntil
        self.rule = rule
        self.channel = channel
        self.recipient = recipient
        self.mentions = mentions
        self.subject = subject
        self.repetition = repetition
        self.content = content
        self.adjustment = adjustment
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
