import Foundation

/// Turns the initiative's reminder rules into the reminders due in a window: a pure
/// function of the configuration, the actions, the indicator results and `now`.
///
/// Choices the rules leave open, fixed here so every run agrees:
/// - A meeting reminder `N minutes/hours` before is that long before the start instant;
///   `N days/business days` before is the meeting's own wall-clock time in its own zone on
///   the day `N` (business) days earlier. It is useful until the meeting starts.
/// - Actions and indicator data are due on a date; reminders about them go out at
///   `workdayStart` (09:00) in the owner's zone. `before` counts back from 09:00 on the due
///   date; the first `overdue` reminder is at 09:00 on the day after the due date (on the
///   first business day after it when the rule repeats in business days), then one every
///   `repeatEvery`, `maximumCount` in all (one when the rule does not repeat).
/// - An action reminder is useful until the next one about the same action would go out:
///   `before` until the first overdue time, each repetition until the next, and the last
///   repetition for `lastRepetitionLifetime` (7 days). Indicator reminders are useful until
///   the review starts; repetitions that would fall after it are not planned.
/// - `business-days` count Monday to Friday; the initiative's holiday periods do not stretch
///   the count. A reminder that lands on a weekend or in a holiday period is sent, skipped or
///   moved to the next or previous business day as its rule says (see
///   `ReminderPlanner+BusinessDays.swift`), before quiet hours are applied; where quiet hours
///   then defer it onto a non-business day, the rule applies again (see
///   `ReminderPlanner+Placement.swift`).
/// - Quiet hours are read in the recipient's zone with the person's own hours, else the
///   initiative's; a chat post uses the initiative's hours and zone. A reminder deferred
///   past its useful-until is dropped.
/// - Digests: see `ReminderPlanner+Digest.swift`.
/// - Quorum warnings: see `ReminderPlanner+Quorum.swift`.
/// - `now` only decides whether indicator data already counts as late; the keys and due
///   instants of the plan do not depend on it, so planning twice gives the same reminders.
/// - An action or indicator whose owner is not a known person produces nothing, and so
///   does an audience that does not fit the subject (the configuration check refuses both).
/// - A person who opted out of a rule (`optOuts`) gets no e-mail of that rule, alone or in a
///   digest; a chat post is not addressed to anyone in particular, so opt-outs leave it as is.
public enum ReminderPlanner {
    /// When reminders about things due on a date go out, in the owner's zone.
    public static let workdayStart = LocalTime(hour: 9, minute: 0)!
    /// How long the last overdue reminder of an action stays worth sending.
    public static let lastRepetitionLifetime: TimeInterval = 7 * 86_400

    /// Every reminder whose due instant lies in `window` (start included, end excluded),
    /// sorted by due instant then key.
    public static func plan(
        initiative: Initiative,
        window: DateInterval,
        actions: [Action],
        results: [IndicatorResult],
        optOuts: [ReminderOptOut] = [],
        attendance: [Attendance] = [],
        now: Date
    ) -> [Reminder] {
        planWithSkips(
            initiative: initiative, window: window, actions: actions, results: results, optOuts: optOuts,
            attendance: attendance, now: now
        ).reminders
    }

    /// The reminders of `plan`, and those the rules planned in `window` that will not go out
    /// because they fell on a non-business day (sorted by planned due instant then key).
    /// `attendance` holds the answers for the meetings of series with a quorum (others are
    /// ignored); without them every quorum looks unmet.
    public static func planWithSkips(
        initiative: Initiative,
        window: DateInterval,
        actions: [Action],
        results: [IndicatorResult],
        optOuts: [ReminderOptOut] = [],
        attendance: [Attendance] = [],
        now: Date
    ) -> (reminders: [Reminder], skipped: [SkippedReminder]) {
        let context = Context(initiative: initiative, window: window, optOuts: optOuts)
        var candidates: [Reminder] = []
        for rule in initiative.reminderRules {
            guard let channel = initiative.channels.first(where: { $0.id == rule.channelID }) else { continue }
            switch rule.subject {
            case .meetings(let seriesIDs):
                candidates += context.meetingReminders(rule: rule, channel: channel, seriesIDs: seriesIDs)
            case .actions:
                candidates += context.actionReminders(rule: rule, channel: channel, actions: actions)
            case .indicators:
                candidates += context.indicatorReminders(rule: rule, channel: channel, results: results, now: now)
            }
        }
        candidates += context.quorumReminders(attendance: attendance)
        var kept: [Reminder] = []
        var skipped: [SkippedReminder] = []
        for candidate in candidates {
            switch context.placed(candidate) {
            case .kept(let reminder): kept.append(reminder)
            case .skipped(let skip): skipped.append(skip)
            case nil: break
            }
        }
        // Filtered and sorted in place: a plan for thousands of people holds tens of thousands
        // of reminders, and every copy of the array counts in the dispatcher's peak memory.
        var reminders = context.gatheringDigests(kept)
        reminders.removeAll { !(window.start <= $0.due && $0.due < window.end) }
        reminders.sort { ($0.due, $0.key) < ($1.due, $1.key) }
        let skippedInWindow = skipped.filter { window.start <= $0.reminder.due && $0.reminder.due < window.end }
            .sorted { ($0.reminder.due, $0.reminder.key) < ($1.reminder.due, $1.reminder.key) }
        return (reminders, skippedInWindow)
    }
}

