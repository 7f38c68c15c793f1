import Foundation
import Testing

@testable import RhythmCore

/// A date names a meeting by its original date or by the date it moved to; where one date
/// is both, the original wins and the other is reported.
@Suite struct MeetingOnDateTests {
    typealias F = ScheduleFixtures

    /// Tuesdays at 10:00: the 15 December meeting moves to Thursday the 17th; the
    /// 22 December one moves onto the 15th, which the first left free.
    static let series = F.series(
        start: "2026-12-01T10:00",
        rule: "FREQ=WEEKLY;BYDAY=TU",
        exceptions: [
            .move(F.date("2026-12-15"), OccurrenceChange(start: F.local("2026-12-17T14:00"))),
            .move(F.date("2026-12-22"), OccurrenceChange(start: F.local("2026-12-15T16:00"))),
            .skip(F.date("2026-12-29"), reason: nil),
            .move(F.date("2027-01-05"), OccurrenceChange(start: F.local("2026-12-29T10:00"))),
        ]
    )
    static let schedule = F.schedule([series])

    @Test("a moved meeting answers to its new date as well as its original one")
    func newDate() throws {
        let byNewDate = try #require(Self.schedule.meeting(of: Self.series, on: F.date("2026-12-17")).named)
        #expect(byNewDate.originalStart.date == F.date("2026-12-15"))
        let byOriginal = try #require(Self.schedule.meeting(of: Self.series, on: F.date("2026-12-15")).named)
        #expect(byOriginal.originalStart.date == F.date("2026-12-15"))
        #expect(Self.schedule.meeting(of: Self.series, on: F.date("2026-12-17")).alsoMovedHere == nil)
    }

    @Test("a date that is one meeting's original date and another's new date names the original, and says so")
    func ambiguous() throws {
        let meeting = Self.schedule.meeting(of: Self.series, on: F.date("2026-12-15"))
        #expect(meeting.named?.originalStart.date == F.date("2026-12-15"))
        #expect(meeting.alsoMovedHere?.originalStart.date == F.date("2026-12-22"))
    }

    @Test("a skipped original date names the meeting moved onto it; a date with no meeting names none")
    func skippedAndEmpty() throws {
        let meeting = Self.schedule.meeting(of: Self.series, on: F.date("2026-12-29"))
        #expect(meeting.named?.originalStart.date == F.date("2027-01-05"))
        #expect(meeting.alsoMovedHere == nil)
        #expect(Self.schedule.meeting(of: Self.series, on: F.date("2026-12-16")).named == nil)
        let plainSkip = F.schedule([
            F.series(
                start: "2026-12-01T10:00", rule: "FREQ=WEEKLY;BYDAY=TU",
                exceptions: [
                    .skip(F.date("2026-12-08"), reason: nil)
                ])
        ])
        let skipped = plainSkip.meeting(of: plainSkip.initiative.series[0], on: F.date("2026-12-08")).named
        #expect(skipped?.status.isSkipped == true)
    }
}
