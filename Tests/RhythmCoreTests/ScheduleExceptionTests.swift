import Foundation
import Testing

@testable import RhythmCore

/// Every kind of change to a single occurrence, and holidays under each policy.
@Suite struct ScheduleExceptionTests {
    typealias F = ScheduleFixtures

    /// Tuesdays at 10:00 in Melbourne through December 2026 and January 2027.
    static let tuesdays = "FREQ=WEEKLY;BYDAY=TU"
    static let summer = F.window("2026-11-30T00:00:00Z", "2027-02-01T00:00:00Z")

    @Test("a skipped date is left out, and shown as skipped only when asked")
    func skip() throws {
        let series = F.series(
            start: "2026-12-01T10:00",
            rule: Self.tuesdays,
            exceptions: [.skip(F.date("2026-12-08"), reason: "Room unavailable")]
        )
        let schedule = F.schedule([series])
        let found = schedule.occurrences(in: Self.summer)
        #expect(!found.map(\.originalStart.date).contains(F.date("2026-12-08")))
        #expect(found.first?.originalStart.date == F.date("2026-12-01"))
        let all = schedule.occurrences(in: Self.summer, includingSkipped: true)
        let skipped = try #require(all.first { $0.originalStart.date == F.date("2026-12-08") })
        #expect(skipped.status == .skipped(reason: "Room unavailable"))
        #expect(all.count == found.count + 1)
    }

    @Test("a cancelled occurrence stays in the list, marked cancelled with its reason")
    func cancel() throws {
        let series = F.series(
            start: "2026-12-01T10:00",
            rule: Self.tuesdays,
            exceptions: [.cancel(F.date("2026-12-15"), reason: "Chair unwell")]
        )
        let found = F.schedule([series]).occurrences(in: Self.summer)
        let cancelled = try #require(found.first { $0.originalStart.date == F.date("2026-12-15") })
        #expect(cancelled.status == .cancelled(reason: "Chair unwell"))
        #expect(cancelled.start == F.instant("2026-12-14T23:00:00Z"))
    }

    @Test("a moved occurrence takes its new time and place and remembers where it came from")
    func move() throws {
        let change = OccurrenceChange(
            start: F.local("2026-12-17T14:00"),
            location: "Town Hall",
            reason: "Budget briefing"
        )
        let series = F.series(
            start: "2026-12-01T10:00",
            rule: Self.tuesdays,
            exceptions: [.move(F.date("2026-12-15"), change)]
        )
        let found = F.schedule([series]).occurrences(in: Self.summer)
        let moved = try #require(found.first { $0.originalStart.date == F.date("2026-12-15") })
        #expect(moved.localStart == F.local("2026-12-17T14:00"))
        #expect(moved.start == F.instant("2026-12-17T03:00:00Z"))
        #expect(moved.location == "Town Hall")
        #expect(moved.status == .moved(from: F.local("2026-12-15T10:00"), reason: "Budget briefing"))
        // Time order follows the new start: it now comes after the 15th's neighbours' order.
        #expect(found.map(\.start) == found.map(\.start).sorted())
    }

    @Test("a move that changes only the place keeps the time")
    func moveLocationOnly() throws {
        let series = F.series(
            start: "2026-12-01T10:00",
            rule: Self.tuesdays,
            exceptions: [.move(F.date("2026-12-08"), OccurrenceChange(location: "Library"))]
        )
        let found = F.schedule([series]).occurrences(in: Self.summer)
        let moved = try #require(found.first { $0.originalStart.date == F.date("2026-12-08") })
        #expect(moved.localStart == F.local("2026-12-08T10:00"))
        #expect(moved.location == "Library")
        #expect(found.first { $0.originalStart.date == F.date("2026-12-01") }?.location == "Room 1")
    }

    @Test("a move into the window from far outside it is found, and a move out of it is not")
    func moveAcrossWindow() throws {
        let series = F.series(
            start: "2026-06-02T10:00",
            rule: Self.tuesdays,
            exceptions: [
                .move(F.date("2027-03-02"), OccurrenceChange(start: F.local("2026-12-03T10:00"))),
                .move(F.date("2026-12-22"), OccurrenceChange(start: F.local("2027-06-01T09:00"))),
            ]
        )
        let found = F.schedule([series]).occurrences(in: Self.summer)
        #expect(found.contains { $0.originalStart.date == F.date("2027-03-02") })
        #expect(!found.contains { $0.originalStart.date == F.date("2026-12-22") })
    }

