import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmCore
import RhythmStore
import Testing

@Suite("Answering through a link, over a real socket")
struct LinkAnswerTests {
    static let meeting = AnswerLinkSubject.attendance(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)

    @Test("GET and HEAD of every kind of link show the question and write nothing")
    func scannersChangeNothing() async throws {
        let harness = try AnswerHarness()
        let action = try harness.store.createAction(
            NewAction(title: "Send the MOU", ownerID: "ana"), actor: "t", now: harness.clock.now)
        let paths = [
            try harness.link(Self.meeting) + "?answer=apologies",
            try harness.link(.agendaItem(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)),
            try harness.link(.action(action.id)) + "?status=done",
            try harness.link(.action(action.id)) + "?change=due",
            try harness.link(.indicator(indicatorID: "enrolment", period: ReportingPeriod(parsing: "2026-Q4")!)),
            try harness.link(.optOut(ruleID: "day-before")),
            try harness.link(.page),
        ]
        let before = try harness.snapshot()
        try await harness.application().test(.live) { client in
            for path in paths {
                let page = try await client.execute(uri: path, method: .get)
                #expect(page.status == .ok, "\(path): \(page.text)")
                #expect(page.text.contains("<h1>"))
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
            }
            let apologies = try await client.execute(uri: paths[0], method: .get)
            #expect(apologies.text.contains(#"value="apologies" checked"#))
            #expect(!apologies.text.contains(#"value="attending" checked"#))
            #expect(apologies.text.contains("Tuesday 2 February 2027, 10:00–11:00 (Europe/London)"))
            #expect(apologies.text.contains("Town hall, room 2"))
            let done = try await client.execute(uri: paths[2], method: .get)
            #expect(done.text.contains(#"value="done" checked"#))
            let due = try await client.execute(uri: paths[3], method: .get)
            #expect(due.text.contains(#"<input type="date" id="due""#))
            let indicator = try await client.execute(uri: paths[4], method: .get)
            #expect(indicator.text.contains("Unit: %; target 95"))
        }
        #expect(try harness.snapshot() == before)
        #expect(harness.changes.count == 0)
    }

    @Test("Apologies with a note and a colleague are recorded, audited as the person, and can be undone")
    func attendance() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(Self.meeting)
        try await harness.application().test(.live) { client in
            let sent = try await client.answer(
                path, with: [("answer", "apologies"), ("note", "In court until 11"), ("delegate", "dan")])
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(sent.text.contains("you sent apologies. Dan comes instead."))
            #expect(sent.text.contains(">Undo</button>"))
            let stored = try #require(
                try harness.store.attendance(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting).first)
            #expect(stored.response == .apologies)
            #expect(stored.note == "In court until 11")
            #expect(stored.delegateID == "dan")
            #expect(stored.answeredBy == "person:ana (link)")
            let audit = try harness.store.auditEntries(entity: "attendance", entityID: nil, limit: 10)
            #expect(audit.map(\.actor) == ["person:ana (link)"])
            #expect(try harness.store.answerLinks(personID: "ana").first?.lastUsedAt != nil)

