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

    /// What becomes of a reminder that falls on a weekend or in one of the initiative's
    /// holiday periods (`on_non_business_days:`), read on the clock it was planned on: the
    /// meeting's for a meeting, the owner's for an action or indicator data.
    public enum NonBusinessDays: String, CaseIterable, Hashable, Sendable {
        /// Sent as planned.
        case send
        /// Not sent.
        case skip
        /// Sent at the same time on the first business day after; dropped when by then the
        /// meeting has started or the next reminder about the same thing has taken over.
        case nextBusinessDay = "next-business-day"
        /// Sent at the same time on the last business day before, but never before the
        /// previous meeting of the same series has ended.
        case previousBusinessDay = "previous-business-day"

        /// What a rule does when it does not say: meeting reminders and agendas keep their
        /// relation to the meeting (`send`); nags about actions and data wait for the next
        /// working day (`next-business-day`).
        public static func defaultValue(for subject: Subject) -> Self {
            if case .meetings = subject { return .send }
            return .nextBusinessDay
        }
    }

    public let id: String
    public var subject: Subject
    public var trigger: Trigger
    public var channelID: String
    public var audience: Audience
    public var content: Content
    public var onNonBusinessDays: NonBusinessDays

    /// `onNonBusinessDays` defaults to `NonBusinessDays.defaultValue(for: subject)`.
    public init(
        id: String,
        subject: Subject,
        trigger: Trigger,
        channelID: String,
        audience: Audience,
        content: Content = .reminder,
        onNonBusinessDays: NonBusinessDays? = nil
    ) {
        self.id = id
        self.subject = subject
        self.trigger = trigger
        self.channelID = channelID
        self.audience = audience
        self.content = content
        self.onNonBusinessDays = onNonBusinessDays ?? .defaultValue(for: subject)
    }
}

/// A span such as "3 business days" or "1 hour", counted back from a due instant.
public struct ReminderOffset: Hashable, Sendable {
    /// The unit a span is counted in.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case minutes
        case hours
        case days
        /// Monday to Friday. The initiative's holiday periods do not stretch the count (a
        /// shutdown would turn "3 business days" into weeks); a reminder that lands in one
        /// is moved or skipped as its rule's `NonBusinessDays` says.
        case businessDays = "business-days"
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }
}
