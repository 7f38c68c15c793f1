import Foundation
import Testing

@testable import RhythmCore

private typealias F = ReminderFixtures

/// A plan for thousands of people holds tens of thousands of reminders and copies them
/// between arrays, so a reminder, its subject and its channel are each one reference wide;
/// they still compare and hash by value.
@Suite struct ReminderSharingTests {
    @Test("a reminder, its subject and a channel's kind are each one reference wide")
    func remindersAreOneReferenceWide() {
        #expect(MemoryLayout<Reminder>.size == MemoryLayout<AnyObject>.size)
        #expect(MemoryLayout<Reminder.Subject>.size == MemoryLayout<AnyObject>.size)
        #expect(MemoryLayout<Channel.Kind>.size == MemoryLayout<AnyObject>.size)
    }

    @Test("reminders planned twice compare and hash equal; one moved to another instant does not")
    func equalityFollowsTheValue() throws {
        let initiative = F.initiative(
            series: [F.series(start: "2027-03-09T10:00:00")],
            rules: [F.rule("r", .meetings(seriesIDs: []), .before(F.days(1)), to: .attendees)])
        let first = F.plan(initiative)
        let second = F.plan(initiative)
        try #require(first.count == 2)
        #expect(first == second)
        #expect(Set(first + second).count == 2)
        #expect(first[0] != first[1])
        let moved = first[0].with(due: first[0].due + 60)
        #expect(moved != first[0])
        #expect(moved.key == first[0].key && moved.subject == first[0].subject && moved.channel == first[0].channel)
        #expect(moved.with(due: first[0].due) == first[0])
    }
}
