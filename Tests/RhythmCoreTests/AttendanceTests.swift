import Foundation
import Testing

@testable import RhythmCore

@Suite struct AttendanceTests {
    static let initiative = Initiative(
        name: "Test",
        timeZone: TimeZone(identifier: "Australia/Melbourne")!,
        domain: "example.org",
        partners: [
            Partner(id: "council", name: "Council", sector: .government),
            Partner(id: "school", name: "School", sector: .education),
        ],
        people: [
            Person(id: "ann", name: "Ann", email: "ann@example.org", partnerID: "council", timeZone: .gmt),
            Person(id: "bob", name: "Bob", email: "bob@example.org", partnerID: "school", timeZone: .gmt),
            Person(id: "cat", name: "Cat", email: "cat@example.org", timeZone: .gmt),
        ],
        groups: [Group(id: "wg", name: "WG", kind: .workingGroup, memberPeople: ["cat"], memberPartners: ["council"])]
    )

    static func series(_ attendees: Attendees, organizer: String? = nil) -> MeetingSeries {
        MeetingSeries(
            id: "s",
            title: "S",
            kind: .team,
            start: LocalDateTime(year: 2027, month: 1, day: 1, hour: 10)!,
            duration: .seconds(3600),
            timeZone: .gmt,
            organizerID: organizer,
            attendees: attendees
        )
    }

    @Test("a group brings its people and every person of its partners")
    func groupMembers() {
        let series = Self.series(Attendees(groupIDs: ["wg"]))
        #expect(Self.initiative.attendeeIDs(of: series) == ["ann", "cat"])
        #expect(Self.initiative.isAttending(partnerID: "council", series: series))
        #expect(!Self.initiative.isAttending(partnerID: "school", series: series))
    }

    @Test("a partner attends through one of its people, and an organiser attends their meeting")
    func partnerThroughPerson() {
        let series = Self.series(Attendees(personIDs: ["bob"]), organizer: "cat")
        #expect(Self.initiative.isAttending(partnerID: "school", series: series))
        #expect(Self.initiative.isAttending(personID: "cat", series: series))
        #expect(!Self.initiative.isAttending(personID: "ann", series: series))
    }
}
