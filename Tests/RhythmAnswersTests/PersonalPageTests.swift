import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmCore
import RhythmStore
import Testing

@Suite("The personal page /me/<token>")
struct PersonalPageTests {
    @Test("Shows coming meetings with the answer, open actions, values owed, items submitted and reminders stopped")
    func shows() async throws {
        let harness = try AnswerHarness()
        _ = try harness.store.setAttendance(
            seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting, personID: "ana", response: .apologies,
            note: "Away", delegateID: nil, actor: "t", now: harness.clock.now)
        _ = try harness.store.createAction(
            NewAction(title: "Send the MOU", ownerID: "ana"), actor: "t", now: harness.clock.now)
        _ = try harness.store.createAction(
            NewAction(title: "Ben task", ownerID: "ben"), actor: "t", now: harness.clock.now)
        _ = try harness.store.addReminderOptOut(
            personID: "ana", ruleID: "day-before", actor: "t", now: harness.clock.now)
        let page = try harness.link(.page)
        let before = try harness.snapshot()
        try await harness.application().test(.live) { client in
            let response = try await client.execute(uri: page, method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("Leadership table, Tuesday 2 February 2027, 10:00–11:00 (Europe/London)"))
            #expect(html.contains("Town hall, room 2 — your answer: apologies"))
            #expect(html.contains(#"<select id="delegate-leaders-2027-02-02" name="delegate">"#))
            #expect(html.contains("Tuesday 9 February 2027"))
            // The next four meetings of the weekly series, not all eight of the eight weeks.
            #expect(html.contains("Leadership table, Tuesday 23 February 2027"))
            #expect(!html.contains("Leadership table, Tuesday 2 March 2027"))
            #expect(html.contains("Send the MOU"))
            #expect(!html.contains("Ben task"))
            #expect(html.contains("Enrolment, 2026-Q4"))
            #expect(html.contains("Resume"))
            #expect(html.contains("Show my calendar link"))
            #expect(!html.contains("webcal://"))
            let reloaded = try await client.execute(uri: page + "/attendance", method: .get)
            #expect(reloaded.status == .ok)
            #expect(reloaded.text.contains(#"action="../\#(page.dropFirst(4))/attendance""#))
        }
        #expect(try harness.snapshot() == before)
    }

    @Test("Answers for a meeting from the page, resumes a reminder, and undoes it")
    func answers() async throws {
        let harness = try AnswerHarness()
        _ = try harness.store.addReminderOptOut(
            personID: "ana", ruleID: "day-before", actor: "t", now: harness.clock.now)
        let page = try harness.link(.page)
        try await harness.application().test(.live) { client in
            let sent = try await client.answer(
                page, with: [("series", "leaders"), ("date", "2027-0209"), ("answer", "attending")],
                formAction: page + "/attendance")
            #expect(sent.status == .badRequest)
            let answered = try await client.answer(
                page, with: [("series", "leaders"), ("date", "2027-02-09"), ("answer", "attending")],
                formAction: page + "/attendance")
            #expect(answered.status == .ok, "\(answered.text)")
            #expect(answered.text.contains("you will be there"))
            #expect(answered.text.contains(#"<a href="../"#))
            let resumed = try await client.answer(page, with: [("rule", "day-before")], formAction: page + "/resume")
            #expect(resumed.status == .ok)
            #expect(try harness.store.reminderOptOuts(personID: "ana").isEmpty)
            let undone = try await client.post(
                page + "/undo", form: [("nonce", resumed.nonce), ("undo", resumed.hidden("undo"))])
            #expect(undone.status == .ok)
            #expect(try harness.store.reminderOptOuts(personID: "ana").map(\.ruleID) == ["day-before"])
        }
        let answers = try harness.store.attendance(personID: "ana", from: AnswerInitiative.nextMeeting)
        #expect(answers.map(\.occurrenceDate) == [LocalDate(year: 2027, month: 2, day: 9)!])
    }

    @Test("The calendar link is issued only on POST, and a new one replaces the one before")
    func calendar() async throws {
        let harness = try AnswerHarness()
        let page = try harness.link(.page)
        try await harness.application().test(.live) { client in
            _ = try await client.execute(uri: page, method: .get)
            #expect(try harness.store.feedTokens().isEmpty)
            let shown = try await client.answer(page, with: [], formAction: page + "/calendar")
            #expect(shown.status == .ok)
            #expect(shown.text.contains("webcal://rhythm.test/feeds/"))
            #expect(shown.text.contains("https://rhythm.test/feeds/"))
            _ = try await client.answer(page, with: [], formAction: page + "/calendar")
        }
        let tokens = try harness.store.feedTokens()
        #expect(tokens.count == 2)
        #expect(tokens.filter { $0.revokedAt == nil }.count == 1)
    }
}
