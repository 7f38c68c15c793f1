import Foundation
import RhythmCore
import RhythmMail

/// Who a REPLY or COUNTER speaks for, and whether they may: the person whose address the
/// event's ATTENDEE gives, or, when that address is nobody's (a forwarding address, an alias),
/// the person who sent the message; and only an attendee (or the organiser) of the series.
enum ReplyingAttendee {
    /// Either the attendee, or why the message is refused, for the summary (never an address).
    enum Resolution {
        case attendee(Person)
        case refused(String)
    }

    static func resolve(
        _ event: SchedulingEvent, message: ReceivedMessage, series: MeetingSeries, initiative: Initiative
    ) -> Resolution {
        let byAttendee = event.attendee?.address.flatMap(initiative.person(withCalendarAddress:))
        let bySender = message.from.lazy.compactMap { initiative.person(withCalendarAddress: $0.address) }.first
        guard let person = byAttendee ?? bySender else {
            return .refused("from an address that is no person's: not an attendee; ignored")
        }
        guard initiative.isAttending(personID: person.id, series: series) else {
            return .refused("from person \(person.id): not an attendee of the series; ignored")
        }
        return .attendee(person)
    }

    /// The COMMENT as a note: trimmed, empty as none, and cut to the length any other answer
    /// may carry (`AttendanceRequest.noteLimit`), since refusing the whole reply for a long
    /// note would lose the answer.
    static func note(_ comment: String?) -> String? {
        guard let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return String(trimmed.prefix(AttendanceRequest.noteLimit))
    }

    /// The audit trail's name for answers a person's calendar sent.
    static func actor(_ person: Person) -> String { "person:\(person.id) (calendar)" }
}
