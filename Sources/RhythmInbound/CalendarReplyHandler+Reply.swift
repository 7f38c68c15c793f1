import Foundation
import RhythmCore
import RhythmStore

extension CalendarReplyHandler {
    /// How far a reply to the whole series reaches: a series may be endless, so its answer is
    /// written to the meetings of the next year (from `now`), and a later answer for one
    /// meeting overrides it there.
    static let seriesReplyReach: TimeInterval = 366 * 86_400

    /// Records a REPLY's answer for `meeting`, or for every meeting of the series from the
    /// reply's date through `seriesReplyReach`, each through the store's ordering rule.
    func applyReply(
        _ event: SchedulingEvent, stamp: Date, series: MeetingSeries, meeting: Occurrence?, person: Person,
        context: InboundContext
    ) throws -> String {
        let about = "calendar reply from person \(person.id) for \(series.id)"
        let named = about + (meeting.map { " \($0.originalStart.date)" } ?? "")
        guard let response = Self.response(event.attendee?.participation) else {
            return "\(named): PARTSTAT \(Self.participationName(event.attendee?.participation)) is no answer; ignored"
        }
        if let sent = try sentSequence(seriesID: series.id, personID: person.id), event.sequence < sent {
            return "\(named): answers sequence \(event.sequence), superseded by sequence \(sent) sent since; ignored"
        }
        let schedule = Schedule(initiative: context.initiative)
        let meetings = meeting.map { [$0] } ?? seriesMeetings(series, from: stamp, in: schedule, now: context.now)
        guard let first = meetings.first, let last = meetings.last else {
            return "\(about), whole series: no meeting is held from the reply's date through the next year; "
                + "nothing to answer"
        }
        let checked = checkedAnswer(
            response, event: event, person: person, series: series, date: first.originalStart.date, in: schedule)
        var applied = 0
        var older = 0
        for occurrence in meetings {
            let answer = CalendarReplyAnswer(
                seriesID: series.id, occurrenceDate: occurrence.originalStart.date, personID: person.id,
                response: response, note: checked.note, delegateID: checked.delegate?.id, stamp: stamp,
                sequence: event.sequence)
            switch try store.applyCalendarReply(answer, actor: ReplyingAttendee.actor(person), now: context.now) {
            case .applied: applied += 1
            case .older: older += 1
            }
        }
        let what = response.rawValue + (checked.delegate.map { ", \($0.id) comes instead" } ?? "")
        guard meeting == nil else {
            return "\(named): \(what); " + (applied == 1 ? "applied" : "older than the stored answer; ignored")
        }
        return "\(about), whole series \(first.originalStart.date) to \(last.originalStart.date) "
            + "(\(Plural.phrase(meetings.count, "meeting"))): \(what); \(applied) applied, \(older) older than the "
            + "stored answer"
    }

    /// The meetings held from the day of `stamp` (on the series' clock) through
    /// `seriesReplyReach` after `now`.
    private func seriesMeetings(_ series: MeetingSeries, from stamp: Date, in schedule: Schedule, now: Date)
        -> [Occurrence]
    {
        let day = series.timeZone.wallClock(at: stamp).date
        let start = series.timeZone.instant(for: LocalDateTime(date: day, time: .midnight))
        let end = now.addingTimeInterval(Self.seriesReplyReach)
        guard start < end else { return [] }
        return schedule.occurrences(of: [series], in: DateInterval(start: start, end: end))
            .filter(AgendaItemRules.happens)
    }

    /// The note and the colleague who comes instead, checked by the rules every other answer
    /// follows (`AttendanceRequest`): a DELEGATED-TO naming someone who is not a colleague
    /// from the same partner still sends apologies, without a colleague.
    private func checkedAnswer(
        _ response: Attendance.Response, event: SchedulingEvent, person: Person, series: MeetingSeries,
        date: LocalDate, in schedule: Schedule
    ) -> (note: String?, delegate: Person?) {
        let note = ReplyingAttendee.note(event.comment)
        let delegate =
            event.attendee?.participation == "DELEGATED"
            ? event.attendee?.delegatedTo.flatMap(schedule.initiative.person(withCalendarAddress:)) : nil
        guard let delegate else { return (note, nil) }
        let request = AttendanceRequest(
            seriesID: series.id, date: date, personID: person.id, response: response, note: note,
            delegateID: delegate.id)
        return (note, (try? request.checked(in: schedule))?.delegate)
    }

    /// The SEQUENCE Rhythm last sent `personID` for the series: their invitation's, or, for
    /// someone never sent one, the series' published one; nil when Rhythm has sent neither.
    private func sentSequence(seriesID: String, personID: String) throws -> Int? {
        if let state = try store.invitationStates().first(where: { $0.seriesID == seriesID && $0.personID == personID })
        {
            return state.calendarSequence
        }
        return try store.publicationStates()[seriesID]?.sequence
    }

    /// The answer a PARTSTAT gives; nil for NEEDS-ACTION and anything else that is none.
    private static func response(_ participation: String?) -> Attendance.Response? {
        switch participation {
        case "ACCEPTED": .attending
        case "TENTATIVE": .tentative
        case "DECLINED", "DELEGATED": .apologies
        default: nil
        }
    }

    /// A PARTSTAT for the log: RFC 5545's names as they are, anything else unnamed, since a
    /// broken or hostile client could put any text there.
    private static func participationName(_ participation: String?) -> String {
        let known = ["NEEDS-ACTION", "COMPLETED", "IN-PROCESS"]
        guard let participation else { return "missing" }
        return known.contains(participation) ? participation : "of an unknown kind"
    }
}
