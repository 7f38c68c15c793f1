import RhythmCore

/// `reminders:`, the rules for reminding people of meetings, actions and indicator data.
extension ConfigurationDecoder {
    private enum SubjectChoice: String, CaseIterable {
        case meetings, actions, indicators
    }

    private static let reminderKeys = [
        "id", "for", "series", "before", "overdue", "channel", "to", "send", "on_non_business_days",
    ]

    func decodeReminder(_ value: ConfigValue) -> ReminderRule? {
        guard let fields = fields(of: value, allowed: Self.reminderKeys) else { return nil }
        let id = identifier(fields, kind: .reminder)
        let subjectChoice = fields.required("for", "meetings, actions or indicators").flatMap {
            choice($0, SubjectChoice.self)
        }
        let series = fields.optional("series").map { references($0, to: .series) }
        let trigger = self.trigger(fields)
        let channel = fields.required("channel", "the id of a channel under channels:").flatMap {
            reference($0, to: .channel)
        }
        let audience = fields.optional("to").map { choice($0, ReminderRule.Audience.self) }
        let content = fields.optional("send").map { choice($0, ReminderRule.Content.self) }
        let nonBusinessDays = fields.optional("on_non_business_days").map {
            choice($0, ReminderRule.NonBusinessDays.self)
        }
        guard let subjectChoice else { return nil }
        let forMeetings = subjectChoice == .meetings
        var consistent = true
        func refuse(_ key: String, _ message: String) {
            log.error(message, at: fields.optional(key)?.mark ?? fields.keyMark(key), path: value.path.appending(key))
            consistent = false
        }
        if !forMeetings, series != nil {
            refuse("series", "series: only applies to reminders for meetings; remove it or set for: meetings")
        }
        if case .some(.overdue) = trigger, forMeetings {
            refuse("overdue", "a meeting cannot be overdue; use before: for meeting reminders")
        }
        switch (audience ?? nil, forMeetings) {
        case (.owner?, true):
            refuse("to", "to: owner only applies to actions and indicators; for meetings use attendees or organizer")
        case (.attendees?, false), (.organizer?, false):
            let word = (audience ?? nil)?.rawValue ?? ""
            refuse("to", "to: \(word) only applies to meetings; \(subjectChoice.rawValue) are reminded to their owner")
        default:
            break
        }
        if content == .some(.agenda), !forMeetings {
            refuse("send", "send: agenda only applies to meetings; \(subjectChoice.rawValue) have no agenda")
        }
        guard let id, let trigger, let channel, consistent, audience != .some(nil), content != .some(nil),
            nonBusinessDays != .some(nil)
        else {
            return nil
        }
        let subject: ReminderRule.Subject
        switch subjectChoice {
        case .meetings: subject = .meetings(seriesIDs: series ?? [])
        case .actions: subject = .actions
        case .indicators: subject = .indicators
        }
        return ReminderRule(
            id: id, subject: subject, trigger: trigger, channelID: channel,
            audience: (audience ?? nil) ?? (forMeetings ? .attendees : .owner), content: (content ?? nil) ?? .reminder,
            onNonBusinessDays: nonBusinessDays ?? nil)
    }

    /// Exactly one of `before:` and `overdue:`.
    private func trigger(_ fields: MappingFields) -> ReminderRule.Trigger? {
        switch (fields.optional("before"), fields.optional("overdue")) {
        case (let before?, nil):
            return reminderOffset(before).map(ReminderRule.Trigger.before)
        case (nil, let overdue?):
            return self.overdue(overdue)
        case (.some, .some):
            log.error(
                "a rule fires either before: the due time or once overdue:, not both; split it into two rules",
                at: fields.keyMark("overdue"), path: fields.mapping.path.appending("overdue"))
            return nil
        case (nil, nil):
            log.error(
                "missing before: (like 3 business-days) or overdue: (like { every: 7 days, at_most: 4 })",
                at: fields.mapping.mark, path: fields.mapping.path)
            return nil
        }
    }

    /// `{ every: 7 days, at_most: 4 }`; without `every`, one reminder once overdue.
    private func overdue(_ value: ConfigValue) -> ReminderRule.Trigger? {
        guard let fields = fields(of: value, allowed: ["every", "at_most"]) else { return nil }
        let every = fields.optional("every").map(reminderOffset)
        let count = fields.optional("at_most").map { integer($0, in: 1...100, meaning: "how many reminders at most") }
        guard every != .some(nil), count != .some(nil) else { return nil }
        let maximum = (count ?? nil) ?? 1
        if every == nil, maximum > 1, let countValue = fields.optional("at_most") {
            log.error(
                "at_most: \(maximum) needs every: to say how often to repeat, like every: 7 days",
                at: countValue.mark, path: countValue.path)
            return nil
        }
        return .overdue(repeatEvery: every ?? nil, maximumCount: maximum)
    }
}
