import Foundation

extension Schedule {
    /// The meeting an agenda item is deferred to from the meeting of `originalDate` ("the
    /// next meeting"): the first meeting of `series` that is held (neither cancelled nor
    /// skipped) and starts after that one has ended and not before `now`, so that an item
    /// left over from a past meeting goes to one still to come. Nil when there is none within
    /// about two years.
    public func meeting(of series: MeetingSeries, after originalDate: LocalDate, now: Date) -> Occurrence? {
        let current = occurrence(of: series, originalDate: originalDate, includingSkipped: true)
        let dayAfter = series.timeZone.instant(for: LocalDateTime(date: originalDate.adding(days: 1), time: .midnight))
        let from = max(current?.end ?? dayAfter, now)
        let window = DateInterval(start: from.addingTimeInterval(-86_400), duration: 800 * 86_400)
        return occurrences(of: [series], in: window).first { candidate in
            AgendaItemRules.happens(candidate) && candidate.start >= from
                && candidate.originalStart.date != originalDate
        }
    }
}
