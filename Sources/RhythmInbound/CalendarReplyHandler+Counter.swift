import Foundation
import RhythmCore
import RhythmMail
import RhythmStore

extension CalendarReplyHandler {
    /// Keeps a COUNTER's proposed time for the organiser; attendance and the schedule stay as
    /// they are.
    func recordProposal(
        _ event: SchedulingEvent, stamp: Date, series: MeetingSeries, meeting: Occurrence?, person: Person,
        in message: ReceivedMessage, context: InboundContext
    ) throws -> String {
        let time = SeriesTime(series: series)
        let proposal = try store.recordCalendarProposal(
            NewCalendarProposal(
                seriesID: series.id, occurrenceDate: meeting?.originalStart.date, personID: person.id,
                proposedStart: event.start.map(time.instant), proposedEnd: event.end.map(time.instant),
                comment: ReplyingAttendee.note(event.comment), stamp: stamp, messageID: message.messageID),
            now: context.now)
        let occurrence = meeting.map { " \($0.originalStart.date)" } ?? ", whole series"
        return "calendar counter-proposal from person \(person.id) for \(series.id)\(occurrence): recorded as "
            + "proposal \(proposal.id) for the organiser"
    }
}
