import Foundation
import Testing

@testable import RhythmCore

/// Live changes laid over the file's initiative: what applies, what the file supersedes,
/// and meetings moved across a change of the clocks.
@Suite struct LiveLayeringTests {
    typealias F = ScheduleFixtures

    static let tuesdays = "FREQ=WEEKLY;BYDAY=TU"
    static let summer = F.window("2026-11-30T00:00:00Z", "2027-02-01T00:00:00Z")
    static let madeAt = F.instant("2026-11-20T09:00:00Z")

    static func initiative(_ series: [MeetingSeries]) -> Initiative {
        F.schedule(series).initiative
    }

    static func change(_ id: Int64, _ kind: LiveChange.Kind, series: String = "weekly", endedAt: Date? = nil)
        -> LiveChange
    {
        LiveChange(
            id: id, seriesID: series, kind: kind, actor: "console:alice", createdAt: madeAt, endedAt: endedAt,
            endedBy: endedAt.map { _ in "console:bob" })
    }

    @Test("a live cancel, move and extra meeting show in the schedule like the file's own")
    func appliesEachKind() throws {
        let file = Self.initiative([F.series(start: "2026-12-01T10:00", rule: Self.tuesdays)])
        let changes = [
            Self.change(1, .cancel(originalDate: F.date("2026-12-08"), reason: "Chair ill")),
            Self.change(
                2,
                .move(
                    originalDate: F.date("2026-12-15"),
                    OccurrenceChange(start: F.local("2026-12-17T14:00"), location: "Library", reason: "Room taken"))),
            Self.change(3, .extra(start: F.local("2026-12-23T10:00"), location: nil, reason: "Year-end review")),
        ]
        let layering = LiveLayering(file: file, changes: changes)
        #expect(layering.applied == changes)
        #expect(layering.superseded.isEmpty && layering.orphaned.isEmpty)
        let found = Schedule(initiative: layering.initiative).occurrences(in: Self.summer)
        let cancelled = try #require(found.first { $0.originalStart.date == F.date("2026-12-08") })
        #expect(cancelled.status == .cancelled(reason: "Chair ill"))
        let moved = try #require(found.first { $0.originalStart.date == F.date("2026-12-15") })
        #expect(moved.localStart == F.local("2026-12-17T14:00"))
        #expect(moved.location == "Library")
        #expect(moved.status == .moved(from: F.local("2026-12-15T10:00"), reason: "Room taken"))
        let extra = try #require(found.first { $0.originalStart == F.local("2026-12-23T10:00") })
        #expect(extra.status == .scheduled)
        #expect(layering.liveChange(for: extra)?.id == 3)
        #expect(layering.liveChange(for: moved)?.id == 2)
        let untouched = try #require(found.first { $0.originalStart.date == F.date("2026-12-22") })
        #expect(layering.liveChange(for: untouched) == nil)
    }

    @Test("a restored change is history: the meeting is back as the file has it")
    func restoredChangeIsNotLayered() throws {
        let file = Self.initiative([F.series(start: "2026-12-01T10:00", rule: Self.tuesdays)])
        let ended = Self.change(
            1, .cancel(originalDate: F.date("2026-12-08"), reason: "Chair ill"), endedAt: Self.madeAt + 3600)
        let layering = LiveLayering(file: file, changes: [ended])
        #expect(layering.applied.isEmpty)
        #expect(layering.standing(of: ended) == .restored)
        let found = Schedule(initiative: layering.initiative).occurrences(in: Self.summer)
        #expect(found.first { $0.originalStart.date == F.date("2026-12-08") }?.status == .scheduled)
    }

    @Test("an exception in the file for the same meeting wins, and the live change is superseded")
    func fileExceptionSupersedes() throws {
        let fileCancel = SeriesException.cancel(F.date("2026-12-08"), reason: "Decided at the last meeting")
        let file = Self.initiative([
            F.series(
                start: "2026-12-01T10:00", rule: Self.tuesdays, exceptions: [fileCancel],
                extraDates: ["2026-12-23T10:00"])
        ])
        let cancel = Self.change(1, .cancel(originalDate: F.date("2026-12-08"), reason: "Chair ill"))
        let extra = Self.change(2, .extra(start: F.local("2026-12-23T10:00"), location: nil, reason: nil))
        let layering = LiveLayering(file: file, changes: [cancel, extra])
        #expect(layering.superseded == [cancel, extra])
        #expect(layering.standing(of: cancel) == .superseded)
        #expect(layering.applied.isEmpty)
        let found = Schedule(initiative: layering.initiative).occurrences(in: Self.summer)
        let cancelled = try #require(found.first { $0.originalStart.date == F.date("2026-12-08") })
        #expect(cancelled.status == .cancelled(reason: "Decided at the last meeting"))
        #expect(found.filter { $0.originalStart.date == F.date("2026-12-23") }.count == 1)
    }

    @Test("a change for a series or meeting the file no longer has applies to nothing")
    func orphanedChanges() {
        let file = Self.initiative([F.series(start: "2026-12-01T10:00", rule: Self.tuesdays)])
        let gone = Self.change(1, .cancel(originalDate: F.date("2026-12-08"), reason: "x"), series: "retired")
        let noMeeting = Self.change(2, .cancel(originalDate: F.date("2026-12-09"), reason: "x"))
        let layering = LiveLayering(file: file, changes: [gone, noMeeting])
        #expect(layering.orphaned == [gone, noMeeting])
        #expect(layering.standing(of: gone) == .orphaned)
        #expect(layering.initiative.series[0].exceptions.isEmpty)
    }

    @Test(
        "a move across a change of the clocks keeps the wall-clock time asked for",
        arguments: [
            // Melbourne leaves summer time on 2027-04-04: Friday +11:00, Monday +10:00.
            (
                "Australia/Melbourne", "2027-03-26T10:00", "FREQ=WEEKLY;BYDAY=FR", "2027-04-02", "2027-04-05T10:00",
                "2027-04-05T00:00:00Z"
            ),
            // London starts summer time on 2027-03-28: Thursday +00:00, Monday +01:00.
            (
                "Europe/London", "2027-03-18T18:00", "FREQ=WEEKLY;BYDAY=TH", "2027-03-25", "2027-03-29T18:00",
                "2027-03-29T17:00:00Z"
            ),
        ])
    func moveAcrossClockChange(
        zone: String, start: String, rule: String, original: String, target: String, instant: String
    ) throws {
        let series = F.series(start: start, zone: zone, rule: rule)
        let file = Self.initiative([series])
        let move = LiveChange.Kind.move(originalDate: F.date(original), OccurrenceChange(start: F.local(target)))
        try LiveChangeRequest(seriesID: series.id, kind: move).check(over: file, current: [])
        let layering = LiveLayering(file: file, changes: [Self.change(1, move)])
        let moved = try #require(
            Schedule(initiative: layering.initiative).occurrence(
                of: layering.initiative.series[0], originalDate: F.date(original)))
        #expect(moved.localStart == F.local(target))
        #expect(moved.start == F.instant(instant))
        #expect(moved.end == F.instant(instant) + 3600)
    }
}
