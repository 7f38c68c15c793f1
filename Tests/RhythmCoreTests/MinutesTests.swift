import Foundation
import Testing

@testable import RhythmCore

/// Prefilling minutes from the answers, checking them, and what their actions do next.
@Suite struct MinutesTests {
    typealias F = AgendaFixtures
    let initiative = F.initiative()

    func answer(_ person: String, _ response: Attendance.Response, note: String? = nil, delegate: String? = nil)
        -> Attendance
    {
        Attendance(
            id: 1, seriesID: "leadership", occurrenceDate: F.date("2027-04-13"), personID: person, response: response,
            note: note, delegateID: delegate, answeredBy: "test", answeredAt: F.created)
    }

    @Test("the prefilled draft lists the organiser then the attendees, marked from their answers")
    func prefill() {
        let occurrence = F.occurrence(F.leadership(), on: "2027-04-13", in: initiative)
        let minutes = Minutes.prefilled(
            for: occurrence, initiative: initiative,
            answers: [
                answer("amara", .attending), answer("sam", .apologies, note: "At a hearing", delegate: "fiona"),
                answer("fiona", .tentative),
            ],
            items: [
                F.item(7, on: "2027-04-13", minutes: 10, position: 1),
                F.item(8, on: "2027-05-11", minutes: 10, position: 1),
            ])
        #expect(minutes.seriesID == "leadership")
        #expect(minutes.occurrenceDate == F.date("2027-04-13"))
        #expect(minutes.attendance.map(\.personID) == ["priya", "sam", "amara", "fiona", "kai"])
        #expect(minutes.attendance.map(\.mark) == [nil, .apologies, .present, nil, nil])
        #expect(minutes.attendance[1].note == "At a hearing; Fiona McAllister comes instead")
        #expect(minutes.itemNotes == [Minutes.ItemNote(agendaItemID: 7, title: "Item 7", notes: "")])
        #expect(minutes.decisions.isEmpty && minutes.actions.isEmpty && minutes.generalNotes == nil)
    }

    @Test("checking trims the text, drops empty notes and takes the item's current title")
    func checkingCleansUp() throws {
        var minutes = Minutes(seriesID: "leadership", occurrenceDate: F.date("2027-04-13"))
        minutes.attendance = [.init(personID: "amara", mark: .present, note: "  ")]
        minutes.itemNotes = [
            .init(agendaItemID: 7, title: "Old title", notes: " Agreed. "),
            .init(agendaItemID: 7, title: "", notes: ""),
        ]
        minutes.generalNotes = "\n"
        minutes.decisions = [.init(text: " Adopt the form ", agendaItemID: 7)]
        minutes.actions = [.init(title: " Draft it ", ownerID: "sam")]
        let checked = try minutes.checked(
            in: initiative, items: [F.item(7, on: "2027-04-13", minutes: 10, position: 1)])
        #expect(checked.attendance[0].note == nil)
        #expect(checked.itemNotes == [.init(agendaItemID: 7, title: "Item 7", notes: "Agreed.")])
        #expect(checked.generalNotes == nil)
        #expect(checked.decisions[0].text == "Adopt the form")
        #expect(checked.actions[0].title == "Draft it")
    }

    @Test("every problem is reported at once, each with its JSON pointer")
    func problems() {
        var minutes = Minutes(seriesID: "leadership", occurrenceDate: F.date("2027-04-13"))
        minutes.attendance = [
            .init(personID: "nobody", mark: .present), .init(personID: "amara", mark: nil),
            .init(personID: "amara", mark: .absent),
        ]
        minutes.itemNotes = [.init(agendaItemID: 99, title: "", notes: "x")]
        minutes.decisions = [.init(text: " "), .init(text: "Fine", agendaItemID: 98)]
        minutes.actions = [.init(title: "", ownerID: "ghost")]
        #expect {
            try minutes.checked(in: initiative, items: [])
        } throws: { error in
            (error as? MinutesError)?.problems.map(\.pointer) == [
                "/attendance/0/person_id", "/attendance/2/person_id", "/item_notes/0/agenda_item_id",
                "/decisions/0/text", "/decisions/1/agenda_item_id", "/actions/0/title", "/actions/0/owner_id",
            ]
        }
    }

    @Test("an action raised in the minutes is on the next meeting's agenda, even for a non-attendee with no due date")
    func raisedActionOnNextAgenda() {
        let raised = Action(
            id: 42, title: "Draft the intake form", ownerID: "olive", seriesID: "leadership",
            raisedOn: F.date("2027-04-13"), status: .open, createdAt: F.created, updatedAt: F.created)
        let next = AgendaBuilder().agenda(
            for: F.occurrence(F.leadership(), on: "2027-05-11", in: initiative), initiative: initiative,
            actions: [raised], items: [], results: [], today: F.date("2027-04-14"))
        #expect(next.actions.byOwner.flatMap(\.actions).map(\.id) == [42])
    }

    @Test("minutes e-mails have one key per revision and person, and a correction says so")
    func mailNaming() {
        #expect(
            MinutesMail.key(seriesID: "leadership", occurrenceDate: F.date("2027-04-13"), revision: 2, personID: "sam")
                == "minutes:leadership:2027-04-13:2:sam")
        #expect(
            MinutesMail.subject(seriesTitle: "Leadership Table", occurrenceDate: F.date("2027-04-13"), revision: 1)
                == "Minutes: Leadership Table on 2027-04-13")
        #expect(
            MinutesMail.subject(seriesTitle: "Leadership Table", occurrenceDate: F.date("2027-04-13"), revision: 2)
                == "Corrected minutes: Leadership Table on 2027-04-13")
    }
}
