import Foundation
import RhythmCore
import RhythmStore

extension ReminderPlanner {
    /// `planWithSkips` over what `store` holds: the open actions, the indicator results, the
    /// reminder opt-outs, and every answer for a series of `initiative` that has a `quorum:`.
    /// Planning, the dispatcher's re-planning and `rhythm simulate` all read them here, so
    /// they agree on what is due.
    public static func planWithSkips(
        initiative: Initiative, window: DateInterval, store: AppDatabase, now: Date
    ) throws(StoreError) -> (reminders: [Reminder], skipped: [SkippedReminder]) {
        var answers: [Attendance] = []
        for series in initiative.series where series.quorum != nil {
            answers += try store.attendance(seriesID: series.id, occurrenceDate: nil)
        }
        return planWithSkips(
            initiative: initiative, window: window, actions: try store.openActions(),
            results: try store.allIndicatorResults(), optOuts: try store.reminderOptOuts(personID: nil),
            attendance: answers, now: now)
    }

    /// The reminders of `planWithSkips(initiative:window:store:now:)`.
    public static func plan(
        initiative: Initiative, window: DateInterval, store: AppDatabase, now: Date
    ) throws(StoreError) -> [Reminder] {
        try planWithSkips(initiative: initiative, window: window, store: store, now: now).reminders
    }
}
