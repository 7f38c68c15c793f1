import Foundation
import Testing

/// The agenda pages `rhythm serve` links from private feeds, as a partner sees them in a
/// real browser on a phone and on a desktop: readable, and free of the accessibility
/// barriers axe-core rates serious or critical.
@Suite struct AgendaPageBrowserTests {
    typealias Server = ServeEndToEndTests.Server

    /// The viewports a partner reads agendas in: a common phone, and a laptop.
    static let sizes = [("phone", 390, 844), ("desktop", 1280, 900)]

    /// The date (as the rule gave it, which is what agenda page URLs carry) of the next meeting
    /// of `series` as the feeds and `agenda add --next` take it: during a meeting, the one
    /// under way.
    static func nextDate(of series: String, on server: Server) throws -> String {
        let agenda = try server.rhythm(["agenda", "list", series, "--next", "--format", "json"])
        let date = agenda.standardOutput.components(separatedBy: "\"occurrence_date\" : \"").dropFirst().first?
            .prefix(10)
        return String(try #require(date, "\(agenda.standardOutput) \(agenda.standardError)"))
    }

    @Test(
        "the leadership and indicator review agendas read whole at phone and desktop sizes, with no axe-core violation"
    )
    func agendaPagesInABrowser() async throws {
        let server = try Server()
        defer { _ = server.stop() }
        try await server.waitUntilReady()
        let rotated = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        #expect(rotated.status == 0, "\(rotated.standardError)")
        let token = String(
            rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                .dropFirst(server.base.count + "/feeds/".count).dropLast(".ics".count))
        // Enough on the agendas to fill them: an item, an overdue and an open action, a value.
        for arguments in [
            ["agenda", "add", "leadership-table", "Youth employment pilot", "--next", "--minutes", "20"],
            ["action", "add", "Draft the attendance MOU", "--owner", "amara-okafor", "--due", "2026-01-15"],
            [
                "action", "add", "Circulate the 2027 budget", "--owner", "priya-natarajan", "--group",
                "leadership-table", "--due", "2099-01-20",
            ],
            ["indicator", "record", "school-attendance", "--period", "2026-Q3", "--value", "91.5"],
        ] {
            let result = try server.rhythm(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let pages = [
            ("leadership-table", "Youth employment pilot"),
            ("indicator-review", "Scorecard"),
        ]

        let screenshots = try RhythmProcess.temporaryDirectory()
        let browser = try Browser()
        defer { browser.close() }
        for (series, expected) in pages {
            let url = "\(server.base)/agenda/\(token)/\(series)/\(try Self.nextDate(of: series, on: server))"
            for (name, width, height) in Self.sizes {
                let shot = screenshots.appendingPathComponent("agenda-\(series)-\(name).png").path
                let page = try await browser.runOffPool([
                    .window(width: width, height: height), .open(url), .screenshot(shot), .text, .axe,
                ])
                print("Screenshot of the \(series) agenda at \(name) size (\(width)x\(height)): \(shot)")
                #expect(page.viewport == Browser.Result.Size(width: width, height: height))
                // Nothing wider than the screen: a person never scrolls sideways to read it.
                #expect(page.pageSize?.width == width, "\(series) at \(name): \(String(describing: page.pageSize))")
                #expect(page.text.contains(expected), "\(series) at \(name): \(page.text)")
                #expect(page.text.contains("Brightwater Youth Futures"))
                // None serious or critical, as issue 11 asks, and today none at all: the page is
                // its own landmark (role="main"), so screen readers can jump to it.
                #expect(page.violations.isEmpty, "\(series) at \(name): \(page.violations)")
                #expect(FileManager.default.fileExists(atPath: shot))
            }
        }
    }
}
