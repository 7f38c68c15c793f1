import Foundation
import RhythmConfig
import RhythmCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Minutes from the command line to the attendees' mailboxes, as the backbone runs them:
/// the real binary, the example configuration, the Maildir sink and `rhythm dispatch --once`.
@Suite struct MinutesEndToEndTests {
    /// The example configuration without quiet hours, so that what is due goes out whatever
    /// the time of day the test runs, and a fresh database beside it.
    let workspace: OperatorCommandsTests.Workspace
    var directory: URL { workspace.directory }
    var config: String { workspace.config }
    var database: String { workspace.database }

    init() throws {
        workspace = try OperatorCommandsTests.Workspace()
    }

    func rhythm(_ arguments: [String]) async throws -> RhythmProcess.Result {
        try await RhythmProcess.runOffPool(
            arguments + ["--config", config, "--database", database],
            environment: ["USER": "minute-taker", "SUDO_USER": "", "DOAS_USER": ""])
    }

    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// The messages in the Maildir whose subject is `subject`, by their `To:` header.
    func mailbox(subject: String, in directory: URL? = nil) throws -> [String: String] {
        let new = (directory ?? self.directory).appendingPathComponent("maildir/new")
        guard FileManager.default.fileExists(atPath: new.path) else { return [:] }
        var found: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: new.path) {
            let text = try String(contentsOf: new.appendingPathComponent(name), encoding: .utf8)
            let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
            guard headers.contains("Subject: \(subject)"),
                let to = headers.first(where: { $0.hasPrefix("To: ") })
            else { continue }
            found[to, default: ""] += text
        }
        return found
    }

    @Test("record, publish and dispatch: each attendee's e-mail, the decision log, the action on the next agenda")
    func recordPublishDispatch() async throws {
        let recorded = try await succeed([
            "minutes", "record", "leadership-table", "2027-02-09", "--present", "amara-okafor", "--apologies",
            "raj-patel", "--absent", "jordan-kelly", "--notes", "Budget timelines slipped a month.", "--decision",
            "Adopt the shared intake form across all partners", "--action",
            "helen-nguyen|Circulate the intake form to partner CEOs|2027-03-01",
        ])
        #expect(recorded.contains("1 decision, 1 action raised (#"), "\(recorded)")

        let published = try await succeed(["minutes", "publish", "leadership-table", "2027-02-09"])
        let initiative = try ConfigurationLoader().load(path: config).initiative
        let series = try #require(initiative.series.first { $0.id == "leadership-table" })
        let invited = MinutesMail.recipientIDs(of: series, initiative: initiative)
        #expect(
            published.contains("published (revision 1): 1 decision in the log, e-mail to \(invited.count) people"),
            "\(published)")
        let again = try await rhythm(["minutes", "publish", "leadership-table", "2027-02-09"])
        #expect(again.status == 64)
        #expect(again.standardError.contains("published and unchanged since"), "\(again.standardError)")

        _ = try await succeed(["dispatch", "--once"])
        let messages = try mailbox(subject: "Minutes: Leadership Table on 2027-02-09")
        #expect(messages.count == invited.count)
        for person in initiative.people where invited.contains(person.id) {
            let message = messages.first { $0.key.contains("<\(person.email)>") }?.value
            #expect(message != nil, "no minutes for \(person.email)")
            #expect(message?.contains("Adopt the shared intake form across all partners") == true)
            #expect(message?.contains("Circulate the intake form to partner CEOs") == true)
        }
        // Dispatching again sends nothing twice.
        _ = try await succeed(["dispatch", "--once"])
        #expect(try mailbox(subject: "Minutes: Leadership Table on 2027-02-09").count == invited.count)

        let decisions = try await succeed(["decisions", "leadership-table"])
        #expect(decisions.contains("D1  2027-02-09  Adopt the shared intake form across all partners"), "\(decisions)")

        // The next meeting moved from 9 to 11 March; the action raised in February is on its agenda.
        let next = try await succeed(["agenda", "show", "leadership-table", "--date", "2027-03-11"])
        #expect(next.contains("Circulate the intake form to partner CEOs"), "\(next)")
        // The February agenda carries its minutes under it.
        let february = try await succeed(["agenda", "show", "leadership-table", "--date", "2027-02-09"])
        #expect(february.contains("MINUTES: Leadership Table"), "\(february)")
        #expect(february.contains("D1. Adopt the shared intake form"), "\(february)")
    }

    @Test("a correction goes out as Corrected minutes, keeping the decision's number")
    func correction() async throws {
        _ = try await succeed([
            "minutes", "record", "leadership-table", "2027-02-09", "--decision", "Meet in the library",
        ])
        _ = try await succeed(["minutes", "publish", "leadership-table", "2027-02-09"])
        _ = try await succeed([
            "minutes", "record", "leadership-table", "2027-02-09", "--decision", "Invite the health partners",
        ])
        let corrected = try await succeed(["minutes", "publish", "leadership-table", "2027-02-09"])
        #expect(corrected.hasPrefix("Corrected minutes of leadership-table on 2027-02-09 published (revision 2)"))
        _ = try await succeed(["dispatch", "--once"])
        #expect(!(try mailbox(subject: "Corrected minutes: Leadership Table on 2027-02-09").isEmpty))
        let json = try await succeed(["decisions", "--format", "json"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(log.map { $0["number"] as? Int } == [1, 2])
        #expect(log.map { $0["text"] as? String } == ["Meet in the library", "Invite the health partners"])
    }

    @Test("show prefills an unsaved draft from the answers, and bad input names the place")
    func showAndProblems() async throws {
        _ = try await succeed([
            "attendance", "set", "leadership-table", "2027-02-09", "amara-okafor", "--response", "apologies", "--note",
            "At the budget hearing",
        ])
        let draft = try await succeed(["minutes", "show", "leadership-table", "2027-02-09"])
        #expect(draft.contains("DRAFT: not published yet."))
        #expect(draft.contains("Apologies: Amara Okafor (Brightwater City Council): At the budget hearing"), "\(draft)")

        let unknown = try await rhythm([
            "minutes", "record", "leadership-table", "2027-02-09", "--action", "nobody|Do it", "--present", "ghost",
        ])
        #expect(unknown.status == 64)
        #expect(
            unknown.standardError.contains("/actions/0/owner_id: nobody is not a person"), "\(unknown.standardError)")
        #expect(unknown.standardError.contains("ghost is not a person"))
        let noMeeting = try await rhythm(["minutes", "show", "leadership-table", "2027-02-10"])
        #expect(noMeeting.status == 64)
        #expect(noMeeting.standardError.contains("has no meeting on 2027-02-10"))
        let unpublished = try await rhythm(["minutes", "publish", "leadership-table", "2027-04-13"])
        #expect(unpublished.status == 64)
        #expect(unpublished.standardError.contains("has no minutes yet"))
    }

    @Test(
        "published through the API while rhythm serve runs: the dispatcher wakes and sends, the agenda page shows them")
    func publishedWhileServing() async throws {
        let server = try ServeEndToEndTests.Server()
        try await server.waitUntilReady()
        let serverDirectory = URL(fileURLWithPath: try #require(server.environment["RHYTHM_DATABASE"]))
            .deletingLastPathComponent()
        func rhythm(_ arguments: [String]) async throws -> RhythmProcess.Result {
            try await RhythmProcess.runOffPool(
                arguments + ["--config", server.config], environment: server.environment)
        }
        let recorded = try await rhythm([
            "minutes", "record", "leadership-table", "2027-02-09", "--decision", "Fund the youth forum",
        ])
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let token = try await rhythm(["api-token", "create", "minutes", "--scope", "write"]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let (body, response) = try await server.send(
            "POST", "/api/v1/minutes/leadership-table/2027-02-09/publish", headers: ["Authorization": "Bearer \(token)"]
        )
        #expect(response.statusCode == 200, "\(String(decoding: body, as: UTF8.self))")

        let initiative = try ConfigurationLoader().load(path: server.config).initiative
        let series = try #require(initiative.series.first { $0.id == "leadership-table" })
        let invited = MinutesMail.recipientIDs(of: series, initiative: initiative).count
        try await server.eventually("the dispatcher sends the minutes") {
            try mailbox(subject: "Minutes: Leadership Table on 2027-02-09", in: serverDirectory).count == invited
        }

        let rotated = try await rhythm(["feed", "rotate", "partner:brightwater-council"])
        let feedURL = rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let feedToken = String(feedURL.dropFirst(server.base.count + "/feeds/".count).dropLast(".ics".count))
        let (page, pageResponse) = try await server.get("/agenda/\(feedToken)/leadership-table/2027-02-09")
        #expect(pageResponse.statusCode == 200)
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("Minutes: Leadership Table</h1>"), "\(html)")
        #expect(html.contains("<strong>D1.</strong> Fund the youth forum"))
        #expect(html.components(separatedBy: "</body>").count == 2, "one document")
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
