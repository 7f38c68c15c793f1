import Foundation
import Testing

@testable import RhythmCore

/// The checks every way of answering for a meeting shares: the command line, the API and
/// the answer pages.
@Suite struct AttendanceRequestTests {
    /// Weekly on Tuesdays from 5 January 2027 in Melbourne, for the council, with Cat
    /// organising: the 19th is cancelled, the 26th moved to Thursday the 28th.
    static let schedule: Schedule = {
        var series = ScheduleFixtures.series(
            id: "leaders", start: "2027-01-05T10:00", rule: "FREQ=WEEKLY;BYDAY=TU",
            exceptions: [
                .cancel(ScheduleFixtures.date("2027-01-19"), reason: "No quorum."),
                .move(
                    ScheduleFixtures.date("2027-01-26"),
                    OccurrenceChange(start: ScheduleFixtures.local("2027-01-28T10:00"))),
            ])
        series.organizerID = "cat"
        series.attendees = Attendees(partnerIDs: ["council"])
        var initiative = AttendanceTests.initiative
        initiative.people.append(
            Person(id: "dan", name: "Dan", email: "dan@example.org", partnerID: "council", timeZone: .gmt))
        initiative.series = [series]
        return Schedule(initiative: initiative)
    }()

    static func request(
        series: String = "leaders", date: String = "2027-01-12", person: String = "ann",
        response: Attendance.Response = .apologies, note: String? = nil, delegate: String? = nil
    ) -> AttendanceRequest {
        AttendanceRequest(
            seriesID: series, date: ScheduleFixtures.date(date), personID: person, response: response, note: note,
            delegateID: delegate)
    }

    /// The problems a request is refused with; empty when it is accepted.
    static func problems(_ request: AttendanceRequest) -> [AttendanceRequestError.Problem] {
        do {
            _ = try request.checked(in: schedule)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("an attendee's apologies with a colleague of the same partner are accepted, the note trimmed")
    func accepted() throws {
        let checked = try Self.request(note: "  At court  ", delegate: "dan").checked(in: Self.schedule)
        #expect(checked.person.id == "ann")
        #expect(checked.delegate?.id == "dan")
        #expect(checked.note == "At court")
        #expect(checked.occurrenceDate == ScheduleFixtures.date("2027-01-12"))
    }

    @Test("a note of white space only is no note")
    func blankNote() throws {
        #expect(try Self.request(response: .attending, note: " \n ").checked(in: Self.schedule).note == nil)
    }

    @Test("a moved meeting answers to its new date and is stored under its original one")
    func movedMeeting() throws {
        for date in ["2027-01-26", "2027-01-28"] {
            let checked = try Self.request(date: date, response: .attending).checked(in: Self.schedule)
            #expect(checked.occurrenceDate == ScheduleFixtures.date("2027-01-26"))
            #expect(checked.occurrence.localStart.date == ScheduleFixtures.date("2027-01-28"))
        }
    }

    @Test("the organiser may answer, though not an attendee")
    func organiser() throws {
        #expect(Self.problems(Self.request(person: "cat", response: .attending)).isEmpty)
    }

    @Test("a cancelled meeting is refused with its reason and the nearest held meetings")
    func cancelled() {
        let problems = Self.problems(Self.request(date: "2027-01-19"))
        #expect(problems.map(\.field) == [.date])
        #expect(problems.first?.message.contains("is cancelled (No quorum)") == true)
        #expect(problems.first?.message.contains("The nearest meetings are 2027-01-12 and 2027-01-26.") == true)
    }

    @Test("a date without a meeting is refused, naming the nearest meetings by the dates that name them")
    func noMeeting() {
        let problems = Self.problems(Self.request(date: "2027-01-13"))
        #expect(problems.map(\.field) == [.date])
        #expect(problems.first?.message.hasPrefix("Series leaders (leaders) has no meeting on 2027-01-13.") == true)
        #expect(problems.first?.message.contains("2027-01-12 and 2027-01-26") == true)
    }

    @Test("unknown series and people are refused with a suggestion, all in one answer")
    func unknownReferences() {
        let problems = Self.problems(Self.request(series: "leader", person: "anne", delegate: "dani"))
        #expect(problems.map(\.field) == [.series, .person, .delegate])
        #expect(
            problems.map(\.message) == [
                #"There is no series "leader"; did you mean "leaders"?"#,
                #"There is no person "anne"; did you mean "ann"?"#,
                #"There is no person "dani"; did you mean "dan"?"#,
            ])
    }

    @Test("a person the series does not invite is refused")
    func notInvited() {
        let problems = Self.problems(Self.request(person: "bob", response: .attending))
        #expect(problems.map(\.field) == [.person])
        #expect(problems.first?.message.contains("Bob (bob) is not invited to Series leaders (leaders)") == true)
    }

    @Test(
        "a colleague who comes instead goes only with apologies, is someone else, and is from the same partner",
        arguments: [
            (Attendance.Response.attending, "ann", "dan", "Only apologies can name a colleague"),
            (.apologies, "ann", "ann", "someone other than ann"),
            (.apologies, "ann", "bob", "Bob (bob) is not from Ann's partner, Council (council)"),
            (.apologies, "cat", "dan", "Cat (cat) belongs to no partner"),
        ])
    func delegate(response: Attendance.Response, person: String, delegate: String, message: String) {
        let problems = Self.problems(Self.request(person: person, response: response, delegate: delegate))
        #expect(problems.map(\.field) == [.delegate])
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
    }

    @Test("a note longer than the limit is refused")
    func longNote() {
        let note = String(repeating: "x", count: AttendanceRequest.noteLimit + 1)
        #expect(Self.problems(Self.request(note: note)).map(\.field) == [.note])
    }
}
