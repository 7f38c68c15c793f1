import Foundation
import RhythmCore
import RhythmInbound
import RhythmStore
import Testing

/// iMIP replies from real calendar clients become attendance answers, in the order they were
/// written, and only from attendees.
@Suite struct CalendarReplyTests {
    let harness: InboundHarness

    init() throws {
        harness = try InboundHarness()
    }

    @Test("an Outlook reply answers the one meeting its RECURRENCE-ID names, across London's clock change")
    func outlookOccurrence() throws {
        let summary = try #require(try harness.handle(try Fixture.outlookAccepted.message()).summary)
        let answers = try harness.answers("leaders")
        #expect(answers.map(\.occurrenceDate.description) == ["2027-03-30"])
        #expect(answers.first?.personID == "ana")
        #expect(answers.first?.response == .attending)
        #expect(answers.first?.answeredBy == "person:ana (calendar)")
        // Outlook sends an empty COMMENT when the person wrote nothing.
        #expect(answers.first?.note == nil)
        #expect(summary == "calendar reply from person ana for leaders 2027-03-30: attending; applied")
    }

    @Test("a Google reply without RECURRENCE-ID answers every held meeting from its date through the next year, once")
    func googleSeries() throws {
        let summary = try #require(try harness.handle(try Fixture.googleAccepted.message()).summary)
        let dates = try harness.answers("leaders").map(\.occurrenceDate.description).sorted()
        // Tuesdays from the reply's day (1 February 2027) through a year and a day after now,
        // without the cancelled 23 February; the meeting moved to 11 March stays under 9 March.
        #expect(dates.first == "2027-02-02")
        #expect(dates.last == "2028-02-01")
        #expect(dates.count == 52)
        #expect(dates.contains("2027-03-09") && !dates.contains("2027-03-11"))
        #expect(!dates.contains("2027-02-23"))
        #expect(try harness.answers().allSatisfy { $0.personID == "dan" && $0.response == .attending })
        // The inline part and invite.ics carry the same reply: it is applied once.
        #expect(
            summary
                == "calendar reply from person dan for leaders, whole series 2027-02-02 to 2028-02-01 (52 meetings): "
                + "attending; 52 applied, 0 older than the stored answer")
    }

    @Test("a reply for one meeting written after the series reply overrides it there, and only there")
    func laterAnswerOverridesSeries() throws {
        _ = try harness.handle(try Fixture.googleAccepted.message())
        let oneMeeting = try Fixture.plainReply.message(replacing: [
            "ana.ortiz@rhythm.test": "dan.perez@rhythm.test", "20270209T100000": "20270216T100000",
            "PARTSTAT=ACCEPTED": "PARTSTAT=DECLINED", "DTSTAMP:20270201T100000Z": "DTSTAMP:20270201T103000Z",
        ])
        _ = try harness.handle(oneMeeting)
        #expect(try harness.answers("leaders", on: "2027-02-16").map(\.response) == [.apologies])
        #expect(try harness.answers("leaders", on: "2027-02-09").map(\.response) == [.attending])
        // The series reply delivered again is a duplicate everywhere and changes nothing.
        let again = try harness.handle(try Fixture.googleAccepted.message())
        #expect(again.summary?.hasSuffix("0 applied, 52 older than the stored answer") == true)
        #expect(try harness.answers("leaders", on: "2027-02-16").map(\.response) == [.apologies])
    }

    @Test("an Apple decline with a comment is apologies with that note on the agenda, across Melbourne's clock change")
    func appleDeclineWithComment() throws {
        let summary = try #require(try harness.handle(try Fixture.appleDeclined.message()).summary)
        let answers = try harness.answers("melbourne-forum")
        #expect(answers.map(\.occurrenceDate.description) == ["2027-04-08"])
        #expect(answers.first?.response == .apologies)
        #expect(answers.first?.note == "Stuck in court until 11, sorry – I'll send notes.")
        #expect(!summary.contains("court") && !summary.contains("@"))

        let series = try #require(harness.initiative.series.first { $0.id == "melbourne-forum" })
        let occurrence = try #require(
            Schedule(initiative: harness.initiative).occurrence(of: series, originalDate: LocalDate(iso: "2027-04-08")!)
        )
        let agenda = AgendaBuilder().agenda(
            for: occurrence, initiative: harness.initiative, actions: [], items: [], results: [],
            attendance: try harness.answers("melbourne-forum", on: "2027-04-08"),
            today: LocalDate(iso: "2027-02-01")!)
        #expect(
            agenda.header.attendance.apologies == [
                AttendanceSummary.Apology(
                    personName: "Mia Ngata", partnerName: "North Trust",
                    note: "Stuck in court until 11, sorry – I'll send notes.", delegateName: nil)
            ])
    }

    @Test("a delegation to a colleague from the same partner sends apologies with that colleague, otherwise without")
    func delegation() throws {
        _ = try harness.handle(try Fixture.delegated.message())
        let toColleague = try harness.answers("leaders", on: "2027-02-09")
        #expect(toColleague.map(\.response) == [.apologies])
        #expect(toColleague.first?.delegateID == "dan")

        let later = try Fixture.delegated.message(replacing: [
            "mailto:dan.perez@rhythm.test": "mailto:ben@south.test",
            "DTSTAMP:20270201T100000Z": "DTSTAMP:20270201T110000Z",
        ])
        let summary = try #require(try harness.handle(later).summary)
        let toOutsider = try harness.answers("leaders", on: "2027-02-09")
        #expect(toOutsider.map(\.response) == [.apologies])
        #expect(toOutsider.first?.delegateID == nil)
        #expect(summary == "calendar reply from person ana for leaders 2027-02-09: apologies; applied")
    }

    @Test(
        "each PARTSTAT that answers gives its response",
        arguments: [
            ("ACCEPTED", Attendance.Response.attending), ("TENTATIVE", .tentative), ("DECLINED", .apologies),
        ])
    func participation(partstat: String, response: Attendance.Response) throws {
        _ = try harness.handle(try Fixture.plainReply.message(replacing: ["PARTSTAT=ACCEPTED": "PARTSTAT=\(partstat)"]))
        #expect(try harness.answers().map(\.response) == [response])
    }

    @Test("a comment is trimmed into the note and cut to the length any answer may carry")
    func longComment() throws {
        let long = String(repeating: "word ", count: 2_500)
        let message = try Fixture.plainReply.message(replacing: [
            "SUMMARY:Leadership table": "COMMENT:  \(long)\r\nSUMMARY:Leadership table"
        ])
        _ = try harness.handle(message)
        let note = try #require(try harness.answers().first?.note)
        #expect(note.count == AttendanceRequest.noteLimit)
        #expect(note.hasPrefix("word word"))
    }

    @Test("a reply whose DTSTAMP is not a UTC time is unreadable and changes nothing")
    func malformedStamp() throws {
        let message = try Fixture.plainReply.message(replacing: [
            "DTSTAMP:20270201T100000Z": "DTSTAMP:20270201T100000"
        ])
        #expect(
            try harness.handle(message).summary == "calendar reply for leaders: unreadable (invalid-value); not applied"
        )
        #expect(try harness.answers().isEmpty)
    }

    @Test("a reply from a stranger, or from a person who does not attend the series, changes nothing")
    func notAnAttendee() throws {
        let stranger = try #require(try harness.handle(try Fixture.stranger.message()).summary)
        #expect(stranger == "calendar reply for leaders from an address that is no person's: not an attendee; ignored")
        let outsider = try Fixture.plainReply.message(replacing: ["ana.ortiz@rhythm.test": "ben@south.test"])
        let refused = try #require(try harness.handle(outsider).summary)
        #expect(refused == "calendar reply for leaders from person ben: not an attendee of the series; ignored")
        #expect(try harness.answers().isEmpty)
        #expect(try harness.store.auditEntries(entity: "attendance", entityID: nil, limit: 10).isEmpty)
    }

    @Test("an ATTENDEE address that is nobody's falls back to the sender's")
    func senderFallback() throws {
        let forwarded = try Fixture.plainReply.message(replacing: [
            "mailto:ana.ortiz@rhythm.test": "mailto:ana@home.example"
        ])
        _ = try harness.handle(forwarded)
        #expect(try harness.answers("leaders", on: "2027-02-09").map(\.personID) == ["ana"])
    }

    @Test("a reply stamped earlier than the stored answer changes nothing")
    func olderStampIgnored() throws {
        _ = try harness.handle(try Fixture.plainReply.message())
        let older = try Fixture.plainReply.message(replacing: [
            "PARTSTAT=ACCEPTED": "PARTSTAT=DECLINED", "DTSTAMP:20270201T100000Z": "DTSTAMP:20270201T090000Z",
        ])
        let summary = try #require(try harness.handle(older).summary)
        #expect(
            summary == "calendar reply from person ana for leaders 2027-02-09: apologies; older than the stored "
                + "answer; ignored")
        #expect(try harness.answers().map(\.response) == [.attending])
    }

    @Test("crossed replies end with the one written last, whatever order they arrive in", arguments: [false, true])
    func crossedReplies(newerFirst: Bool) throws {
        let accepted = try Fixture.plainReply.message()
        let declined = try Fixture.plainReply.message(replacing: [
            "PARTSTAT=ACCEPTED": "PARTSTAT=DECLINED", "DTSTAMP:20270201T100000Z": "DTSTAMP:20270201T100500Z",
        ])
        for message in newerFirst ? [declined, accepted] : [accepted, declined] {
            _ = try harness.handle(message)
        }
        #expect(try harness.answers().map(\.response) == [.apologies])
    }

    @Test("a reply to a SEQUENCE older than the one last sent to the person is ignored")
    func supersededSequence() throws {
        _ = try harness.store.enqueueInvitations(
            [],
            states: [
                InvitationState(
                    seriesID: "leaders", personID: "ana", title: "Leadership table", feedSequence: 2, generation: 1,
                    isInvited: true)
            ], now: InboundInitiative.now)
        let stale = try Fixture.plainReply.message(replacing: ["SEQUENCE:0": "SEQUENCE:2"])
        let summary = try #require(try harness.handle(stale).summary)
        #expect(
            summary == "calendar reply from person ana for leaders 2027-02-09: answers sequence 2, superseded by "
                + "sequence 3 sent since; ignored")
        #expect(try harness.answers().isEmpty)

        _ = try harness.handle(try Fixture.plainReply.message(replacing: ["SEQUENCE:0": "SEQUENCE:3"]))
        #expect(try harness.answers().map(\.response) == [.attending])
    }

    @Test("without an invitation sent to the person, the series' published SEQUENCE decides what is superseded")
    func supersededByPublication() throws {
        _ = try harness.store.recordPublications(["leaders": "first"], now: InboundInitiative.now)
        _ = try harness.store.recordPublications(["leaders": "second"], now: InboundInitiative.now)
        let fromDan = try Fixture.plainReply.message(replacing: ["ana.ortiz@rhythm.test": "dan.perez@rhythm.test"])
        #expect(try harness.handle(fromDan).summary?.contains("superseded by sequence 1") == true)
        #expect(try harness.answers().isEmpty)
    }

    @Test(
        "a RECURRENCE-ID names the meeting the rule put there, in any form and zone, also when it moved",
        arguments: [
            ("leaders@", "RECURRENCE-ID;TZID=Europe/London:20270309T100000", "2027-03-09"),
            ("leaders@", "RECURRENCE-ID;VALUE=DATE:20270216", "2027-02-16"),
            ("leaders@", "RECURRENCE-ID:20270216T100000Z", "2027-02-16"),
            ("leaders@", "RECURRENCE-ID:20270216T100000", "2027-02-16"),
            ("melbourne-forum@", "RECURRENCE-ID;TZID=Europe/London:20270407T230000", "2027-04-08"),
            ("melbourne-forum@", "RECURRENCE-ID:20270331T210000Z", "2027-04-01"),
        ])
    func recurrenceIDs(uid: String, recurrenceID: String, date: String) throws {
        let message = try Fixture.plainReply.message(replacing: [
            "leaders@": uid, "RECURRENCE-ID;TZID=Europe/London:20270209T100000": recurrenceID,
        ])
        _ = try harness.handle(message)
        #expect(try harness.answers().map(\.occurrenceDate.description) == [date])
    }

    @Test(
        "a RECURRENCE-ID that names no held meeting is ignored",
        arguments: ["20270223T100000", "20270210T100000", "20260105T100000"])
    func noSuchMeeting(clock: String) throws {
        let message = try Fixture.plainReply.message(replacing: ["20270209T100000": clock])
        let summary = try #require(try harness.handle(message).summary)
        #expect(summary.hasSuffix("RECURRENCE-ID names no meeting of the series that is held; ignored"))
        #expect(try harness.answers().isEmpty)
    }

    @Test("a reply that gives no answer (NEEDS-ACTION) or has no DTSTAMP is handled and changes nothing")
    func noAnswer() throws {
        let undecided = try Fixture.plainReply.message(replacing: ["PARTSTAT=ACCEPTED": "PARTSTAT=NEEDS-ACTION"])
        #expect(
            try harness.handle(undecided).summary
                == "calendar reply from person ana for leaders 2027-02-09: PARTSTAT NEEDS-ACTION is no answer; ignored")
        let unstamped = try Fixture.plainReply.message(replacing: ["DTSTAMP:20270201T100000Z\r\n": ""])
        #expect(
            try harness.handle(unstamped).summary?.hasSuffix("no DTSTAMP, so it cannot be ordered; ignored") == true)
        #expect(try harness.answers().isEmpty)
    }

    @Test("the part's method parameter stands in for a missing METHOD")
    func methodParameter() throws {
        let message = try Fixture.plainReply.message(replacing: ["METHOD:REPLY\r\n": ""])
        #expect(try harness.handle(message).summary?.hasSuffix("attending; applied") == true)
    }

    @Test("a series UID matches the id exactly and the domain in any case")
    func uidMatching() throws {
        let shouted = try Fixture.plainReply.message(replacing: ["UID:leaders@rhythm.test": "UID:leaders@RHYTHM.Test"])
        #expect(try harness.handle(shouted).summary != nil)
        let otherCase = try Fixture.plainReply.message(replacing: ["UID:leaders@rhythm.test": "UID:Leaders@rhythm.test"]
        )
        #expect(try harness.handle(otherCase) == .unrelated)
    }

    @Test(
        "other organisers' events, TNEF-only messages and other methods are unrelated and change nothing",
        arguments: [Fixture.foreignUID, .outlookTNEF])
    func unrelated(fixture: Fixture) throws {
        #expect(try harness.handle(try fixture.message()) == .unrelated)
        let request = try Fixture.plainReply.message(replacing: [
            "METHOD:REPLY": "METHOD:REQUEST", "method=REPLY": "method=REQUEST",
        ])
        #expect(try harness.handle(request) == .unrelated)
        #expect(try harness.answers().isEmpty)
    }

    @Test("a calendar part that cannot be read but names a Rhythm series is handled as unreadable")
    func unreadable() throws {
        let summary = try #require(try harness.handle(try Fixture.broken.message()).summary)
        #expect(summary == "calendar message for leaders: unreadable (unmatched-end); not applied")
        #expect(try harness.answers().isEmpty)
    }
}
