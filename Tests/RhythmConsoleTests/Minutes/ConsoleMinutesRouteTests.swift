import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Testing

@testable import RhythmConsole

/// The minutes page of the console: the form filled from the answers, saving a draft,
/// problems next to their fields, publishing, and the CSRF check in front of it all.
@Suite struct ConsoleMinutesRouteTests {
    @Test("the form is filled from the answers and the agenda when nothing was saved")
    func prefilledForm() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await harness.signIn(client)
            let page = try await client.get(MinutesHarness.path, cookie: cookie)
            #expect(page.status == .ok)
            let html = page.text
            #expect(
                html.contains(
                    "<form method=\"post\" action=\"\(MinutesHarness.path)\">\n"
                        + "<input type=\"hidden\" name=\"csrf_token\" value=\"\(csrf)\">"))
            #expect(html.contains("<h1>Minutes: Steering &lt;group&gt;</h1>"))
            #expect(html.contains("Nothing saved yet"))
            #expect(html.contains(#"<legend>Ana Lima</legend>"#))
            #expect(html.contains(#"name="attendance-0-mark" value="present" checked> Present"#))
            #expect(html.contains(#"name="attendance-1-mark" value="apologies" checked> Apologies"#))
            #expect(html.contains(#"value="At the regional forum""#))
            #expect(html.contains(#"name="attendance-2-mark" value="" checked> Not recorded"#))
            #expect(html.contains(#"<label for="item-1-notes">2. Youth hub</label>"#))
            #expect(html.contains(#"<label for="decision-2-text">"#))
            #expect(!html.contains(#"<label for="decision-3-text">"#))
            #expect(html.contains(#"<option value="ben">Ben Okafor</option>"#))
            #expect(html.contains(#"formaction="/console/meetings/steering/2027-03-30/minutes/publish""#))
            #expect(html.contains(#"<a href="/console/meetings/steering/2027-03-30">Back to the meeting</a>"#))
            #expect(html.contains("Not published yet."))
            #expect(html.components(separatedBy: "<h1").count == 2)
        }
    }

    @Test("saving stores the draft as console:<person>, creates the raised action and redirects with a message")
    func save() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await harness.signIn(client)
            var post = MinutesPost(csrf: csrf)
            post.addMeeting(items: harness.items, marks: ["present", "apologies", "absent"])
            post.add("general-notes", "Short meeting.\r\nGood news.")
            post.add("decision-0-text", "")
            post.add("decision-0-item", "")
            post.add("decision-1-text", "Fund the youth hub for 2027")
            post.add("decision-1-item", String(harness.items[1].id))
            post.add("action-0-title", "Send the budget to the council")
            post.add("action-0-owner", "ben")
            post.add("action-0-due", "2027-04-20")
            post.add("action-1-title", "")
            post.add("action-1-owner", "")
            post.add("action-1-due", "")
            let response = try await client.post(MinutesHarness.path, form: post.body, cookie: cookie)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == MinutesHarness.path + "?done=saved")

            let record = try #require(
                try harness.store.minutes(seriesID: "steering", occurrenceDate: MinutesHarness.meeting))
            #expect(record.updatedBy == "console:ana")
            #expect(record.draft.attendance.map(\.mark) == [.present, .apologies, .absent])
            #expect(record.draft.generalNotes == "Short meeting.\nGood news.")
            #expect(
                record.draft.decisions == [
                    Minutes.Decision(text: "Fund the youth hub for 2027", agendaItemID: harness.items[1].id)
                ])
            let action = try #require(record.draft.actions.first)
            #expect(record.draft.actions.count == 1)
            #expect(action.ownerID == "ben")
            #expect(action.due == LocalDate(iso: "2027-04-20"))
            #expect(
                try harness.store.action(id: try #require(action.actionID))?.title == "Send the budget to the council")

            let page = try await client.get(MinutesHarness.path + "?done=saved", cookie: cookie)
            #expect(page.text.contains(#"<p class="notice" role="status">Draft saved.</p>"#))
            #expect(page.text.contains("Draft saved 6 Apr 2027 09:00 by console:ana. Not published yet."))
            #expect(page.text.contains("<legend>Action #\(try #require(action.actionID))</legend>"))
        }
    }

    @Test("problems are shown next to their fields with 422, and nothing is saved")
    func problemsAtFields() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await harness.signIn(client)
            var post = MinutesPost(csrf: csrf)
            post.addMeeting(items: harness.items)
            post.add("decision-0-text", "")
            post.add("decision-0-item", "")
            post.add("decision-1-text", "Adopt the plan")
            post.add("decision-1-item", "9999")
            post.add("action-0-title", "")
            post.add("action-0-owner", "")
            post.add("action-0-due", "")
            post.add("action-1-title", "Book the <hall>")
            post.add("action-1-owner", "")
            post.add("action-1-due", "")
            let response = try await client.post(MinutesHarness.path, form: post.body, cookie: cookie)
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains(#"role="alert""#))
            #expect(html.contains(#"<p class="problem" id="decision-1-item-problem">"#))
            #expect(
                html.contains(
                    #"<select id="decision-1-item" name="decision-1-item" aria-describedby="decision-1-item-problem" aria-invalid="true">"#
                ))
            #expect(html.contains(#"<p class="problem" id="action-1-owner-problem">"#))
            #expect(html.contains(#"value="Book the &lt;hall&gt;""#))
            #expect(try harness.store.minutes(seriesID: "steering", occurrenceDate: MinutesHarness.meeting) == nil)

            var badDate = MinutesPost(csrf: csrf)
            badDate.addMeeting(items: harness.items)
            badDate.add("action-0-title", "Call the school")
            badDate.add("action-0-owner", "cy")
            badDate.add("action-0-due", "next week")
            let refused = try await client.post(MinutesHarness.path, form: badDate.body, cookie: cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p class="problem" id="action-0-due-problem">next week is not a date"#))
            #expect(try harness.store.minutes(seriesID: "steering", occurrenceDate: MinutesHarness.meeting) == nil)
        }
    }

    @Test("a form altered to claim an action raised elsewhere is refused with 422 and changes nothing")
    func foreignAction() async throws {
        let harness = try MinutesHarness()
        let other = try harness.store.createAction(
            NewAction(title: "Elsewhere", ownerID: "cy"), actor: "cli:test", now: MinutesHarness.start)
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await harness.signIn(client)
            var post = MinutesPost(csrf: csrf)
            post.addMeeting(items: harness.items)
            post.add("action-0-id", String(other.id))
            post.add("action-0-title", "Hijacked")
            post.add("action-0-owner", "ben")
            post.add("action-0-due", "")
            let response = try await client.post(MinutesHarness.path, form: post.body, cookie: cookie)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("The minutes cannot be saved"))
            #expect(try harness.store.minutes(seriesID: "steering", occurrenceDate: MinutesHarness.meeting) == nil)
            #expect(try harness.store.action(id: other.id)?.title == "Elsewhere")
        }
    }

    @Test("publishing saves, publishes, wakes the dispatcher and says how many e-mails are on their way")
    func publish() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await harness.signIn(client)
            var post = MinutesPost(csrf: csrf)
            post.addMeeting(items: harness.items)
            post.add("decision-0-text", "Fund the youth hub")
            post.add("decision-0-item", "")
            let response = try await client.post(MinutesHarness.path + "/publish", form: post.body, cookie: cookie)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == MinutesHarness.path + "?done=published&mails=3")
            #expect(harness.wakeupCount == 1)
            #expect(try harness.store.outboxEntries(channelID: "mail").count == 3)
            let logged = try harness.store.decisions(seriesID: "steering", since: nil)
            #expect(logged.map(\.text) == ["Fund the youth hub"])

            let page = try await client.get(response.headers[.location] ?? "", cookie: cookie)
            let html = page.text
            #expect(html.contains("Published: 3 e-mails on their way."))
            #expect(html.contains("Published 6 Apr 2027 09:00 by console:ana. No changes since publication."))
            #expect(html.contains("<legend>Decision D1</legend>"))
            let published = try #require(html.components(separatedBy: #"<h2 id="published-minutes">"#).last)
            #expect(published.contains("<strong>D1.</strong> Fund the youth hub"))
            #expect(published.contains("<h3>Minutes: Steering &lt;group&gt;</h3>"))
            #expect(!published.contains("style="))
            #expect(html.components(separatedBy: "<h1").count == 2)

            var again = MinutesPost(csrf: csrf)
            again.addMeeting(items: harness.items)
            again.add("decision-0-number", "1")
            again.add("decision-0-text", "Fund the youth hub")
            again.add("decision-0-item", "")
            let unchanged = try await client.post(MinutesHarness.path + "/publish", form: again.body, cookie: cookie)
            #expect(unchanged.status == .unprocessableContent)
            #expect(unchanged.text.contains("published and unchanged since"))
            #expect(harness.wakeupCount == 1)
        }
    }

    @Test("a post without the session's CSRF token is refused and saves nothing")
    func csrf() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await harness.signIn(client)
            var post = MinutesPost(csrf: "forged")
            post.addMeeting(items: harness.items)
            let saving = try await client.post(MinutesHarness.path, form: post.body, cookie: cookie)
            #expect(saving.status == .forbidden)
            let publishing = try await client.post(MinutesHarness.path + "/publish", form: post.body, cookie: cookie)
            #expect(publishing.status == .forbidden)
            #expect(try harness.store.minutes(seriesID: "steering", occurrenceDate: MinutesHarness.meeting) == nil)
            #expect(harness.wakeupCount == 0)
        }
    }

    @Test("a path that names no meeting answers 404 with the reason")
    func noMeeting() async throws {
        let harness = try MinutesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await harness.signIn(client)
            let series = try await client.get("/console/meetings/nope/2027-03-30/minutes", cookie: cookie)
            #expect(series.status == .notFound)
            #expect(series.text.contains("nope is not a series of the initiative"))
            let day = try await client.get("/console/meetings/steering/2027-03-31/minutes", cookie: cookie)
            #expect(day.status == .notFound)
            #expect(day.text.contains("steering has no meeting on 2027-03-31"))
            let garbage = try await client.get("/console/meetings/steering/31-03-2027/minutes", cookie: cookie)
            #expect(garbage.status == .notFound)
        }
    }
}

/// Problems of the minutes, by JSON pointer, land at the form row they came from.
@Suite struct MinutesFormStateTests {
    @Test("pointers into kept decisions and actions name the form rows they came from")
    func pointerToField() {
        let field = { (pointer: String) in
            MinutesFormState.field(for: pointer, decisionRows: [1, 3], actionRows: [2])
        }
        #expect(field("/decisions/1/text") == "decision-3-text")
        #expect(field("/decisions/0/agenda_item_id") == "decision-1-item")
        #expect(field("/actions/0/owner_id") == "action-2-owner")
        #expect(field("/actions/0/title") == "action-2-title")
        #expect(field("/attendance/2/person_id") == "attendance-2-mark")
        #expect(field("/item_notes/0/agenda_item_id") == "item-0-notes")
        #expect(field("/general_notes") == "general-notes")
        #expect(field("/actions/5/title") == "")
        #expect(field("") == "")
    }
}
