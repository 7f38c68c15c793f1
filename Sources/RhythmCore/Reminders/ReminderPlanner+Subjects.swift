import Foundation

extension ReminderPlanner.Context {
    /// Reminders before each held meeting of the rule's series.
    func meetingReminders(rule: ReminderRule, channel: Channel, seriesIDs: [String]) -> [Reminder] {
        guard case .before(let offset) = rule.trigger else { return [] }
        let series = seriesIDs.isEmpty ? initiative.series : initiative.series.filter { seriesIDs.contains($0.id) }
        let occurrences = Schedule(initiative: initiative).occurrences(of: series, in: span).filter(\.isHeld)
        return occurrences.flatMap { occurrence -> [Reminder] in
            let personIDs: [String]
            switch rule.audience {
            case .attendees: personIDs = initiative.attendeeIDs(of: occurrence.series)
            case .organizer: personIDs = occurrence.series.organizerID.map { [$0] } ?? []
            case .owner: return []
            }
            return reminders(
                rule: rule, channel: channel, personIDs: personIDs, subject: .meeting(occurrence),
                subjectKey: "series:\(occurrence.series.id)@\(occurrence.originalStart)", repetition: 0,
                due: instant(offset, before: occurrence.start, in: occurrence.timeZone), usefulUntil: occurrence.start)
        }
    }

    /// Reminders about open actions with a due date, to their owners.
    func actionReminders(rule: ReminderRule, channel: Channel, actions: [Action]) -> [Reminder] {
        guard rule.audience == .owner else { return [] }
        return actions.flatMap { action -> [Reminder] in
            guard action.status.isOpen, let dueDate = action.due, let owner = people[action.ownerID] else { return [] }
            let zone = owner.timeZone
            let subjectKey = "action:\(action.id)@\(dueDate)"
            let overdueTimes = overdueInstants(after: dueDate, zone: zone, trigger: rule.trigger)
            let firstOverdue = overdueInstants(
                after: dueDate, zone: zone, trigger: .overdue(repeatEvery: nil, maximumCount: 1))
            switch rule.trigger {
            case .before(let offset):
                return reminders(
                    rule: rule, channel: channel, personIDs: [owner.id], subject: .action(action),
                    subjectKey: subjectKey + "#before", repetition: 0,
                    due: instant(offset, beforeWorkdayOn: dueDate, in: zone), usefulUntil: firstOverdue[0])
            case .overdue:
                return overdueTimes.indices.flatMap { index in
                    let next =
                        index + 1 < overdueTimes.count
                        ? overdueTimes[index + 1] : overdueTimes[index] + ReminderPlanner.lastRepetitionLifetime
                    return reminders(
                        rule: rule, channel: channel, personIDs: [owner.id], subject: .action(action),
                        subjectKey: subjectKey + "#overdue-\(index + 1)", repetition: index + 1,
                        due: overdueTimes[index], usefulUntil: next)
                }
            }
        }
    }