    @Test("extra dates add occurrences outside the rule, and a one-off series has exactly one")
    func extraDatesAndOneOff() {
        let weekly = F.series(
            id: "weekly",
            start: "2026-12-01T10:00",
            rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=2",
            extraDates: ["2026-12-04T15:00"]
        )
        let once = F.series(id: "once", start: "2026-12-10T09:00", rule: nil)
        let found = F.schedule([weekly, once]).occurrences(in: Self.summer)
        #expect(found.map(\.series.id) == ["weekly", "weekly", "weekly", "once"])
        #expect(
            found.map(\.localStart)
                == ["2026-12-01T10:00", "2026-12-04T15:00", "2026-12-08T10:00", "2026-12-10T09:00"].map(F.local))
    }

    static let shutdown = HolidayPeriod(
        id: "shutdown", name: "Christmas shutdown", firstDay: F.date("2026-12-21"), lastDay: F.date("2027-01-08")
    )

    @Test("the skip policy leaves out every occurrence in a shutdown")
    func holidaySkip() {
        let series = F.series(start: "2026-12-01T10:00", rule: Self.tuesdays)
        let schedule = F.schedule([series], holidays: [Self.shutdown])
        let found = schedule.occurrences(in: Self.summer)
        #expect(!found.contains { Self.shutdown.contains($0.originalStart.date) })
        let skipped = schedule.occurrences(in: Self.summer, includingSkipped: true).filter(\.status.isSkipped)
        #expect(skipped.map(\.originalStart.date) == ["2026-12-22", "2026-12-29", "2027-01-05"].map(F.date))
        #expect(skipped.allSatisfy { $0.status.reason == "Christmas shutdown" })
    }

    @Test("the next-business-day policy moves a meeting past the weekend and the shutdown, once")
    func holidayNextBusinessDay() throws {
        // Thursdays: 24 and 31 December and 7 January fall in the shutdown. Each would move to
        // Monday 11 January; only the first does, and the others are skipped.
        let series = F.series(start: "2026-12-03T10:00", rule: "FREQ=WEEKLY;BYDAY=TH", holidayPolicy: .nextBusinessDay)
        let schedule = F.schedule([series], holidays: [Self.shutdown])
        let found = schedule.occurrences(in: Self.summer, includingSkipped: true)
        let moved = try #require(found.first { $0.originalStart.date == F.date("2026-12-24") })
        #expect(moved.localStart == F.local("2027-01-11T10:00"))
        #expect(
            moved.status
                == .moved(
                    from: F.local("2026-12-24T10:00"), reason: "Christmas shutdown: moved to the next business day"))
        let later = found.filter { ["2026-12-31", "2027-01-07"].map(F.date).contains($0.originalStart.date) }
        #expect(later.count == 2)
        #expect(later.allSatisfy { $0.status.isSkipped })
        #expect(found.filter { $0.localStart.date == F.date("2027-01-11") }.count == 1)
    }

    @Test("a holiday move onto a day that already has the meeting is skipped instead")
    func holidayCollision() throws {
        // Monday 25 January 2027 holiday moves to Tuesday 26th, which has its own meeting.
        let holiday = HolidayPeriod(
            id: "h", name: "Holiday", firstDay: F.date("2027-01-25"), lastDay: F.date("2027-01-25"))
        let series = F.series(
            start: "2027-01-04T10:00", rule: "FREQ=WEEKLY;BYDAY=MO,TU", holidayPolicy: .nextBusinessDay)
        let found = F.schedule([series], holidays: [holiday]).occurrences(in: Self.summer, includingSkipped: true)
        let collided = try #require(found.first { $0.originalStart.date == F.date("2027-01-25") })
        #expect(collided.status.isSkipped)
        #expect(found.filter { !$0.status.isSkipped && $0.localStart.date == F.date("2027-01-26") }.count == 1)
    }

    @Test("the ignore policy meets on holidays, and an explicit exception wins over a holiday")
    func holidayIgnoreAndExplicitException() throws {
        let ignoring = F.series(id: "ignoring", start: "2026-12-01T10:00", rule: Self.tuesdays, holidayPolicy: .ignore)
        let explicit = F.series(
            id: "explicit",
            start: "2026-12-01T10:00",
            rule: Self.tuesdays,
            exceptions: [.move(F.date("2026-12-22"), OccurrenceChange(start: F.local("2026-12-18T10:00")))]
        )
        let found = F.schedule([ignoring, explicit], holidays: [Self.shutdown]).occurrences(in: Self.summer)
        #expect(found.contains { $0.series.id == "ignoring" && $0.originalStart.date == F.date("2026-12-29") })
        let moved = try #require(
            found.first { $0.series.id == "explicit" && $0.originalStart.date == F.date("2026-12-22") })
        #expect(moved.localStart == F.local("2026-12-18T10:00"))
    }

    @Test("occurrences of several series come in time order, ties broken by series id")
    func ordering() {
        let b = F.series(id: "b", start: "2026-12-01T10:00", rule: "FREQ=DAILY;COUNT=3")
        let a = F.series(id: "a", start: "2026-12-01T10:00", rule: "FREQ=DAILY;COUNT=3")
        let london = F.series(id: "c", start: "2026-12-01T00:00", zone: "Europe/London", rule: "FREQ=DAILY;COUNT=1")
        let found = F.schedule([b, london, a]).occurrences(in: Self.summer)
        #expect(found.map(\.series.id) == ["a", "b", "c", "a", "b", "a", "b"])
    }

    @Test("the next occurrence skips what was skipped and finds what comes after a window")
    func nextOccurrence() throws {
        let series = F.series(start: "2026-12-01T10:00", rule: Self.tuesdays)
        let schedule = F.schedule([series], holidays: [Self.shutdown])
        let next = try #require(schedule.nextOccurrence(of: series, after: F.instant("2026-12-20T00:00:00Z")))
        #expect(next.localStart == F.local("2027-01-12T10:00"))
    }
}
