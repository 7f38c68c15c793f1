import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmCore
import RhythmStore
import Testing

@Suite struct ConsoleMeetingPagesTests {
    @Test("the meeting page shows the meeting in its zone, its standing items and a link to its minutes")
    func showsTheMeeting() async throws {
        let harness = try MeetingPagesHarness()
        try harness.submit("Placements plan", minutes: 30)
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness.console)
            let page = try await client.get(MeetingPagesHarness.page, cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Weekly &lt;backbone&gt; check-in on Tuesday 8 December 2026</h1>"))
            #expect(page.text.contains("10:00</time> to 11:30 (Australia/Melbourne time)"))
            #expect(page.text.contains("datetime=\"2026-12-08T10:00:00+11:00\""))
            #expect(page.text.contains("Room 4"))
            #expect(page.text.contains("<li>Welcome</li>") && page.text.contains("<li>Actions review</li>"))
            #expect(page.text.contains("30 of 90 minutes planned, 60 to spare."))
            #expect(page.text.contains("href=\"/console/meetings/weekly/2026-12-08/minutes\""))
            #expect(page.text.contains("<option value=\"tom\">Tom Reid</option>"))
        }
    }

    @Test("an unknown series, a day without a meeting or a bad date answer 404 with a page that says why")
    func unknownMeetings() async throws {
        let harness = try MeetingPagesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness.console)
            let series = try await client.get("/console/meetings/monthly/2026-12-08", cookie: cookie)
            #expect(series.status == .notFound)
            #expect(series.text.contains("There is no series &quot;monthly&quot;"))
            let wednesday = try await client.get("/console/meetings/weekly/2026-12-09", cookie: cookie)
            #expect(wednesday.status == .notFound)
            #expect(wednesday.text.contains("weekly has no meeting originally due on 2026-12-09"))
            let garbage = try await client.get("/console/meetings/weekly/next-week", cookie: cookie)
            #expect(garbage.status == .notFound)
        }
    }

    @Test("cancelling writes the live change as console:<id>, republishes and redirects with a status")
    func cancels() async throws {
        let harness = try MeetingPagesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let response = try await client.post(
                MeetingPagesHarness.page + "/cancel",
                form: form(csrf: csrf, [("reason", "Chair ill"), ("notify", "yes")]), cookie: cookie)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == MeetingPagesHarness.page + "?done=cancelled")
            let change = try #require(try harness.store.liveChanges(includingEnded: false).first)
            #expect(change.actor == "console:priya")
            #expect(change.notifiesAttendees)
            #expect(
                change.kind == .cancel(originalDate: LocalDate(year: 2026, month: 12, day: 8)!, reason: "Chair ill"))
            #expect(harness.republishCount == 1)
            let audit = try harness.store.auditEntries(entity: "occurrence-change", entityID: change.id, limit: 5)
            #expect(audit.map(\.actor) == ["console:priya"])

            let page = try await client.get(MeetingPagesHarness.page + "?done=cancelled", cookie: cookie)
            #expect(page.text.contains("The meeting is cancelled."))
            #expect(page.text.contains("<strong>Cancelled</strong>: Chair ill"))
            #expect(page.text.contains("Cancel by Priya Natarajan (console)"))
            #expect(page.text.contains("Restore this meeting"))
            #expect(!page.text.contains("Cancel this meeting"))
        }
    }

    @Test("a cancel without a reason comes back (422) with the problem next to the reason, and nothing changes")
    func cancelNeedsAReason() async throws {
        let harness = try MeetingPagesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let response = try await client.post(
                MeetingPagesHarness.page + "/cancel", form: form(csrf: csrf, [("reason", "  "), ("notify", "yes")]),
                cookie: cookie)
            #expect(response.status == .unprocessableContent)
            #expect(
                response.text.contains(
                    "<p class=\"problem\" id=\"cancel-reason-problem\">A cancellation needs a reason: the attendees will read it.</p>"
                ))
            #expect(response.text.contains("aria-describedby=\"cancel-reason-problem\""))
            #expect(response.text.contains("id=\"cancel-notify\" name=\"notify\" value=\"yes\" checked>"))
            #expect(try harness.store.liveChanges(includingEnded: true).isEmpty)
            #expect(harness.republishCount == 0)
        }
    }

    @Test("a form without the session's CSRF token is refused and changes nothing")
    func refusesWithoutCSRF() async throws {
        let harness = try MeetingPagesHarness()
        try harness.submit("Placements plan")
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness.console)
            let cancel = try await client.post(
                MeetingPagesHarness.page + "/cancel", form: "reason=Chair+ill", cookie: cookie)
            #expect(cancel.status == .forbidden)
            let withdraw = try await client.post(
                MeetingPagesHarness.page + "/agenda/1/withdraw", form: form(csrf: "forged"), cookie: cookie)
            #expect(withdraw.status == .forbidden)
            #expect(try harness.store.liveChanges(includingEnded: true).isEmpty)
            #expect(try harness.agendaTitles() == ["Placements plan"])
        }
    }

    @Test("moving writes the new start and place as console:<id>; restoring ends the change")
    func movesAndRestores() async throws {
        let harness = try MeetingPagesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let moved = try await client.post(
                MeetingPagesHarness.page + "/move",
                form: form(
                    csrf: csrf,
                    [("date", "2026-12-10"), ("time", "14:30"), ("location", "Library"), ("reason", "Room booked")]),
                cookie: cookie)
            #expect(moved.status == .seeOther)
            let change = try #require(try harness.store.liveChanges(includingEnded: false).first)
            #expect(change.actor == "console:priya")
            #expect(!change.notifiesAttendees)
            let expected = OccurrenceChange(
                start: LocalDateTime(year: 2026, month: 12, day: 10, hour: 14, minute: 30), location: "Library",
                reason: "Room booked")
            #expect(change.kind == .move(originalDate: LocalDate(year: 2026, month: 12, day: 8)!, expected))

            let page = try await client.get(MeetingPagesHarness.page, cookie: cookie)
            #expect(page.text.contains("Thursday 10 December 2026"))
            #expect(page.text.contains("14:30</time> to 16:00"))
            #expect(page.text.contains("Moved from Tuesday 8 December 10:00: Room booked"))

            let restored = try await client.post(
                MeetingPagesHarness.page + "/restore", form: form(csrf: csrf), cookie: cookie)
            #expect(restored.status == .seeOther)
            #expect(restored.headers[.location] == MeetingPagesHarness.page + "?done=restored")
            let ended = try #require(try harness.store.liveChange(id: change.id))
            #expect(ended.endedBy == "console:priya")
            #expect(harness.republishCount == 2)
        }
    }

    @Test("a move to a time the clocks skip (Melbourne, 3 October 2027) comes back with the problem at the time")
    func moveIntoTheSkippedHour() async throws {
        let harness = try MeetingPagesHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let response = try await client.post(
                MeetingPagesHarness.page + "/move",
                form: form(csrf: csrf, [("date", "2027-10-03"), ("time", "02:30"), ("reason", "")]), cookie: cookie)
            #expect(response.status == .unprocessableContent)
            #expect(
                response.text.contains(
                    "id=\"move-time-problem\">2027-10-03 02:30 does not exist in Australia/Melbourne"))
            #expect(response.text.contains("value=\"2027-10-03\""))
            let unreadable = try await client.post(
                MeetingPagesHarness.page + "/move", form: form(csrf: csrf, [("date", "8/12"), ("time", "10")]),
                cookie: cookie)
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.text.contains("id=\"move-date-problem\">Give the date as yyyy-mm-dd"))
            #expect(unreadable.text.contains("id=\"move-time-problem\">Give the time as hh:mm"))
            let unchanged = try await client.post(
                MeetingPagesHarness.page + "/move",
                form: form(csrf: csrf, [("date", "2026-12-08"), ("time", "10:00")]),
                cookie: cookie)
            #expect(unchanged.status == .unprocessableContent)
            #expect(unchanged.text.contains("A move needs a new start, a new location or a new online_url."))
            #expect(try harness.store.liveChanges(includingEnded: true).isEmpty)
        }
    }

    @Test("adding, editing, reordering and withdrawing agenda items write the store as console:<id>")
    func agendaWork() async throws {
        let harness = try MeetingPagesHarness()
        let first = try harness.submit("Placements plan", minutes: 30)
        let second = try harness.submit("Budget", minutes: 20)
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let added = try await client.post(
                MeetingPagesHarness.page + "/agenda",
                form: form(
                    csrf: csrf, [("title", "Data sharing"), ("minutes", "15"), ("presenter", "tom"), ("notes", "")]),
                cookie: cookie)
            #expect(added.status == .seeOther)
            #expect(try harness.agendaTitles() == ["Placements plan", "Budget", "Data sharing"])
            let third = try #require(
                try harness.store.agendaItems(
                    seriesID: "weekly", occurrenceDate: nil, limit: 10, offset: 0
                ).last)
            #expect(third.submittedBy == "console:priya" && third.presenterID == "tom" && third.minutes == 15)

            let up = try await client.post(
                MeetingPagesHarness.page + "/agenda/\(third.id)/up", form: form(csrf: csrf), cookie: cookie)
            #expect(up.status == .seeOther)
            #expect(try harness.agendaTitles() == ["Placements plan", "Data sharing", "Budget"])
            _ = try await client.post(
                MeetingPagesHarness.page + "/agenda/\(first.id)/down", form: form(csrf: csrf), cookie: cookie)
            #expect(try harness.agendaTitles() == ["Data sharing", "Placements plan", "Budget"])

            let edited = try await client.post(
                MeetingPagesHarness.page + "/agenda/\(second.id)/edit",
                form: form(
                    csrf: csrf, [("title", "Budget 2027"), ("minutes", ""), ("presenter", "priya"), ("notes", "Draft")]),
                cookie: cookie)
            #expect(edited.status == .seeOther)
            let budget = try #require(try harness.store.agendaItem(id: second.id))
            #expect(budget.title == "Budget 2027" && budget.minutes == nil && budget.presenterID == "priya")
            #expect(budget.notes == "Draft")

            let withdrawn = try await client.post(
                MeetingPagesHarness.page + "/agenda/\(first.id)/withdraw", form: form(csrf: csrf), cookie: cookie)
            #expect(withdrawn.status == .seeOther)
            #expect(try harness.agendaTitles() == ["Data sharing", "Budget 2027"])
            #expect(try harness.store.agendaItem(id: first.id)?.withdrawal?.by == "console:priya")
            let actors = try harness.store.auditEntries(entity: "agenda-item", entityID: nil, limit: 100)
                .filter { $0.change != "created" || $0.entityID == third.id }.map(\.actor)
            #expect(Set(actors) == ["console:priya"])
            #expect(harness.agendaChangeCount == 5)

            let page = try await client.get(MeetingPagesHarness.page, cookie: cookie)
            #expect(
                page.text.contains(
                    "15 of 90 minutes planned, 75 to spare. 1 item without minutes: &quot;Budget 2027&quot;."))
        }
    }

    @Test("an agenda form with problems comes back (422) with each problem next to its field")
    func agendaProblems() async throws {
        let harness = try MeetingPagesHarness()
        let item = try harness.submit("Placements plan", minutes: 30)
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness.console)
            let added = try await client.post(
                MeetingPagesHarness.page + "/agenda",
                form: form(csrf: csrf, [("title", ""), ("minutes", "ten"), ("presenter", "nobody")]), cookie: cookie)
            #expect(added.status == .unprocessableContent)
            #expect(added.text.contains("id=\"add-title-problem\">The title must not be empty."))
            #expect(added.text.contains("id=\"add-minutes-problem\">Give a whole number of minutes"))
            #expect(added.text.contains("id=\"add-presenter-problem\">No person has the id &quot;nobody&quot;."))
            #expect(added.text.contains("id=\"add-minutes\" name=\"minutes\" value=\"ten\""))

            let edited = try await client.post(
                MeetingPagesHarness.page + "/agenda/\(item.id)/edit",
                form: form(csrf: csrf, [("title", "Plan"), ("minutes", "900")]), cookie: cookie)
            #expect(edited.status == .unprocessableContent)
            #expect(edited.text.contains("<details open><summary>Edit"))
            #expect(edited.text.contains("id=\"edit-\(item.id)-minutes-problem\">Must be from 1 to 480 minutes"))
            #expect(try harness.agendaTitles() == ["Placements plan"])
            #expect(harness.agendaChangeCount == 0)

            let elsewhere = try await client.post(
                "/console/meetings/weekly/2026-12-15/agenda/\(item.id)/withdraw", form: form(csrf: csrf),
                cookie: cookie)
            #expect(elsewhere.status == .notFound)
            #expect(try harness.agendaTitles() == ["Placements plan"])
        }
    }
}
