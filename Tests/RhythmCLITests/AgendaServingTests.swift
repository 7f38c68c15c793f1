import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the backbone records from the command line reaches subscribers: the next meeting's
/// DESCRIPTION in a private feed and the agenda page it links to, in the agenda's order.
@Suite struct AgendaServingTests {
    typealias Server = ServeEndToEndTests.Server

    /// The DESCRIPTION of the override for `recurrenceID` in `feed`, unfolded and unescaped.
    static func description(in feed: String, recurrenceID: String) -> String? {
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        guard let event = unfolded.components(separatedBy: "BEGIN:VEVENT").first(where: { $0.contains(recurrenceID) }),
            let line = event.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("DESCRIPTION:") })
        else { return nil }
        return line.dropFirst("DESCRIPTION:".count).replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
    }

    /// Where each of `texts` appears in `text`, in order; nil when one is missing.
    static func positions(of texts: [String], in text: String) -> [String.Index]? {
        let found = texts.map { text.range(of: $0)?.lowerBound }
        return found.contains(nil) ? nil : found.compactMap { $0 }
    }

    @Test("actions, items and indicator values recorded while the server runs appear in the feed and the agenda page")
    func recordedWorkIsServed() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let rotated = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        let feedPath = String(
            rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count))
        let before = String(decoding: try await server.get(feedPath).0, as: UTF8.self)

        for arguments in [
            [
                "action", "add", "Circulate the 2027 budget", "--owner", "priya-natarajan", "--group",
                "leadership-table",
                "--due", "2099-01-20",
            ],
            ["action", "add", "Draft the attendance MOU", "--owner", "amara-okafor", "--due", "2026-01-15"],
            ["agenda", "add", "leadership-table", "Youth employment pilot", "--next", "--minutes", "20"],
            ["indicator", "record", "school-attendance", "--period", "2026-Q3", "--value", "91.5"],
        ] {
            let result = try server.rhythm(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }

        let next = try AgendaPageBrowserTests.nextDate(of: "leadership-table", on: server)
        let recurrenceID = "RECURRENCE-ID;TZID=Australia/Melbourne:\(next.replacingOccurrences(of: "-", with: ""))"

        var feed = before
        try await server.eventually("the feed shows the new agenda") {
            feed = String(decoding: try await server.get(feedPath).0, as: UTF8.self)
            return Self.description(in: feed, recurrenceID: recurrenceID)?.contains("Youth employment pilot") == true
        }
        let description = try #require(Self.description(in: feed, recurrenceID: recurrenceID))
        // Standing items, then submitted items, then actions: overdue first.
        #expect(
            Self.positions(
                of: [
                    "Progress on the common agenda", "Youth employment pilot", "Draft the attendance MOU",
                    "Circulate the 2027 budget",
                ], in: description)?.isSorted == true, "\(description)")
        let token = String(feedPath.dropFirst("/feeds/".count).dropLast(".ics".count))
        let pagePath = "/agenda/\(token)/leadership-table/\(next)"
        #expect(description.contains("Full agenda: \(server.base)\(pagePath)"))
        #expect(feed.contains("91.5"))

        let (page, response) = try await server.get(pagePath)
        #expect(response.statusCode == 200)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
        #expect(response.value(forHTTPHeaderField: "Referrer-Policy") == "no-referrer")
        let html = String(decoding: page, as: UTF8.self)
        #expect(
            Self.positions(
                of: ["Youth employment pilot", "Draft the attendance MOU", "Circulate the 2027 budget"], in: html)?
                .isSorted == true)

        // A moved meeting's page answers to its new date as well as its original one.
        for date in ["2027-03-09", "2027-03-11"] {
            let (movedPage, movedResponse) = try await server.get("/agenda/\(token)/leadership-table/\(date)")
            #expect(movedResponse.statusCode == 200, "\(date)")
            #expect(String(decoding: movedPage, as: UTF8.self).contains("11 March 2027"), "\(date)")
        }

        // The page answers only its feed's token, for its feed's series and real dates.
        let (missingBody, wrongToken) = try await server.get(
            "/agenda/\(String(repeating: "A", count: 43))/leadership-table/\(next)")
        #expect(wrongToken.statusCode == 404)
        let (wrongDateBody, wrongDate) = try await server.get("/agenda/\(token)/leadership-table/2026-12-09")
        #expect(wrongDate.statusCode == 404)
        #expect(missingBody == wrongDateBody)
        #expect(try await server.get("/agenda/\(token)/backbone-standup/\(next)").1.statusCode == 404)

        // The public feed names nobody, so it carries no agenda.
        let publicFeed = String(decoding: try await server.get("/feeds/public.ics").0, as: UTF8.self)
        #expect(!publicFeed.contains("Draft the attendance MOU"))
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("reordering and withdrawing agenda items on the command line changes the agenda page that follows")
    func agendaPageFollowsOrder() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        func rhythm(_ arguments: [String]) async throws -> String {
            let result = try await RhythmProcess.runOffPool(
                arguments + ["--config", server.config], environment: server.environment)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            return result.standardOutput
        }
        let rotated = try await rhythm(["feed", "rotate", "partner:brightwater-council"])
        let token = String(
            rotated.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count + "/feeds/".count)
                .dropLast(".ics".count))
        var ids: [String] = []
        for title in ["Youth employment pilot", "Transport survey", "Budget 2027-28"] {
            let added = try await rhythm(["agenda", "add", "leadership-table", title, "--date", "2027-04-13"])
            ids.append(String(added.prefix { $0 != " " }.dropFirst()))
        }
        let pagePath = "/agenda/\(token)/leadership-table/2027-04-13"
        func page() async throws -> String {
            let (body, response) = try await server.get(pagePath)
            #expect(response.statusCode == 200)
            return String(decoding: body, as: UTF8.self)
        }
        let titles = ["Youth employment pilot", "Transport survey", "Budget 2027-28"]
        #expect(Self.positions(of: titles, in: try await page())?.isSorted == true)

        _ = try await rhythm(["agenda", "move", ids[2], "--position", "1"])
        _ = try await rhythm(["agenda", "move", ids[0], "--after", ids[1]])
        let reordered = try await page()
        #expect(
            Self.positions(of: ["Budget 2027-28", "Transport survey", "Youth employment pilot"], in: reordered)?
                .isSorted == true, "\(reordered)")

        _ = try await rhythm(["agenda", "withdraw", ids[1]])
        let withdrawn = try await page()
        #expect(!withdrawn.contains("Transport survey"))
        #expect(Self.positions(of: ["Budget 2027-28", "Youth employment pilot"], in: withdrawn)?.isSorted == true)
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("an action posted to the JSON API of the running server reaches the partner's feed; a read token cannot post")
    func actionThroughTheAPI() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let rotated = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        let feedPath = String(
            rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count))
        _ = try await server.get(feedPath)
        let writer = try server.rhythm([
            "api-token", "create", "council-portal", "--scope", "write", "--partner", "brightwater-council",
        ])
        let reader = try server.rhythm(["api-token", "create", "dashboard", "--scope", "read"])
        #expect(writer.status == 0 && reader.status == 0, "\(writer.standardError) \(reader.standardError)")
        let body = Data(
            #"{"title": "Book the youth forum venue", "owner_id": "amara-okafor", "group_id": "leadership-table"}"#.utf8
        )

        let (_, refused) = try await server.send(
            "POST", "/api/v1/actions",
            headers: [
                "Authorization": "Bearer \(reader.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))",
                "Content-Type": "application/json",
            ],
            body: body)
        #expect(refused.statusCode == 403)
        let (created, response) = try await server.send(
            "POST", "/api/v1/actions",
            headers: [
                "Authorization": "Bearer \(writer.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))",
                "Content-Type": "application/json",
            ],
            body: body)
        #expect(response.statusCode == 201, "\(String(decoding: created, as: UTF8.self))")

        try await server.eventually("the feed shows the action") {
            String(decoding: try await server.get(feedPath).0, as: UTF8.self).contains("Book the youth forum venue")
        }
        let audit = try server.rhythm(["audit", "--entity", "action"])
        #expect(audit.standardOutput.contains("api:council-portal"))
        #expect(server.stop() == 0, "\(server.logText)")
    }
}

extension Array where Element: Comparable {
    /// Whether the elements are in ascending order.
    fileprivate var isSorted: Bool { zip(self, dropFirst()).allSatisfy { $0 <= $1 } }
}
