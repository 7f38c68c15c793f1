import Foundation
import ICalendar

/// What Rhythm reads from a VEVENT of an iMIP REPLY or COUNTER (RFC 5546 §3.2.3, §3.2.7).
struct SchedulingEvent: Hashable {
    /// The replying attendee, as the event's (first) `ATTENDEE` names them.
    struct Attendee: Hashable {
        /// The address, without `mailto:`.
        var address: String?
        /// `PARTSTAT`, upper-cased; `NEEDS-ACTION` when absent, as RFC 5545 defaults it.
        var participation: String
        /// The address in `DELEGATED-TO`, without `mailto:`.
        var delegatedTo: String?
    }

    var uid: String
    var recurrenceID: DateOrDateTime?
    var attendee: Attendee?
    /// The `COMMENT`s, unescaped and joined by line breaks; nil when there is none.
    var comment: String?
    /// `DTSTAMP`: required in an iTIP message; nil when a broken client left it out.
    var stamp: Date?
    /// `SEQUENCE`, 0 when absent.
    var sequence: Int
    /// `DTSTART` and `DTEND`: in a COUNTER, the time the attendee proposes.
    var start: DateOrDateTime?
    var end: DateOrDateTime?

    /// Reads `event`; throws when a property Rhythm needs has a value of the wrong form.
    init(_ event: Component) throws(ICalendarError) {
        uid = event.property("UID")?.textValue ?? ""
        recurrenceID = try event.property("RECURRENCE-ID")?.dateOrDateTimeValue()
        attendee = event.property("ATTENDEE").map { property in
            Attendee(
                address: Self.address(property.value),
                participation: property.parameter("PARTSTAT")?.value.uppercased() ?? "NEEDS-ACTION",
                delegatedTo: property.parameter("DELEGATED-TO").flatMap { Self.address($0.value) })
        }
        let comments = event.properties("COMMENT").map(\.textValue)
        comment = comments.isEmpty ? nil : comments.joined(separator: "\n")
        stamp = try event.property("DTSTAMP").map { property throws(ICalendarError) in
            guard case .utc(let instant) = try property.dateTimeValue() else {
                throw ICalendarError(
                    code: .invalidValue, line: nil, message: "DTSTAMP: expected a UTC DATE-TIME ending in Z")
            }
            return instant
        }
        sequence = try event.property("SEQUENCE")?.integerValue() ?? 0
        start = try event.property("DTSTART")?.dateOrDateTimeValue()
        end = try event.property("DTEND")?.dateOrDateTimeValue()
    }

    /// The address of a CAL-ADDRESS (`mailto:ann@example.org`, `MAILTO:...`), lower-cased;
    /// nil for another scheme or an empty one.
    static func address(_ calAddress: String) -> String? {
        let trimmed = calAddress.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("mailto:") else { return nil }
        let address = trimmed.dropFirst("mailto:".count).trimmingCharacters(in: .whitespaces).lowercased()
        return address.isEmpty ? nil : address
    }
}
