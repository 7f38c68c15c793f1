import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Synchronization
import Testing

@testable import RhythmConsole

/// The harness's initiative with one series, and an application with the console's overview
/// pages registered as `rhythm serve` registers them.
extension ConsoleHarness {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!

    /// Tuesdays 10:00 in Melbourne from 1 September 2026; the file cancels 15 December.
    var pagesInitiative: Initiative {
        var initiative = self.initiative
        initiative.series = [
            MeetingSeries(
                id: "steering", title: "Steering <committee>", kind: .leadership,
                start: LocalDateTime(year: 2026, month: 9, day: 1, hour: 10)!, duration: .seconds(5400),
                timeZone: Self.melbourne, location: "Town Hall", organizerID: "priya",
                attendees: Attendees(personIDs: ["priya", "tom"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"),
                exceptions: [.cancel(LocalDate(year: 2026, month: 12, day: 15)!, reason: "End of year party")])
        ]
        return initiative
    }

    func pagesApplication(republishes: Counter = Counter()) -> some ApplicationProtocol {
        let router = Router()
        let initiative = pagesInitiative
        let store = self.store
        let routes = ConsoleRoutes(
            store: store, initiative: { initiative }, settings: ServiceSettings(publicURL: URL(string: baseURL)),
            limiter: RateLimiter(limit: 100, window: 600), now: { [self] in now })
        let pages = ConsoleOverviewRoutes(
            store: store,
            initiative: {
                LiveLayering(file: initiative, changes: (try? store.liveChanges(includingEnded: false)) ?? [])
                    .initiative
            },
            fileInitiative: { initiative }, onLiveChange: { republishes.value.withLock { $0 += 1 } },
            now: { [self] in now })
        routes.register(on: router) { signedIn in pages.register(on: signedIn) }
        return Application(router: router)
    }
}

/// How many times the pages asked for the live changes to be published.
final class Counter: Sendable {
    let value = Mutex(0)
    var count: Int { value.withLock { $0 } }
}

@Suite struct ConsoleOverviewPagesTests {
    @Test("the home page shows the rhythm at a glance in the layout, each meeting linking to its page")
    func home() async throws {
        let harness = try ConsoleHarness()
        try await harness.pagesApplication().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness)
            let page = try await client.get("/console", cookie: cookie)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.components(separatedBy: "<h1").count == 2)
            #expect(html.contains("Series health"))
            #expect(html.contains("href=\"/console/meetings/steering/2026-12-01\""))
            #expect(html.contains("Steering &lt;committee&gt;"))
            for path in ["/console", "/console/meetings", "/console/decisions"] {
                #expect(html.contains("<a href=\"\(path)\""))
            }
            #expect(html.contains("<a href=\"/console\" aria-current=\"page\">Home</a>"))
            // The served style sheet is the one the policy's hash allows, and holds the home page's rules.
            #expect(html.contains("<style>\(ConsoleLayout.stylesheet)</style>"))
            #expect(ConsoleLayout.stylesheet.contains(ConsoleHomePage.stylesheet))
            #expect(page.headers[.contentSecurityPolicy] == ConsoleLayout().contentSecurityPolicy)
        }
    }

    @Test("the meetings list shows two weeks back and eight ahead in time order, with where each status comes from")
    func meetingsList() async throws {
        let harness = try ConsoleHarness()
        let initiative = harness.pagesInitiative
        _ = try harness.store.makeLiveChange(
            LiveChangeRequest(
                seriesID: "steering",
                kind: .move(
                    originalDate: LocalDate(year: 2026, month: 12, day: 8)!,
                    OccurrenceChange(start: LocalDateTime(year: 2026, month: 12, day: 9, hour: 14), reason: "Room"))),
            over: initiative, actor: "console:priya", now: harness.now)
        try await harness.pagesApplication().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness)
            let page = try await client.get("/console/meetings", cookie: cookie)
            #expect(page.status == .ok)
            let html = page.text
            // Now is Monday 30 November 2026, 11:53 in Melbourne: back to 17 November, ahead to 25 January.
            let dates = ["2026-11-17", "2026-11-24", "2026-12-01", "2026-12-08", "2027-01-26"]
            let positions = dates.map { html.range(of: "/console/meetings/steering/\($0)\"")?.lowerBound }
            #expect(positions[4] == nil)
            let shown = positions.prefix(4).compactMap { $0 }
            #expect(shown.count == 4)
            #expect(
                html.range(of: "/steering/2026-12-01\"")!.lowerBound
                    < html.range(of: "/steering/2026-12-08\"")!.lowerBound)
            #expect(
                html.range(of: "/steering/2026-12-08\"")!.lowerBound < html.range(of: "The last two weeks")!.lowerBound)
            #expect(html.contains("<strong>Moved</strong> from Tuesday 8 December 10:00: Room"))
            #expect(html.contains("Live: Priya Natarajan, 30 Nov 2026 11:53"))
            #expect(
                html.contains(
                    "<strong>Cancelled</strong>: End of year party</td><td data-label=\"Changed\">Configuration file"))
        }
    }

    @Test("adding an extra meeting needs the session's CSRF token; without it nothing changes")
    func extraNeedsCSRF() async throws {
        let harness = try ConsoleHarness()
        let republishes = Counter()
        try await harness.pagesApplication(republishes: republishes).test(.router) { client in
            let (cookie, _) = try await client.signIn(harness)
            let refused = try await client.post(
                "/console/meetings", form: "series=steering&date=2026-12-03&time=10:00", cookie: cookie)
            #expect(refused.status == .forbidden)
        }
        #expect(try harness.store.liveChanges(includingEnded: true).isEmpty)
        #expect(republishes.count == 0)
    }

    @Test("a wrong extra meeting is shown again with each problem next to its field, and nothing changes")
    func extraProblems() async throws {
        let harness = try ConsoleHarness()
        try await harness.pagesApplication().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            let typed = try await client.post(
                "/console/meetings", form: "csrf_token=\(csrf)&series=&date=3+Dec&time=25:00&reason=Budget+%3Cvote%3E",
                cookie: cookie)
            #expect(typed.status == .unprocessableContent)
            #expect(typed.text.contains("id=\"extra-series-problem\"><li>Choose the series"))
            #expect(typed.text.contains("Enter the date as YYYY-MM-DD"))
            #expect(typed.text.contains("Enter the time as HH:MM"))
            #expect(typed.text.contains("value=\"Budget &lt;vote&gt;\""))
            // A Tuesday: the series already meets that day; the store's rule is named at the date and time.
            let taken = try await client.post(
                "/console/meetings", form: "csrf_token=\(csrf)&series=steering&date=2026-12-01&time=15:00",
                cookie: cookie)
            #expect(taken.status == .unprocessableContent)
            #expect(taken.text.contains("id=\"extra-when-problem\"><li>steering already has a meeting on 2026-12-01"))
            #expect(taken.text.contains("<option value=\"steering\" selected>"))
        }
        #expect(try harness.store.liveChanges(includingEnded: true).isEmpty)
    }

    @Test("an extra meeting is stored as the signed-in person, published, and listed after the redirect")
    func extraAdded() async throws {
        let harness = try ConsoleHarness()
        let republishes = Counter()
        try await harness.pagesApplication(republishes: republishes).test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            let added = try await client.post(
                "/console/meetings",
                form:
                    "csrf_token=\(csrf)&series=steering&date=2026-12-03&time=14:30&location=Library&reason=Budget&notify=yes",
                cookie: cookie)
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/console/meetings?added=steering&date=2026-12-03")
            let page = try await client.get(try #require(added.headers[.location]), cookie: cookie)
            #expect(
                page.text.contains(
                    "role=\"status\">Added an extra meeting of Steering &lt;committee&gt; on Thursday 3 December 2026.")
            )
            #expect(page.text.contains("<strong>Extra meeting</strong>: Budget"))
            #expect(page.text.contains("href=\"/console/meetings/steering/2026-12-03\""))
        }
        let change = try #require(try harness.store.liveChanges(includingEnded: false).first)
        #expect(change.actor == "console:priya")
        #expect(change.notifiesAttendees)
        #expect(
            change.kind
                == .extra(
                    start: LocalDateTime(year: 2026, month: 12, day: 3, hour: 14, minute: 30)!, location: "Library",
                    reason: "Budget"))
        #expect(republishes.count == 1)
    }

    @Test("the decision log lists each series' decisions, linking to the minutes of the meeting that took them")
    func decisions() async throws {
        let harness = try ConsoleHarness()
        let book = MinutesBook(initiative: harness.pagesInitiative, store: harness.store)
        let meeting = LocalDate(year: 2026, month: 11, day: 24)!
        _ = try book.save(
            Minutes(
                seriesID: "steering", occurrenceDate: meeting,
                decisions: [.init(text: "Fund the <youth> hub"), .init(text: "Meet monthly in 2027")]),
            actor: "console:priya", now: harness.now)
        _ = try book.publish(seriesID: "steering", date: meeting, actor: "console:priya", now: harness.now)
        try await harness.pagesApplication().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness)
            for uri in ["/console/decisions", "/console/decisions?series=steering"] {
                let page = try await client.get(uri, cookie: cookie)
                #expect(page.status == .ok)
                #expect(page.text.contains("<h2 id=\"decisions-0\">Steering &lt;committee&gt;</h2>"))
                #expect(
                    page.text.contains(
                        "<th scope=\"row\">1</th><td data-label=\"Decision\">Fund the &lt;youth&gt; hub</td>"))
                #expect(
                    page.text.contains("<th scope=\"row\">2</th><td data-label=\"Decision\">Meet monthly in 2027</td>"))
                #expect(page.text.contains("<a href=\"/console/meetings/steering/2026-11-24/minutes\">24 Nov 2026</a>"))
            }
            let unknown = try await client.get("/console/decisions?series=%3Cnope%3E", cookie: cookie)
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("There is no series \u{201C}&lt;nope&gt;\u{201D}"))
        }
    }
}