extension ReminderPlanner {
    /// What every part of one planning run shares.
    struct Context {
        let initiative: Initiative
        let window: DateInterval
        /// Business days: the days a reminder may fall on, as its rule says.
        let calendar: BusinessCalendar
        /// Monday to Friday, whatever the holidays: what offsets in business days count in.
        let weekdays: BusinessCalendar
        let people: [String: Person]
        /// The rules each person opted out of, by person id.
        let optedOut: [String: Set<String>]
        /// The instants in which subjects are looked for: wide enough that every reminder
        /// which can land in the window, after quiet hours and digests, is found.
        let span: DateInterval

        init(initiative: Initiative, window: DateInterval, optOuts: [ReminderOptOut]) {
            self.initiative = initiative
            self.window = window
            calendar = BusinessCalendar(holidays: initiative.holidays)
            weekdays = BusinessCalendar(holidays: [])
            people = Dictionary(initiative.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            optedOut = Dictionary(grouping: optOuts, by: \.personID).mapValues { Set($0.map(\.ruleID)) }
            let slack: TimeInterval = 2 * 86_400
            let lookahead = Self.lookahead(for: initiative)
            span = DateInterval(start: window.start - slack, end: window.end + lookahead + slack)
        }

        /// The longest time between a reminder and the meeting it is about.
        private static func lookahead(for initiative: Initiative) -> TimeInterval {
            let holidayDays = initiative.holidays.reduce(0) { $0 + $1.firstDay.days(to: $1.lastDay) + 1 }
            func days(businessDays: Int) -> Int { businessDays * 7 / 5 + 3 + min(holidayDays, 366) }
            func length(_ offset: ReminderOffset) -> TimeInterval {
                let amount = max(offset.amount, 0)
                switch offset.unit {
                case .minutes: return TimeInterval(amount * 60)
                case .hours: return TimeInterval(amount * 3600)
                case .days: return TimeInterval((amount + 1) * 86_400)
                case .businessDays: return TimeInterval(days(businessDays: amount) * 86_400)
                }
            }
            let dataDue = initiative.indicators.map { days(businessDays: $0.dueBusinessDaysBeforeReview) }.max() ?? 0
            let rules = initiative.reminderRules.map { rule in
                let before: TimeInterval
                if case .before(let offset) = rule.trigger { before = length(offset) } else { before = 0 }
                if case .indicators = rule.subject { return before + TimeInterval(dataDue * 86_400) }
                return before
            }
            let quorumChecks = initiative.series.compactMap { $0.quorum.map { length($0.check) } }
            return (rules + quorumChecks).max() ?? 0
        }

        /// One e-mail per person who has not opted out of the rule, or one chat post mentioning
        /// those with a handle.
        func reminders(
            rule: ReminderRule, channel: Channel, personIDs: [String], subject: Reminder.Subject, subjectKey: String,
            repetition: Int, due: Date, usefulUntil: Date
        ) -> [Reminder] {
            var seen = Set<String>()
            let unique = personIDs.filter { people[$0] != nil && seen.insert($0).inserted }
            let content: Reminder.ContentKind = rule.content == .agenda ? .agenda : .reminder
            if channel.kind.isEmail {
                return unique.filter { optedOut[$0]?.contains(rule.id) != true }.map { personID in
                    Reminder(
                        key: "\(rule.id)|\(subjectKey)|person:\(personID)|\(channel.id)", due: due,
                        usefulUntil: usefulUntil, rule: rule, channel: channel, recipient: .person(personID),
                        subject: subject, repetition: repetition, content: content)
                }
            }
            let mentions = unique.filter { people[$0]?.chatHandles.handle(for: channel.kind) != nil }
            return [
                Reminder(
                    key: "\(rule.id)|\(subjectKey)|channel:\(channel.id)|\(channel.id)", due: due,
                    usefulUntil: usefulUntil, rule: rule, channel: channel, recipient: .channel(channel.id),
                    mentions: mentions, subject: subject, repetition: repetition, content: content)
            ]
        }

        /// The reminder moved out of its recipient's quiet hours.
        func deferredForQuietHours(_ reminder: Reminder) -> Reminder {
            let (quietHours, zone) = quietHours(for: reminder.recipient)
            guard let quietHours else { return reminder }
            let due = quietHours.deferring(reminder.due, in: zone)
            guard due != reminder.due else { return reminder }
            return reminder.with(due: due)
        }

        /// The quiet hours and zone that apply to `recipient`.
        func quietHours(for recipient: Reminder.Recipient) -> (QuietHours?, TimeZone) {
            if case .person(let id) = recipient, let person = people[id] {
                return (person.quietHours ?? initiative.quietHours, person.timeZone)
            }
            return (initiative.quietHours, initiative.timeZone)
        }
    }
}

extension Reminder {
    /// The same reminder due at another instant.
    func with(due: Date) -> Reminder {
        Reminder(
            key: key, due: due, usefulUntil: usefulUntil, rule: rule, channel: channel, recipient: recipient,
            mentions: mentions, subject: subject, repetition: repetition, content: content, adjustment: adjustment)
    }

    /// The same reminder moved to `due`, for `adjustment`'s reason.
    func moved(to due: Date, _ adjustment: Adjustment) -> Reminder {
        Reminder(
            key: key, due: due, usefulUntil: usefulUntil, rule: rule, channel: channel, recipient: recipient,
            mentions: mentions, subject: subject, repetition: repetition, content: content, adjustment: adjustment)
    }
}

extension ChatHandles {
    /// The person's handle in the chat system `kind` posts to; nil for e-mail and generic
    /// webhooks, which have no mentions.
    public func handle(for kind: Channel.Kind) -> String? {
        switch kind {
        case .slack: slack
        case .teams: teams
        case .mattermost: mattermost
        case .discord: discord
        case .googleChat: googleChat
        case .email, .webhook: nil
        }
    }
}
