import Foundation
import Testing

@testable import RhythmCore

/// The checks a live change passes before it is recorded, each with the field it is about.
@Suite struct LiveChangeRequestTests {
    typealias F = ScheduleFixtures

    static let file = F.schedule([
        F.series(
            start: "2026-12-01T10:00", rule: "FREQ=WEEKLY;BYDAY=TU",
            exceptions: [.skip(F.date("2026-12-29"), reason: "Summer break")]),
        F.series(id: "london", start: "2027-03-18T18:00", zone: "Europe/London", rule: "FREQ=WEEKLY;BYDAY=TH"),
    ]).initiative

    static func problems(_ request: LiveChangeRequest, current: [LiveChange] = []) -> [LiveChangeRequestError.Problem] {
        do {
            try request.check(over: file, current: current)
            return []
        } catch {
            return error.problems
        }
    }

    static func cancel(_ date: String, reason: String? = "Chair ill", series: String = "weekly") -> LiveChangeRequest {
        LiveChangeRequest(seriesID: series, kind: .cancel(originalDate: F.date(date), reason: reason))
    }

    static func move(_ date: String, to target: String, series: String = "weekly") -> LiveChangeRequest {
        LiveChangeRequest(
            seriesID: series, kind: .move(originalDate: F.date(date), OccurrenceChange(start: F.local(target))))
    }

    @Test("a cancel of a held meeting with a reason passes")
    func validCancel() {
        #expect(Self.problems(Self.cancel("2026-12-08")).isEmpty)
    }

    @Test("an unknown series is named, with the closest id")
    func unknownSeries() {
        let problems = Self.problems(Self.cancel("2026-12-08", series: "weekyl"))
        #expect(problems.map(\.field) == [.series])
        #expect(problems.first?.message.contains("did you mean \"weekly\"?") == true)
    }

    @Test("a date the series does not meet on, or a skipped meeting, cannot change")
    func noMeetingThatDay() {
        let wednesday = Self.problems(Self.cancel("2026-12-09"))
        #expect(wednesday.map(\.field) == [.date])
        #expect(wednesday.first?.message.contains("does not meet on 2026-12-09 (a Wednesday)") == true)
        let skipped = Self.problems(Self.cancel("2026-12-29"))
        #expect(skipped.map(\.field) == [.date])
        // The file's skip is an exception for the date: the file wins, and says so.
        #expect(skipped.first?.message.contains("already changes weekly on 2026-12-29") == true)
    }

    @Test("a cancellation needs a reason, and reasons and places are bounded")
    func boundedTexts() {
        #expect(Self.problems(Self.cancel("2026-12-08", reason: "  ")).map(\.field) == [.reason])
        let long = String(repeating: "x", count: LiveChangeRequest.reasonLimit + 1)
        #expect(Self.problems(Self.cancel("2026-12-08", reason: long)).map(\.field) == [.reason])
        let far = LiveChangeRequest(
            seriesID: "weekly",
            kind: .move(
                originalDate: F.date("2026-12-08"),
                OccurrenceChange(location: String(repeating: "y", count: LiveChangeRequest.locationLimit + 1))))
        #expect(Self.problems(far).map(\.field) == [.location])
    }

    @Test("one meeting has one live change at a time: the second is refused until the first is restored")
    func oneChangeAtATime() {
        let first = LiveChange(
            id: 7, seriesID: "weekly", kind: .cancel(originalDate: F.date("2026-12-08"), reason: "Chair ill"),
            actor: "console:alice", createdAt: Date(timeIntervalSince1970: 0))
        let problems = Self.problems(Self.move("2026-12-08", to: "2026-12-10T10:00"), current: [first])
        #expect(problems.map(\.field) == [.date])
        #expect(problems.first?.message.contains("#7, cancel by console:alice") == true)
    }

    @Test("a move onto a time the series already meets at is refused")
    func moveCollision() {
        let problems = Self.problems(Self.move("2026-12-08", to: "2026-12-15T10:00"))
        #expect(problems.map(\.field) == [.start])
        #expect(problems.first?.message.contains("the meeting of 2026-12-15") == true)
        #expect(Self.problems(Self.move("2026-12-08", to: "2026-12-15T14:00")).isEmpty)
    }

    @Test(
        "a start the clocks skip is refused with the time they show instead",
        arguments: [
            ("london", "2027-03-25", "2027-03-28T01:30", "2027-03-28 02:30"),
            ("weekly", "2026-12-08", "2026-10-04T02:30", "2026-10-04 03:30"),
        ])
    func startInClockGap(series: String, date: String, target: String, shown: String) {
        let problems = Self.problems(Self.move(date, to: target, series: series))
        #expect(problems.map(\.field) == [.start])
        #expect(problems.first?.message.contains("Choose \(shown)") == true)
    }

    @Test("an extra meeting needs a day of its own")
    func extraOnMeetingDay() {
        let onTuesday = LiveChangeRequest(
            seriesID: "weekly", kind: .extra(start: F.local("2026-12-08T15:00"), location: nil, reason: nil))
        #expect(Self.problems(onTuesday).map(\.field) == [.start])
        let onThursday = LiveChangeRequest(
            seriesID: "weekly", kind: .extra(start: F.local("2026-12-10T15:00"), location: "Hall", reason: nil))
        #expect(Self.problems(onThursday).isEmpty)
    }
}
