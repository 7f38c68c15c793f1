import Foundation
import RhythmCore

/// Two partners and two weekly series in zones whose clocks change on different dates:
/// a leadership table in London (Tuesdays 10:00, North attends; 9 March moved to Thursday
/// 11 March, 23 February cancelled) and a partners forum in Melbourne (Thursdays 08:00, Ana
/// and Mia). Ben of South attends neither.
enum InboundInitiative {
    static let london = TimeZone(identifier: "Europe/London")!
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    /// Monday 1 February 2027, noon UTC: the tests' "now".
    static let now = Date(timeIntervalSince1970: 1_801_483_200)

    static func make() -> Initiative {
        var leaders = MeetingSeries(
            id: "leaders", title: "Leadership table", kind: .leadership,
            start: LocalDateTime(year: 2027, month: 1, day: 5, hour: 10)!, duration: .seconds(3600),
            timeZone: london, recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        leaders.attendees = Attendees(partnerIDs: ["north"])
        leaders.exceptions = [
            .move(
                LocalDate(year: 2027, month: 3, day: 9)!,
                OccurrenceChange(start: LocalDateTime(year: 2027, month: 3, day: 11, hour: 14)!)),
            .cancel(LocalDate(year: 2027, month: 2, day: 23)!, reason: nil),
        ]
        var forum = MeetingSeries(
            id: "melbourne-forum", title: "Melbourne partners forum", kind: .leadership,
            start: LocalDateTime(year: 2027, month: 1, day: 7, hour: 8)!, duration: .seconds(3600),
            timeZone: melbourne, recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TH"))
        forum.attendees = Attendees(personIDs: ["ana", "mia"])
        return Initiative(
            name: "Inbound Test Initiative", timeZone: london, domain: "rhythm.test",
            partners: [
                Partner(id: "north", name: "North Trust", sector: .community),
                Partner(id: "south", name: "South College", sector: .education),
            ],
            people: [
                Person(
                    id: "ana", name: "Ana Ortiz", email: "ana.ortiz@rhythm.test", partnerID: "north", timeZone: london),
                Person(
                    id: "dan", name: "Dan Perez", email: "dan.perez@rhythm.test", partnerID: "north", timeZone: london),
                Person(id: "mia", name: "Mia Ngata", email: "Mia@Rhythm.test", partnerID: "north", timeZone: melbourne),
                Person(id: "ben", name: "Ben Cole", email: "ben@south.test", partnerID: "south", timeZone: london),
            ],
            series: [leaders, forum])
    }
}
