/// When and how people are reminded: of a meeting and its agenda, of an action falling
/// due, of indicator data the review needs.
///
/// Rules are part of the configuration; the reminders they produce are planned and sent by
/// the daemon.
public struct ReminderRule: Hashable, Sendable, Identifiable {
    /// What the rule is about.
    public enum Subject: Hashable, Sendable {
        /// Occurrences of the named series; all series when the list is empty.
        case meetings(seriesIDs: [String])
        /// Open actions, reminded to their owner.
        case actions
        /// Indicator data, reminded to the indicator's owner before it is due for review.
        case indicators
    }

    /// When a reminder is due, relative to its subject.
    public enum Trigger: Hashable, Sendable {
        /// A fixed time before the meeting starts, the action is due or the data is due.
        case before(ReminderOffset)
        /// Once the action or the data is late, then again every `repeatEvery` until it is
        /// dealt with, at most `maximumCount` times in all.
        case overdue(repeatEvery: ReminderOffset?, maximumCount: Int)
    }

    /// Who the reminder addresses.
    public enum Audience: String, CaseIterable, Hashable, Sendable {
        /// Everyone who attends the meeting.
        case attendees
        /// The meeting's organiser.
        case organizer
        /// The owner of the action or the indicator.
        case owner
    }

    /// What the message carries.
    public enum Content: String, CaseIterable, Hashable, Sendable {
        /// A short reminder.
        case reminder
        /// The meeting's full agenda.
        case agenda
    }

    public let id: String
    public var subject: Subject
    public var trigger: Trigger
    public var channelID: String
    public var audience: Audience
    public var content: Content

    public init(
        id: String,
        subject: Subject,
        trigger: Trigger,
        channelID: String,
        audience: Audience,
        content: Content = .reminder
    ) {
        self.id = id
        self.subject = subject
        self.trigger = trigger
        self.channelID = channelID
        self.audience = audience
        self.content = content
    }
}

/// A span such as "3 business days" or "1 hour", counted back from a due instant.
public struct ReminderOffset: Hashable, Sendable {
    /// The unit a span is counted in.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case minutes
        case hours
        case days
        /// Monday to Friday, holidays and shutdowns excluded.
        case businessDays = "business-days"
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }
}