            let undone = try await client.post(path, form: [("nonce", sent.nonce), ("undo", sent.hidden("undo"))])
            #expect(undone.status == .ok)
            #expect(undone.text.contains("Undone:"))
            #expect(
                try harness.store.attendance(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting).isEmpty)
            #expect(try harness.store.auditEntries(entity: "attendance", entityID: nil, limit: 10).count == 2)
        }
        #expect(harness.changes.count == 2)
    }

    @Test("A colleague from another partner, or none of the two answers, is refused with the reason")
    func attendanceRefused() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(Self.meeting)
        try await harness.application().test(.live) { client in
            let stranger = try await client.answer(path, with: [("answer", "apologies"), ("delegate", "ben")])
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.text.contains("must be from the same partner"))
            let nothing = try await client.answer(path, with: [])
            #expect(nothing.status == .unprocessableContent)
            #expect(nothing.text.contains("Choose"))
        }
        #expect(try harness.store.attendance(seriesID: nil, occurrenceDate: nil).isEmpty)
        #expect(harness.changes.count == 0)
    }

    @Test("A form sent twice changes things once")
    func replay() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(Self.meeting)
        try await harness.application().test(.live) { client in
            let page = try await client.execute(uri: path, method: .get)
            let first = try await client.post(path, form: [("nonce", page.nonce), ("answer", "attending")])
            #expect(first.status == .ok)
            let again = try await client.post(path, form: [("nonce", page.nonce), ("answer", "apologies")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("already sent"))
            let forged = try await client.post(path, form: [("nonce", "1.abc.def"), ("answer", "apologies")])
            #expect(forged.status == .badRequest)
            let none = try await client.post(path, form: [("answer", "apologies")])
            #expect(none.status == .badRequest)
        }
        let stored = try harness.store.attendance(seriesID: nil, occurrenceDate: nil)
        #expect(stored.map(\.response) == [.attending])
        #expect(try harness.store.auditEntries(entity: "attendance", entityID: nil, limit: 10).count == 1)
    }

    @Test("Undo works for 15 minutes, once; after that it is refused")
    func undoWindow() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(Self.meeting)
        try await harness.application().test(.live) { client in
            let first = try await client.answer(path, with: [("answer", "attending")])
            let second = try await client.answer(path, with: [("answer", "apologies"), ("note", "Ill")])
            harness.clock.advance(by: 14 * 60)
            let undone = try await client.post(path, form: [("nonce", second.nonce), ("undo", second.hidden("undo"))])
            #expect(undone.status == .ok)
            let restored = try harness.store.attendance(seriesID: nil, occurrenceDate: nil)
            #expect(restored.map(\.response) == [.attending])
            #expect(restored.first?.note == nil)
            let fresh = try await client.execute(uri: path, method: .get)
            let twice = try await client.post(path, form: [("nonce", fresh.nonce), ("undo", second.hidden("undo"))])
            #expect(twice.status == .gone)
            harness.clock.advance(by: 2 * 60)
            let late = try await client.post(path, form: [("nonce", first.nonce), ("undo", first.hidden("undo"))])
            #expect(late.status == .gone)
            #expect(late.text.contains("can no longer be undone"))
        }
        #expect(try harness.store.attendance(seriesID: nil, occurrenceDate: nil).map(\.response) == [.attending])
    }

    @Test("An action is marked done with a note in its details, and its due date changes")
    func action() async throws {
        let harness = try AnswerHarness()
        let action = try harness.store.createAction(
            NewAction(title: "Send the MOU", details: "Draft in the shared folder", ownerID: "ana"), actor: "t",
            now: harness.clock.now)
        let path = try harness.link(.action(action.id))
        try await harness.application().test(.live) { client in
            let done = try await client.answer(
                path + "?status=done", with: [("status", "done"), ("note", "Signed by both")], formAction: path)
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.text.contains("is now done"))
            let stored = try #require(try harness.store.action(id: action.id))
            #expect(stored.status == .done)
            #expect(stored.details == "Draft in the shared folder\n\n2027-02-01, Ana: Signed by both")
            let undone = try await client.post(path, form: [("nonce", done.nonce), ("undo", done.hidden("undo"))])
            #expect(undone.status == .ok)
            let restored = try #require(try harness.store.action(id: action.id))
            #expect(restored.status == .open)
            #expect(restored.details == "Draft in the shared folder")
            let due = try await client.answer(
                path + "?change=due", with: [("change", "due"), ("due", "2027-03-01")], formAction: path)
            #expect(due.status == .ok)
            #expect(try harness.store.action(id: action.id)?.due == LocalDate(year: 2027, month: 3, day: 1))
            let audit = try harness.store.auditEntries(entity: "action", entityID: action.id, limit: 10)
            #expect(audit.filter { $0.actor == "person:ana (link)" }.count == 3)
        }
    }

    @Test("Someone else's action, or one closed more than 30 days ago, gets the page of a link that does not work")
    func actionNotYours() async throws {
        let harness = try AnswerHarness()
        let bens = try harness.store.createAction(
            NewAction(title: "Ben's", ownerID: "ben"), actor: "t", now: harness.clock.now)
        let closed = try harness.store.createAction(
            NewAction(title: "Old", ownerID: "ana"), actor: "t", now: harness.clock.now)
        _ = try harness.store.updateAction(
            id: closed.id, ActionChanges(status: .done), actor: "t", now: harness.clock.now)
        let notYours = try harness.link(.action(bens.id))
        let old = try harness.link(.action(closed.id))
        try await harness.application().test(.live) { client in
            let others = try await client.execute(uri: notYours, method: .get)
            #expect(others.status == .notFound)
            let recent = try await client.execute(uri: old, method: .get)
            #expect(recent.status == .ok)
            harness.clock.advance(by: 31 * 86_400)
            let expired = try await client.execute(uri: old, method: .get)
            #expect(expired.status == .notFound)
        }
    }

    @Test("An indicator value is recorded as rhythm indicator record would, replacing and auditing")
    func indicator() async throws {
        let harness = try AnswerHarness()
        let period = ReportingPeriod(parsing: "2026-Q4")!
        _ = try harness.store.recordIndicatorResult(
            indicatorID: "enrolment", period: period, value: 90, note: nil, actor: "cli:t", now: harness.clock.now)
        let path = try harness.link(.indicator(indicatorID: "enrolment", period: period))
        try await harness.application().test(.live) { client in
            let bad = try await client.answer(path, with: [("value", "ninety")])
            #expect(bad.status == .unprocessableContent)
            let sent = try await client.answer(path, with: [("value", "91,4"), ("note", "Two schools late")])
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(sent.text.contains("Recorded Enrolment for 2026-Q4: 91.4 % (replaces 90)."))
            let result = try #require(
                try harness.store.indicatorResults(indicatorID: "enrolment", limit: 5, offset: 0).first)
            #expect(result.value == 91.4)
            #expect(result.recordedBy == "person:ana (link)")
            let undone = try await client.post(path, form: [("nonce", sent.nonce), ("undo", sent.hidden("undo"))])
            #expect(undone.status == .ok)
            #expect(
                try harness.store.indicatorResults(indicatorID: "enrolment", limit: 5, offset: 0).map(\.value) == [90])
        }
    }

    @Test("A value for a period that has not begun is refused as the CLI refuses it")
    func indicatorFuturePeriod() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(.indicator(indicatorID: "enrolment", period: ReportingPeriod(parsing: "2027-Q2")!))
        try await harness.application().test(.live) { client in
            let sent = try await client.answer(path, with: [("value", "91")])
            #expect(sent.status == .unprocessableContent)
            #expect(sent.text.contains("has not started"))
        }
        #expect(try harness.store.allIndicatorResults().isEmpty)
    }

    @Test("An agenda item gets the checks of rhythm agenda add, then lands on the meeting's agenda")
    func agendaItem() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(.agendaItem(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting))
        try await harness.application().test(.live) { client in
            let empty = try await client.answer(path, with: [("title", "  "), ("minutes", "0")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("The title must not be empty."))
            #expect(empty.text.contains("Must be from 1 to 480 minutes; it is 0."))
            let sent = try await client.answer(
                path, with: [("title", "Data-sharing"), ("minutes", "15"), ("notes", "Draft")])
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(sent.text.contains("“Data-sharing” is on the agenda of Leadership table"))
        }
        let item = try #require(
            try harness.store.agendaItems(
                seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting, limit: 5, offset: 0
            ).first)
        #expect(item.title == "Data-sharing")
        #expect(item.minutes == 15)
        #expect(item.presenterID == "ana")
        #expect(item.submittedBy == "person:ana (link)")
    }

    @Test("Opt-out: the confirm button, and a bare one-click POST as mailbox providers send it")
    func optOut() async throws {
        let harness = try AnswerHarness()
        let path = try harness.link(.optOut(ruleID: "day-before"))
        let bens = try harness.link(.optOut(ruleID: "day-before"), person: "ben")
        try await harness.application().test(.live) { client in
            let confirmed = try await client.answer(path, with: [])
            #expect(confirmed.status == .ok)
            #expect(confirmed.text.contains("You will no longer get reminders about Leadership table meetings"))
            let oneClick = try await client.post(bens, form: [("List-Unsubscribe", "One-Click")])
            #expect(oneClick.status == .ok)
        }
        #expect(try harness.store.reminderOptOuts(personID: nil).map(\.personID) == ["ana", "ben"])
        let audit = try harness.store.auditEntries(entity: "reminder-opt-out", entityID: nil, limit: 10)
        #expect(Set(audit.map(\.actor)) == ["person:ana (link)", "person:ben (link)"])
    }
}
