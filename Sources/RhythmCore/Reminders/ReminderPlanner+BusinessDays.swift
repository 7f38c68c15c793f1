import Foundation

extension ReminderPlanner.Context {
    /// What becomes of a planned reminder on a non-business day.
    enum Placement {
        case kept(Reminder)
        case skipped(SkippedReminder)
    }

    /// The reminder as its rule's `on_non_business_days` places it: unchanged on a business
    /// day (Monday to Friday outside the initiative's holiday periods, read on the clock it
    /// was planned on), else sent, skipped, or moved to the same time on the next or previous
    /// business day. A move never goes back past the end of the series' previous meeting, and
    /// a reminder moved to where it is no longer useful (the meeting has started, the next
    /// reminder about the same thing has taken over) is skipped.
    func placedOnBusinessDay(_ reminder: Reminder) -> Placement {
        guard let rule = reminder.rule else { return .kept(reminder) }
        let zone = planningZone(of: reminder)
        let local = zone.wallClock(at: reminder.due)
        guard !calendar.isBusinessDay(local.date) else { return .kept(reminder) }
        let why = whyNotBusinessDay(local.date)
        let day: LocalDate
        switch rule.onNonBusinessDays {
        case .send:
            return .kept(reminder)
        case .skip:
            return .skipped(SkippedReminder(reminder: reminder, reason: "\(why); its rule skips such days"))
        case .nextBusinessDay:
            day = calendar.businessDay(onOrAfter: local.date)
        case .previousBusinessDay:
            day = calendar.date(businessDays: 1, before: local.date)
        }
        var due = zone.instant(for: LocalDateTime(date: day, time: local.time))
        if rule.onNonBusinessDays == .previousBusinessDay, case .meeting(let occurrence) = reminder.subject,
            let previousEnd = previousMeetingEnd(before: occurrence)
        {
            due = max(due, previousEnd)
        }
        guard due < reminder.usefulUntil else {
            let late =
                if case .meeting = reminder.subject { "the meeting has begun by then" } else {
                    "the next reminder about it takes over by then"
                }
            return .skipped(SkippedReminder(reminder: reminder, reason: "\(why); moving it is too late: \(late)"))
        }
        return .kept(reminder.moved(to: due, Reminder.Adjustment(plannedDue: reminder.due, reason: why)))
    }

    /// The clock a reminder's day is read on: the meeting's, or the owner's for an action or
    /// indicator data (whose reminders go out at 09:00 there).
    private func planningZone(of reminder: Reminder) -> TimeZone {
        switch reminder.subject {
        case .meeting(let occurrence): occurrence.timeZone
        case .action(let action): people[action.ownerID]?.timeZone ?? initiative.timeZone
        case .indicator(let standing, _): people[standing.indicator.ownerID]?.timeZone ?? initiative.timeZone
        case .digest: initiative.timeZone
        case .quorum(let standing): standing.occurrence.timeZone
        }
    }

    /// "Sunday 2026-12-06 is a weekend day" or "Monday 2026-12-28 is in Christmas shutdown".
    private func whyNotBusinessDay(_ date: LocalDate) -> String {
        let day = "\(date.weekday.name) \(date)"
        if let holiday = initiative.holidays.first(where: { $0.contains(date) }) {
            return "\(day) is in \(holiday.name)"
        }
        return "\(day) is a weekend day"
    }

    /// When the meeting of the same series held before `occurrence` ends; nil when there is
    /// none within a year.
    private func previousMeetingEnd(before occurrence: Occurrence) -> Date? {
        let year = DateInterval(start: occurrence.start - 366 * 86_400, end: occurrence.start)
        return Schedule(initiative: initiative).occurrences(of: [occurrence.series], in: year)
            .filter { $0.isHeld && $0.start < occurrence.start }
            .map(\.end).max()
    }
}
