import Foundation
import RhythmCore
import RhythmInbound
import RhythmStore
import Testing

/// "Propose new time" (iMIP COUNTER) is kept for the organiser and changes nothing else.
@Suite struct CalendarCounterTests {
    let harness: InboundHarness

    init() throws {
        harness = try InboundHarness()
    }

    @Test("a COUNTER is recorded as a proposal with its times, comment and Message-ID, and no answer changes")
    func recorded() throws {
        let summary = try #require(try harness.handle(try Fixture.counter.message()).summary)
        let proposals = try harness.store.calendarProposals(seriesID: "leaders", includeDismissed: false)
        let proposal = try #require(proposals.first)
        #expect(proposals.count == 1)
        #expect(proposal.personID == "ana")
        #expect(proposal.occurrenceDate == LocalDate(iso: "2027-02-16"))
        // 14:00 on 17 February in London is 14:00 UTC (GMT).
        #expect(proposal.proposedStart == Date(timeIntervalSince1970: 1_802_872_800))
        #expect(proposal.proposedEnd == Date(timeIntervalSince1970: 1_802_876_400))
        #expect(proposal.comment == "Could we meet on Wednesday afternoon instead?")
        #expect(proposal.stamp == InboundInitiative.now)
        #expect(proposal.messageID == "counter-1@mail.rhythm.test")
        #expect(proposal.dismissedAt == nil)
        #expect(
            summary
                == "calendar counter-proposal from person ana for leaders 2027-02-16: recorded as proposal "
                + "\(proposal.id) for the organiser")
        #expect(try harness.answers().isEmpty)
    }

    @Test("a COUNTER without RECURRENCE-ID is a proposal for the whole series")
    func wholeSeries() throws {
        let message = try Fixture.counter.message(replacing: [
            "RECURRENCE-ID;TZID=Europe/London:20270216T100000\r\n": ""
        ])
        let summary = try #require(try harness.handle(message).summary)
        #expect(summary.hasPrefix("calendar counter-proposal from person ana for leaders, whole series: recorded"))
        let proposals = try harness.store.calendarProposals(seriesID: nil, includeDismissed: false)
        #expect(proposals.map(\.occurrenceDate) == [nil])
    }

    @Test("a COUNTER from someone who does not attend the series is not recorded")
    func notAnAttendee() throws {
        let outsider = try Fixture.counter.message(replacing: ["ana.ortiz@rhythm.test": "ben@south.test"])
        let summary = try #require(try harness.handle(outsider).summary)
        #expect(
            summary == "calendar counter-proposal for leaders from person ben: not an attendee of the series; ignored")
        #expect(try harness.store.calendarProposals(seriesID: nil, includeDismissed: true).isEmpty)
    }
}
