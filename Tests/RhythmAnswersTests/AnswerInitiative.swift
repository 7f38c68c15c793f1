import Foundation
import RhythmCore

/// Two partners (Ana and Dan of North, Ben of South), one weekly meeting North attends
/// (Tuesdays 10:00 London from 5 January 2027), one quarterly indicator Ana owns and reviews
/// there, and one reminder rule for the meeting.
enum AnswerInitiative {
    static let zone = TimeZone(identifier: "Europe/London")!
    /// Tuesday 2 February 2027, the first meeting after the test clock's start.
    static let nextMeeting = LocalDate(year: 2027, month: 2, day: 2)!

    static func make() -> Initiative {
        var leaders = MeetingSeries(
            id: "leaders", title: "Leadership table", kind: .leadership,
            start: LocalDateTime(year: 2027, month: 1, day: 5, hour: 10)!, duration: .seconds(3600), timeZone: zone,
            recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        leaders.location = "Town hall, room 2"
        leaders.attendees = Attendees(partnerIDs: ["north"])
        return Initiative(
            name: "Test Initiative", timeZone: zone, domain: "rhythm.test",
            partners: [
                Partner(id: "north", name: "North Trust", sector: .community),
                Partner(id: "south", name: "South College", sector: .education),
            ],
            people: [
                Person(id: "ana", name: "Ana", email: "ana@rhythm.test", partnerID: "north", timeZone: zone),
                Person(id: "dan", name: "Dan", email: "dan@rhythm.test", partnerID: "north", timeZone: zone),
                Person(id: "ben", name: "Ben", email: "ben@rhythm.test", partnerID: "south", timeZone: zone),
            ],
            series: [leaders],
            indicators: [
                Indicator(
                    id: "enrolment", name: "Enrolment", unit: "%", direction: .higherIsBetter, target: 95,
                    ownerID: "ana", reportingPeriod: .quarter, reviewSeriesID: "leaders")
            ],
            reminderRules: [
                ReminderRule(
                    id: "day-before", subject: .meetings(seriesIDs: ["leaders"]),
                    trigger: .before(ReminderOffset(amount: 1, unit: .days)), channelID: "mail",
                    audience: .attendees)
            ])
    }
}
