import Foundation
import Testing

@testable import RhythmCore

@Suite("Invitation planning: who gets a REQUEST or a CANCEL, and when")
struct InvitationPlannerTests {
    static let now = ScheduleFixtures.instant("2027-02-01T00:00:00Z")

    /// Ana (Melbourne) wants invitations; Ben (London) does not.
    static func people(anaWants: Bool = true, anaQuiet: QuietHours? = nil) -> [Person] {
        [
            Person(
                id: "ana", name: "Ana", email: "ana@example.org", timeZone: ReminderFixtures.melbourne,
                quietHours: anaQuiet, wantsInvitations: anaWants),
            Person(id: "ben", name: "Ben", email: "ben@example.org", timeZone: ReminderFixtures.london),
        ]
    }

    static func initiative(
        people: [Person] = people(), series: [MeetingSeries] = [leadership()]
    ) -> Initiative {
        ReminderFixtures.initiative(people: people, series: series, rules: [])
    }

    static func leadership(exceptions: [SeriesException] = [], attendees: [String] = ["ana", "ben"])
        -> MeetingSeries
    {
        ReminderFixtures.series(
            start: "2027-02-09T10:00", rule: "FREQ=MONTHLY;BYDAY=2TU", exceptions: exceptions, attendees: attendees)
    }

    private func plan(
        _ initiative: Initiative, sequence: Int = 0, states: [InvitationState] = [], at now: Date = now
    ) -> (invitations: [PlannedInvitation], states: [InvitationState]) {
        InvitationPlanner.plan(
            initiative: initiative, sequences: ["leadership": sequence], states: states, now: now)
    }

    @Test("a person who wants invitations gets one REQUEST per series; one who does not gets none")
    func firstInvitation() throws {
        let (invitations, states) = plan(Self.initiative())
        let invitation = try #require(invitations.first)
        #expect(invitations.count == 1)
        #expect(invitation.kind == .request)
        #expect(invitation.key == "imip:request|leadership|seq0-g0|person:ana|email")
        #expect(invitation.calendarSequence == 0)
        #expect(invitation.due == Self.now)
        #expect(invitation.usefulUntil == Self.now + InvitationPlanner.lifetime)
        #expect(
            states == [
                InvitationState(
                    seriesID: "leadership", personID: "ana", title: "Leadership table", feedSequence: 0,
                    generation: 0, isInvited: true)
            ])
    }

    @Test("planning again with the same SEQUENCE sends nothing")
    func idempotent() {
        let first = plan(Self.initiative())
        let second = plan(Self.initiative(), states: first.states)
        #expect(second.invitations.isEmpty)
        #expect(second.states == first.states)
    }

    @Test("a higher SEQUENCE sends an updated REQUEST and a CANCEL for each coming cancelled meeting")
    func update() throws {
        let first = plan(Self.initiative())
        let cancelled = Self.leadership(exceptions: [.cancel(ScheduleFixtures.date("2027-03-09"), reason: "No quorum")])
        let second = plan(Self.initiative(series: [cancelled]), sequence: 1, states: first.states)
        #expect(
            second.invitations.map(\.key) == [
                "imip:request|leadership|seq1-g0|person:ana|email",
                "imip:cancel|leadership@2027-03-09T10:00:00|person:ana|email",
            ])
        let cancellation = second.invitations[1]
        #expect(cancellation.kind == .cancelOccurrence(originalStart: ScheduleFixtures.local("2027-03-09T10:00")))
        #expect(cancellation.calendarSequence == 1)
        // Useful until the cancelled meeting would have started: 10:00 AEDT.
        #expect(cancellation.usefulUntil == ScheduleFixtures.instant("2027-03-08T23:00:00Z"))
    }

    @Test("leaving the series, opting out or the series being removed each send one CANCEL for the series")
    func cancelSeries() throws {
        let invited = plan(Self.initiative()).states
        let variants = [
            Self.initiative(series: [Self.leadership(attendees: ["ben"])]),
            Self.initiative(people: Self.people(anaWants: false)),
            Self.initiative(series: []),
        ]
        for initiative in variants {
            let (invitations, states) = plan(initiative, states: invited)
            let cancellation = try #require(invitations.first)
            #expect(invitations.count == 1)
            #expect(cancellation.kind == .cancelSeries)
            #expect(cancellation.key == "imip:cancel|leadership|g1|person:ana|email")
            #expect(cancellation.calendarSequence == 1)
            #expect(cancellation.title == "Leadership table")
            #expect(states.first?.isInvited == false)
            #expect(plan(initiative, states: states).invitations.isEmpty)
        }
    }

    @Test("an invitation renewed after a cancellation outranks it: generation and SEQUENCE go up again")
    func renewal() throws {
        let invited = plan(Self.initiative()).states
        let cancelled = plan(Self.initiative(people: Self.people(anaWants: false)), states: invited).states
        let (invitations, states) = plan(Self.initiative(), states: cancelled)
        let renewed = try #require(invitations.first)
        #expect(renewed.key == "imip:request|leadership|seq0-g2|person:ana|email")
        #expect(renewed.calendarSequence == 2)
        #expect(states.first?.isInvited == true)
    }

    @Test("invitations wait for the end of the person's quiet hours, in their zone")
    func quietHours() throws {
        // 2027-02-01T10:00Z is 21:00 in Melbourne (AEDT), inside 20:00-07:30.
        let quiet = QuietHours(start: ReminderFixtures.time("20:00"), end: ReminderFixtures.time("07:30"))
        let now = ScheduleFixtures.instant("2027-02-01T10:00:00Z")
        let (invitations, _) = plan(Self.initiative(people: Self.people(anaQuiet: quiet)), at: now)
        #expect(invitations.first?.due == ScheduleFixtures.instant("2027-02-01T20:30:00Z"))
    }

    @Test("a series with no meeting left invites nobody new")
    func finishedSeries() {
        let finished = ReminderFixtures.series(start: "2026-02-10T10:00", rule: "FREQ=MONTHLY;COUNT=3")
        #expect(plan(Self.initiative(series: [finished])).invitations.isEmpty)
    }

    @Test("without an e-mail channel nothing is planned and the states are kept")
    func noEmailChannel() {
        var initiative = Self.initiative()
        initiative.channels = [ReminderFixtures.slack]
        let states = plan(Self.initiative()).states
        let result = InvitationPlanner.plan(
            initiative: initiative, sequences: ["leadership": 3], states: states, now: Self.now)
        #expect(result.invitations.isEmpty)
        #expect(result.states == states)
    }
}
