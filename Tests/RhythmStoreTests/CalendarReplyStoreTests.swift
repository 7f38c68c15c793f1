import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Calendar replies arrive late and out of order; the newest answer wins.
@Suite struct CalendarReplyStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let date = LocalDate(iso: "2027-02-09")!

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func reply(_ response: Attendance.Response, stamp: Date, sequence: Int = 0, note: String? = nil)
        -> CalendarReplyAnswer
    {
        CalendarReplyAnswer(
            seriesID: "leadership-table", occurrenceDate: date, personID: "ann", response: response, note: note,
            delegateID: nil, stamp: stamp, sequence: sequence)
    }

    @Test("a reply is recorded with its note and audited as an answer")
    func applies() throws {
        let result = try database.applyCalendarReply(
            reply(.apologies, stamp: .reference, note: "In court"), actor: "person:ann (calendar)",
            now: .reference + 60)
        guard case .applied(let answer, let previous) = result else {
            Issue.record("expected the reply to be applied, got \(result)")
            return
        }
        #expect(previous == nil)
        #expect(answer.response == .apologies && answer.note == "In court")
        #expect(try database.attendance(seriesID: "leadership-table", occurrenceDate: date) == [answer])
        let trail = try database.auditEntries(entity: "attendance", entityID: answer.id, limit: 5)
        #expect(trail.map(\.actor) == ["person:ann (calendar)"])
    }

    @Test("a reply stamped earlier than the stored one changes nothing, whatever order they arrive in")
    func olderReplyLoses() throws {
        _ = try database.applyCalendarReply(reply(.attending, stamp: .reference + 100), actor: "c", now: .reference)
        let late = try database.applyCalendarReply(reply(.apologies, stamp: .reference), actor: "c", now: .reference)
        guard case .older(let kept) = late else {
            Issue.record("expected the older reply to be refused, got \(late)")
            return
        }
        #expect(kept.response == .attending)
        #expect(try database.attendance(seriesID: nil, occurrenceDate: nil).map(\.response) == [.attending])
    }

    @Test("with the same stamp the higher sequence wins and an equal one is a duplicate")
    func sequenceBreaksTies() throws {
        _ = try database.applyCalendarReply(
            reply(.tentative, stamp: .reference, sequence: 1), actor: "c", now: .reference)
        let duplicate = try database.applyCalendarReply(
            reply(.apologies, stamp: .reference, sequence: 1), actor: "c", now: .reference)
        #expect(
            duplicate == .older(than: try #require(try database.attendance(seriesID: nil, occurrenceDate: nil).first)))
        let newer = try database.applyCalendarReply(
            reply(.attending, stamp: .reference, sequence: 2), actor: "c", now: .reference)
        guard case .applied(let answer, let previous) = newer else {
            Issue.record("expected the higher sequence to win, got \(newer)")
            return
        }
        #expect(answer.response == .attending && previous?.response == .tentative)
    }

    @Test("an answer given by link after the reply was written beats the reply; a later reply beats the link")
    func linkAnswersCountWhenRecorded() throws {
        _ = try database.setAttendance(
            seriesID: "leadership-table", occurrenceDate: date, personID: "ann", response: .attending, note: nil,
            delegateID: nil, actor: "person:ann (link)", now: .reference + 50)
        let earlier = try database.applyCalendarReply(
            reply(.apologies, stamp: .reference + 10), actor: "c", now: .reference + 60)
        guard case .older(let kept) = earlier else {
            Issue.record("a reply written before the link answer replaced it: \(earlier)")
            return
        }
        #expect(kept.answeredBy == "person:ann (link)")
        let later = try database.applyCalendarReply(
            reply(.apologies, stamp: .reference + 90), actor: "c", now: .reference + 95)
        if case .older = later { Issue.record("a reply written after the link answer was refused") }
        #expect(try database.attendance(seriesID: nil, occurrenceDate: nil).map(\.response) == [.apologies])
    }
}
