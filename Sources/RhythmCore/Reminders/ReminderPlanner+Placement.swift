import Foundation

extension ReminderPlanner.Context {
    /// How many times the business-day policy and quiet hours may move one reminder in turn
    /// before it is given up; each round moves it forward past a night or a closed day, so a
    /// sensible configuration settles in two or three.
    static let placementRounds = 8

    /// The reminder placed by its rule's `on_non_business_days` and its recipient's quiet hours
    /// together: the policy first, then quiet hours, then the policy again where quiet hours
    /// pushed it onto a non-business day (a Friday-evening nag deferred to Saturday morning
    /// goes on to Monday morning), until neither moves it. Nil when quiet hours defer it past
    /// its usefulness, which drops it as before.
    func placed(_ candidate: Reminder) -> Placement? {
        var reminder = candidate
        var deferral: String?
        for _ in 0..<Self.placementRounds {
            let onBusinessDay: Reminder
            switch placedOnBusinessDay(reminder) {
            case .kept(let kept):
                if let deferral, kept != reminder, let move = kept.adjustment {
                    // Explained from where the rule put it, quiet hours first.
                    onBusinessDay = kept.moved(
                        to: kept.due,
                        Reminder.Adjustment(plannedDue: candidate.due, reason: "\(deferral); \(move.reason)"))
                } else {
                    onBusinessDay = kept
                }
            case .skipped(let skip):
                let reason = [deferral, skip.reason].compactMap(\.self).joined(separator: "; ")
                return .skipped(SkippedReminder(reminder: candidate, reason: reason))
            }
            let deferred = deferredForQuietHours(onBusinessDay)
            guard deferred.due < deferred.usefulUntil else { return nil }
            if deferred.due == onBusinessDay.due { return .kept(deferred) }
            let (_, zone) = quietHours(for: deferred.recipient)
            let end = zone.wallClock(at: deferred.due).time
            deferral = "quiet hours defer it to \(String(format: "%02d:%02d", end.hour, end.minute))"
            reminder = deferred
        }
        return .skipped(
            SkippedReminder(
                reminder: candidate,
                reason: "no time outside quiet hours on a day its rule allows before it stops being useful"))
    }
}
