import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Times attendees propose wait for the organiser until dismissed.
@Suite struct CalendarProposalStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func proposal(_ seriesID: String, date: String?, comment: String? = nil) -> NewCalendarProposal {
        NewCalendarProposal(
            seriesID: seriesID, occurrenceDate: date.flatMap { LocalDate(iso: $0) }, personID: "ann",
            proposedStart: .reference + 86_400, proposedEnd: .reference + 90_000, comment: comment, stamp: .reference,
            messageID: "counter@mail.example")
    }

    @Test("a proposal is kept with everything it says and listed by series, oldest first")
    func recordAndList() throws {
        let first = try database.recordCalendarProposal(
            proposal("leadership-table", date: "2027-02-09", comment: "Wednesday?"), now: .reference + 10)
        let second = try database.recordCalendarProposal(proposal("leadership-table", date: nil), now: .reference + 20)
        _ = try database.recordCalendarProposal(proposal("data-council", date: nil), now: .reference + 30)

        #expect(first.occurrenceDate == LocalDate(iso: "2027-02-09"))
        #expect(first.comment == "Wednesday?" && first.messageID == "counter@mail.example")
        #expect(first.proposedStart == .reference + 86_400 && first.proposedEnd == .reference + 90_000)
        #expect(first.receivedAt == .reference + 10 && first.dismissedAt == nil)
        #expect(second.occurrenceDate == nil)
        #expect(
            try database.calendarProposals(seriesID: "leadership-table", includeDismissed: false) == [first, second])
        #expect(try database.calendarProposals(seriesID: nil, includeDismissed: false).count == 3)
    }

    @Test("a dismissed proposal no longer waits, keeps its first dismissal, and an unknown id dismisses nothing")
    func dismiss() throws {
        let kept = try database.recordCalendarProposal(proposal("leadership-table", date: nil), now: .reference)
        let dismissed = try #require(try database.dismissCalendarProposal(id: kept.id, now: .reference + 60))
        #expect(dismissed.dismissedAt == .reference + 60)
        #expect(
            try database.dismissCalendarProposal(id: kept.id, now: .reference + 120)?.dismissedAt == .reference + 60)
        #expect(try database.dismissCalendarProposal(id: kept.id + 1, now: .reference) == nil)
        #expect(try database.calendarProposals(seriesID: nil, includeDismissed: false).isEmpty)
        #expect(try database.calendarProposals(seriesID: nil, includeDismissed: true) == [dismissed])
    }
}
