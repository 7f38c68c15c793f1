import Foundation
import RhythmCore

/// A small initiative: two partners with a person each, an independent person, a group of
/// the north partner and one of a south person, two weekly series (one the north partner
/// attends, whose 16 February 2027 meeting moved to the 18th, one only a south person
/// attends) and two indicators, one owned by each partner's person.
enum TestInitiative {
    static let zone = TimeZone.named("Europe/London")!

    static func make() -> Initiative {
        Initiative(
            name: "Test Initiative",
            timeZone: zone,
            domain: "rhythm.test",
            partners: [
                Partner(id: "north", name: "North Trust", sector: .community),
                Partner(id: "south", name: "South College", sector: .education),
            ],
            people: [
                Person(id: "ana", name: "Ana", email: "ana@rhythm.test", partnerID: "north", timeZone: zone),
                Person(id: "ben", name: "Ben", email: "ben@rhythm.test", partnerID: "south", timeZone: zone),
                Person(id: "cara", name: "Cara", email: "cara@rhythm.test", timeZone: zone),
            ],
            groups: [
                Group(id: "data", name: "Data group", kind: .workingGroup, memberPartners: ["north"]),
                Group(id: "south-staff", name: "South staff", kind: .actionTeam, memberPeople: ["ben"]),
            ],
            series: [
                weekly(id: "leaders", start: LocalDateTime(year: 2027, month: 1, day: 5, hour: 10)!, day: "TU")
                    .attended(by: Attendees(partnerIDs: ["north"]))
                    .moving(
                        LocalDate(year: 2027, month: 2, day: 16)!,
                        to: LocalDateTime(year: 2027, month: 2, day: 18, hour: 10)!),
                weekly(id: "south-team", start: LocalDateTime(year: 2027, month: 1, day: 7, hour: 14)!, day: "TH")
                    .attended(by: Attendees(personIDs: ["ben"])),
            ],
            indicators: [
                Indicator(
                    id: "enrolment", name: "Enrolment", unit: "%", direction: .higherIsBetter, ownerID: "ana",
                    reportingPeriod: .quarter),
                Indicator(
                    id: "attendance", name: "Attendance", unit: "%", direction: .higherIsBetter, ownerID: "ben",
                    reportingPeriod: .month),
            ]
        )
    }

    private static func weekly(id: String, start: LocalDateTime, day: String) -> MeetingSeries {
        MeetingSeries(
            id: id, title: id, kind: .team, start: start, duration: .seconds(3600), timeZone: zone,
            recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=\(day)"))
    }
}

extension MeetingSeries {
    fileprivate func attended(by attendees: Attendees) -> MeetingSeries {
        var copy = self
        copy.attendees = attendees
        return copy
    }

    fileprivate func moving(_ date: LocalDate, to start: LocalDateTime) -> MeetingSeries {
        var copy = self
        copy.exceptions.append(.move(date, OccurrenceChange(start: start)))
        return copy
    }
}

extension Date {
    /// The tests' "now": Wednesday 20 January 2027, noon UTC.
    static let testNow = Date(timeIntervalSince1970: 1_800_446_400)
}
