import Foundation
import ICalendar
import RhythmCore
import RhythmMail
import RhythmStore

/// Applies the answers attendees' calendars send back (iMIP, RFC 6047): a `METHOD:REPLY`
/// becomes their attendance for one meeting or for the series, a `METHOD:COUNTER` a time
/// proposal the organiser sees.
///
/// A message is this handler's business when one of its calendar parts is a REPLY or COUNTER
/// about a Rhythm series (its UID is `<series id>@<domain>`), or cannot be read but names
/// one. Everything else, among it other people's invitations in a shared mailbox and Outlook's
/// TNEF-only messages, is `.unrelated` and left alone.
public struct CalendarReplyHandler: InboundMessageHandler {
    let store: AppDatabase

    /// Creates a handler that records answers in `store`.
    public init(store: AppDatabase) {
        self.store = store
    }

    public func handle(_ message: ReceivedMessage, in context: InboundContext) throws -> InboundDisposition {
        var summaries: [String] = []
        for part in SchedulingPart.parts(of: message) {
            switch part {
            case .unreadable(let uids, let reason):
                let named = uids.compactMap(context.initiative.series(withCalendarUID:)).map(\.id)
                for seriesID in Set(named).sorted() {
                    summaries.append("calendar message for \(seriesID): unreadable (\(reason)); not applied")
                }
            case .calendar(let method, let events):
                guard method == "REPLY" || method == "COUNTER" else { continue }
                for event in events {
                    guard let uid = event.property("UID")?.textValue,
                        let series = context.initiative.series(withCalendarUID: uid)
                    else { continue }
                    summaries.append(try handle(event, method: method, series: series, in: message, context: context))
                }
            }
        }
        return summaries.isEmpty ? .unrelated : .handled(summary: summaries.joined(separator: "; "))
    }

    /// One VEVENT of a REPLY or COUNTER about `series`: its summary line.
    private func handle(
        _ component: Component, method: String?, series: MeetingSeries, in message: ReceivedMessage,
        context: InboundContext
    ) throws -> String {
        let kind = method == "COUNTER" ? "calendar counter-proposal" : "calendar reply"
        let event: SchedulingEvent
        do throws(ICalendarError) {
            event = try SchedulingEvent(component)
        } catch {
            return "\(kind) for \(series.id): unreadable (\(error.code)); not applied"
        }
        let person: Person
        switch ReplyingAttendee.resolve(event, message: message, series: series, initiative: context.initiative) {
        case .refused(let reason): return "\(kind) for \(series.id) \(reason)"
        case .attendee(let found): person = found
        }
        let about = "\(kind) from person \(person.id) for \(series.id)"
        guard let stamp = event.stamp else { return "\(about): no DTSTAMP, so it cannot be ordered; ignored" }
        let meeting: Occurrence?
        if let recurrenceID = event.recurrenceID {
            let date = SeriesTime(series: series).localDateTime(recurrenceID).date
            guard
                let occurrence = Schedule(initiative: context.initiative).occurrence(of: series, originalDate: date),
                AgendaItemRules.happens(occurrence)
            else { return "\(about) \(date): RECURRENCE-ID names no meeting of the series that is held; ignored" }
            meeting = occurrence
        } else {
            meeting = nil
        }
        if method == "COUNTER" {
            return try recordProposal(
                event, stamp: stamp, series: series, meeting: meeting, person: person, in: message,
                context: context)
        }
        return try applyReply(event, stamp: stamp, series: series, meeting: meeting, person: person, context: context)
    }
}
