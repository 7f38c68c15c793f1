import Foundation
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmCore
import RhythmStore
import Synchronization

/// The console with the meeting pages, on a real SQLite file: a weekly meeting on Tuesdays at
/// 10:00 in Melbourne, 90 minutes, with two standing items; counters of the republish and
/// agenda-change calls.
final class MeetingPagesHarness: Sendable {
    let console: ConsoleHarness
    private let republished = Mutex(0)
    private let agendaChanges = Mutex(0)

    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    /// The page of the meeting of Tuesday 8 December 2026.
    static let page = "/console/meetings/weekly/2026-12-08"

    init() throws {
        console = try ConsoleHarness()
    }

    var store: AppDatabase { console.store }
    var republishCount: Int { republished.withLock { $0 } }
    var agendaChangeCount: Int { agendaChanges.withLock { $0 } }

    /// The configuration file's initiative: the console harness's people and one series.
    var file: Initiative {
        var initiative = console.initiative
        initiative.series = [
            MeetingSeries(
                id: "weekly", title: "Weekly <backbone> check-in", kind: .workingGroup,
                start: LocalDateTime(year: 2026, month: 10, day: 6, hour: 10)!, duration: .seconds(5400),
                timeZone: Self.melbourne, location: "Room 4", organizerID: "priya",
                attendees: Attendees(personIDs: ["priya", "tom"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"),
                standingItems: ["Welcome", "Actions review"])
        ]
        return initiative
    }

    /// The file with the live changes in the store laid over it, as `rhythm serve` has it.
    var layered: Initiative {
        let changes = (try? store.liveChanges(includingEnded: false)) ?? []
        return LiveLayering(file: file, changes: changes).initiative
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        let routes = ConsoleRoutes(
            store: store, initiative: { [self] in layered },
            settings: ServiceSettings(publicURL: URL(string: console.baseURL)), now: { [console] in console.now })
        let pages = ConsoleMeetingPages(
            store: store, initiative: { [self] in layered }, fileInitiative: { [self] in file },
            republish: { [self] in republished.withLock { $0 += 1 } },
            onAgendaChange: { [self] in agendaChanges.withLock { $0 += 1 } }, now: { [console] in console.now })
        routes.register(on: router) { signedIn in pages.register(on: signedIn) }
        return Application(router: router)
    }

    /// Adds an item to the meeting of 8 December, as the CLI would.
    @discardableResult
    func submit(_ title: String, minutes: Int? = nil) throws -> AgendaItem {
        try store.createAgendaItem(
            NewAgendaItem(
                seriesID: "weekly", occurrenceDate: LocalDate(year: 2026, month: 12, day: 8)!, title: title,
                minutes: minutes),
            actor: "cli:test", now: console.now)
    }

    /// The titles on the agenda of 8 December, in order.
    func agendaTitles() throws -> [String] {
        try store.agendaItems(
            seriesID: "weekly", occurrenceDate: LocalDate(year: 2026, month: 12, day: 8)!, limit: 100, offset: 0
        ).map(\.title)
    }
}

/// `name=value&...` with every value percent-encoded, and the CSRF field first.
func form(csrf: String, _ fields: [(String, String)] = []) -> String {
    ([("csrf_token", csrf)] + fields).map { name, value in
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
}
