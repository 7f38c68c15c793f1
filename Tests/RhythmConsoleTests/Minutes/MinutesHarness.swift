import Foundation
import Hummingbird
import HummingbirdTesting
import RhythmAgenda
import RhythmConsole
import RhythmCore
import RhythmStore
import Synchronization

/// The console with its minutes pages over a real SQLite file: a weekly steering meeting in
/// Melbourne whose meeting of Tuesday 30 March 2027 (the week before the clocks go back) has
/// two agenda items, Ana's "I'll be there" and Ben's apologies; Cy did not answer.
final class MinutesHarness: Sendable {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let meeting = LocalDate(year: 2027, month: 3, day: 30)!
    static let path = "/console/meetings/steering/2027-03-30/minutes"
    /// Tuesday 6 April 2027, 09:00 in Melbourne, after the change.
    static let start = melbourne.instant(for: LocalDateTime(year: 2027, month: 4, day: 6, hour: 9)!)

    let directory: URL
    let store: AppDatabase
    let items: [AgendaItem]
    private let wakeups = Mutex(0)

    let initiative = Initiative(
        name: "Thriving Futures", timeZone: melbourne, domain: "example.org",
        people: [
            Person(id: "ana", name: "Ana Lima", email: "ana@example.org", timeZone: melbourne, consoleAccess: true),
            Person(id: "ben", name: "Ben Okafor", email: "ben@example.org", timeZone: melbourne),
            Person(id: "cy", name: "Cy Tran", email: "cy@example.org", timeZone: melbourne),
        ],
        series: [
            MeetingSeries(
                id: "steering", title: "Steering <group>", kind: .leadership,
                start: LocalDateTime(year: 2027, month: 3, day: 2, hour: 10)!, duration: .seconds(3600),
                timeZone: melbourne, location: "Town hall", organizerID: "ana",
                attendees: Attendees(personIDs: ["ana", "ben", "cy"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        ],
        channels: [Channel(id: "mail", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))])

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        self.store = store
        let before = Self.start - 86_400 * 10
        items = try ["Budget", "Youth hub"].map {
            try store.createAgendaItem(
                NewAgendaItem(seriesID: "steering", occurrenceDate: Self.meeting, title: $0), actor: "cli:test",
                now: before)
        }
        _ = try store.setAttendance(
            seriesID: "steering", occurrenceDate: Self.meeting, personID: "ana", response: .attending, note: nil,
            delegateID: nil, actor: "cli:test", now: before)
        _ = try store.setAttendance(
            seriesID: "steering", occurrenceDate: Self.meeting, personID: "ben", response: .apologies,
            note: "At the regional forum", delegateID: nil, actor: "cli:test", now: before)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var wakeupCount: Int { wakeups.withLock { $0 } }

    func application() throws -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        let initiative = self.initiative
        let renderer = try AgendaRenderer()
        let console = ConsoleRoutes(
            store: store, initiative: { initiative },
            settings: ServiceSettings(publicURL: URL(string: "http://127.0.0.1:8080")),
            wakeDispatcher: { [self] in wakeups.withLock { $0 += 1 } }, now: { Self.start })
        console.register(on: router) { pages in
            ConsoleMinutesPages(console: console, renderMinutes: { renderer.render($0, format: .html) })
                .register(on: pages)
        }
        return Application(router: router)
    }

    /// Signs Ana in; her session cookie and the minutes page's CSRF token.
    func signIn(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let link = try store.issueConsoleSignInLink(personID: "ana", now: Self.start)
        let response = try await client.post("/console/s/\(link)")
        guard let cookie = response.sessionCookie else { throw HarnessError("no session cookie: \(response.status)") }
        let page = try await client.get(Self.path, cookie: cookie)
        guard let csrf = page.csrfToken else { throw HarnessError("no CSRF token on the minutes page: \(page.text)") }
        return (cookie, csrf)
    }
}

/// A minutes form as a browser would post it, field by field.
struct MinutesPost {
    var fields: [(String, String)]

    init(csrf: String) {
        fields = [("csrf_token", csrf)]
    }

    mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// The attendance and item rows of the harness's meeting, as the form shows them.
    mutating func addMeeting(items: [AgendaItem], marks: [String] = ["present", "apologies", ""]) {
        for (row, person) in ["ana", "ben", "cy"].enumerated() {
            add("attendance-\(row)-person", person)
            add("attendance-\(row)-mark", marks[row])
            add("attendance-\(row)-note", "")
        }
        for (row, item) in items.enumerated() {
            add("item-\(row)-id", String(item.id))
            add("item-\(row)-title", item.title)
            add("item-\(row)-notes", "")
        }
    }

    var body: String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._*"))
        return fields.map { name, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(name)=\(encoded)"
        }.joined(separator: "&")
    }
}