    /// Reminders to indicator owners whose data for an upcoming review is not in.
    func indicatorReminders(rule: ReminderRule, channel: Channel, results: [IndicatorResult], now: Date)
        -> [Reminder]
    {
        guard rule.audience == .owner else { return [] }
        let schedule = Schedule(initiative: initiative)
        let today = initiative.timeZone.wallClock(at: now).date
        return initiative.indicators.flatMap { indicator -> [Reminder] in
            guard let seriesID = indicator.reviewSeriesID,
                let series = initiative.series.first(where: { $0.id == seriesID }),
                let owner = people[indicator.ownerID]
            else { return [] }
            let reviews = schedule.occurrences(of: [series], in: span).filter(\.isHeld)
            return reviews.flatMap { review -> [Reminder] in
                let standing = IndicatorStanding(
                    indicator: indicator, initiative: initiative, results: results,
                    reviewDate: review.localStart.date, today: today)
                guard standing.data != .recorded, let dueDate = standing.dueDate else { return [] }
                let subjectKey = "indicator:\(indicator.id)@\(standing.period)"
                let subject = Reminder.Subject.indicator(standing, review: review)
                switch rule.trigger {
                case .before(let offset):
                    return reminders(
                        rule: rule, channel: channel, personIDs: [owner.id], subject: subject,
                        subjectKey: subjectKey + "#before", repetition: 0,
                        due: instant(offset, beforeWorkdayOn: dueDate, in: owner.timeZone), usefulUntil: review.start)
                case .overdue:
                    let times = overdueInstants(after: dueDate, zone: owner.timeZone, trigger: rule.trigger)
                    return times.enumerated().filter { $0.element < review.start }.flatMap { index, due in
                        reminders(
                            rule: rule, channel: channel, personIDs: [owner.id], subject: subject,
                            subjectKey: subjectKey + "#overdue-\(index + 1)", repetition: index + 1, due: due,
                            usefulUntil: review.start)
                    }
                }
            }
        }
    }
}

extension ReminderPlanner.Context {
    /// `offset` before the instant `start`: exact for minutes and hours, the same wall-clock
    /// time in `zone` for days and business days.
    func instant(_ offset: ReminderOffset, before start: Date, in zone: TimeZone) -> Date {
        let amount = max(offset.amount, 0)
        switch offset.unit {
        case .minutes: return start - TimeInterval(amount * 60)
        case .hours: return start - TimeInterval(amount * 3600)
        case .days, .businessDays:
            let local = zone.wallClock(at: start)
            return zone.instant(for: LocalDateTime(date: date(offset, before: local.date), time: local.time))
        }
    }

    /// `offset` before 09:00 in `zone` on `date`.
    func instant(_ offset: ReminderOffset, beforeWorkdayOn date: LocalDate, in zone: TimeZone) -> Date {
        instant(
            offset, before: zone.instant(for: LocalDateTime(date: date, time: ReminderPlanner.workdayStart)), in: zone)
    }

    /// The day `offset` (in days or business days) before `date`.
    func date(_ offset: ReminderOffset, before date: LocalDate) -> LocalDate {
        offset.unit == .businessDays
            ? weekdays.date(businessDays: offset.amount, before: date) : date.adding(days: -max(offset.amount, 0))
    }

    /// The instants of the overdue reminders about something due on `dueDate`; empty for a
    /// `before` trigger.
    func overdueInstants(after dueDate: LocalDate, zone: TimeZone, trigger: ReminderRule.Trigger) -> [Date] {
        guard case .overdue(let repeatEvery, let maximumCount) = trigger else { return [] }
        let count = repeatEvery == nil ? min(maximumCount, 1) : maximumCount
        guard count > 0 else { return [] }
        let firstDay =
            repeatEvery?.unit == .businessDays
            ? weekdays.date(businessDays: 1, after: dueDate) : dueDate.adding(days: 1)
        var local = LocalDateTime(date: firstDay, time: ReminderPlanner.workdayStart)
        var instants = [zone.instant(for: local)]
        while instants.count < count, let every = repeatEvery {
            let amount = max(every.amount, 1)
            switch every.unit {
            case .minutes, .hours:
                let seconds = TimeInterval(amount * (every.unit == .minutes ? 60 : 3600))
                instants.append(instants[instants.count - 1] + seconds)
            case .days, .businessDays:
                let day =
                    every.unit == .businessDays
                    ? weekdays.date(businessDays: amount, after: local.date) : local.date.adding(days: amount)
                local = LocalDateTime(date: day, time: ReminderPlanner.workdayStart)
                instants.append(zone.instant(for: local))
            }
        }
        return instants
    }
}

extension Occurrence {
    /// Whether the meeting takes place: scheduled or moved, not cancelled or skipped.
    public var isHeld: Bool {
        switch status {
        case .scheduled, .moved: true
        case .cancelled, .skipped: false
        }
    }
}
