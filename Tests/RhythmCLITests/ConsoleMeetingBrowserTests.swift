import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The console's meeting page in a real browser against `rhythm serve`: a coordinator signs
/// in, cancels one meeting and moves another, and the feed, the invitations in the Maildir
/// and the reminders follow at once; then lines up an agenda and the served agenda page
/// follows. The page is looked at on a phone and a desktop, and checked with axe-core.
///
/// The configuration is `LiveChangesEndToEndTests`' (a daily meeting from tomorrow, a
/// reminder three hours before each, an invitee), with the organizer allowed in the console.
@Suite("the console's meeting page in a browser", .serialized, .timeLimit(.minutes(5)))
struct ConsoleMeetingBrowserTests {
    typealias Server = ServeEndToEndTests.Server
    typealias Live = LiveChangesEndToEndTests

    /// The live-changes configuration with `person-002` (the organizer) a console person, and
    /// the server's public URL (the origin the console's forms must come from).
    static func configuration(port: Int, start: String) -> String {
        Live.configuration(port: port, start: start)
            .replacingOccurrences(
                of: "    email: person-002@partners.example\n",
                with: "    email: person-002@partners.example\n    console: true\n"
            )
            .replacingOccurrences(
                of: "  listen: 127.0.0.1:\(port)\n",
                with: "  listen: 127.0.0.1:\(port)\n  public_url: http://127.0.0.1:\(port)\n")
    }

    @Test(
        "cancel and move in the browser reach the feed, the Maildir and the reminders; reordering the agenda the agenda page"
    )
    func meetingPageInABrowser() async throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let port = LoopbackPort.free()
        let first = Live.firstStart()
        let cancelled = String(Live.text(first).prefix(10))
        let movedFrom = Live.shifted(first, days: 1)
        let movedTo = Live.text(Live.shifted(first, days: 1, minutes: 45))
        let agendaDate = String(Live.text(Live.shifted(first, days: 2)).prefix(10))
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try Self.configuration(port: port, start: Live.text(first)).write(
            toFile: config, atomically: true, encoding: .utf8)
        let server = try Server(directory: directory, config: config, port: port)
        defer { if server.process.isRunning { server.process.terminate() } }
        try await server.waitUntilReady()
        try await server.eventually("the first invitation is in the Maildir and the reminders are pending") {
            let pending = try await Live.reminders(of: cancelled, server: server).filter {
                $0["status"] as? String == "pending"
            }
            return Live.messages(in: directory).contains { $0.contains("method=REQUEST") } && pending.count == 2
        }
        let before = try await Live.etag(server)
        let link = try await Live.rhythm(["console", "link", "person-002", "--base-url", server.base], server: server)
        #expect(link.status == 0, "\(link.standardError)")

        let browser = try Browser()
        defer { browser.close() }
        let signedIn = try await browser.runOffPool([
            .open(link.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)), .click("Sign in"), .text,
        ])
        #expect(signedIn.text.contains("Signed in as Person Two"), "\(signedIn.text)")

        let meetings = "\(server.base)/console/meetings/check-in/"
        let cancel = try await browser.runOffPool([
            .open(meetings + cancelled),
            .fill(label: "Reason (the attendees will read it)", text: "The room is flooded.", within: "Cancel it"),
            .choose("Tell the attendees by e-mail", within: "Cancel it"),
            .click("Cancel this meeting"), .text,
        ])
        #expect(cancel.url.hasSuffix("/console/meetings/check-in/\(cancelled)?done=cancelled"), "\(cancel.url)")
        #expect(cancel.text.contains("The meeting is cancelled."), "\(cancel.text)")
        #expect(cancel.text.contains("Cancel by Person Two (console)"), "\(cancel.text)")
        let move = try await browser.runOffPool([
            .open(meetings + String(Live.text(movedFrom).prefix(10))),
            .fill(label: "New date", text: String(movedTo.prefix(10)), within: "Move it"),
            .fill(label: "New start time", text: String(movedTo.suffix(5)), within: "Move it"),
            .fill(label: "Reason", text: "The chair's train is late.", within: "Move it"),
            .click("Move this meeting"), .text,
        ])
        #expect(move.text.contains("The meeting is moved."), "\(move.text)")

        // At once: a new feed, with the cancelled and the moved occurrence.
        #expect(try await Live.etag(server) != before)
        let (feedText, occurrences) = try await Live.expandedPublicFeed(server: server, directory: directory)
        #expect(
            feedText.contains(
                "RECURRENCE-ID;TZID=Europe/London:\(Live.text(movedFrom).filter { $0 != "-" && $0 != ":" })00"))
        let cancelledOne = occurrences.first { ($0["start"] as? String)?.hasPrefix(Live.text(first)) == true }
        #expect(cancelledOne?["status"] as? String == "CANCELLED", "\(occurrences)")
        #expect(occurrences.contains { ($0["start"] as? String)?.hasPrefix(movedTo) == true }, "\(occurrences)")

        // The dispatcher: the invitee's CANCEL and updated REQUEST, the cancelled meeting's
        // reminders withdrawn.
        try await server.eventually("the CANCEL and the update are in the Maildir, the reminders withdrawn") {
            let messages = Live.messages(in: directory)
            let withdrawn = try await Live.reminders(of: cancelled, server: server).filter {
                $0["status"] as? String == "withdrawn"
            }
            return messages.contains { $0.contains("method=CANCEL") && $0.contains("Subject: Cancelled:") }
                && messages.contains { $0.contains("method=REQUEST") && $0.contains("Subject: Updated invitation:") }
                && withdrawn.count == 2
        }
        let listed = try await Live.rhythm(["changes", "list"], server: server)
        #expect(listed.standardOutput.contains("cancelled live by console:person-002"), "\(listed.standardOutput)")

        // Lining up an agenda: the served agenda page follows the order set in the console.
        for (title, minutes) in [("Budget 2027", "10"), ("Youth employment pilot", "15")] {
            let added = try await Live.rhythm(
                ["agenda", "add", "check-in", title, "--date", agendaDate, "--minutes", minutes], server: server)
            #expect(added.status == 0, "\(added.standardError)")
        }
        let rotated = try await Live.rhythm(
            ["feed", "rotate", "person:person-001", "--base-url", server.base], server: server)
        let token = String(
            rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                .dropFirst(server.base.count + "/feeds/".count).dropLast(".ics".count))
        let agendaPath = "/agenda/\(token)/check-in/\(agendaDate)"
        #expect(try await Self.order(of: ["Budget 2027", "Youth employment pilot"], at: agendaPath, on: server))
        let reordered = try await browser.runOffPool([
            .open(meetings + agendaDate), .click("Move up", within: "Youth employment pilot"), .text,
        ])
        #expect(reordered.text.contains("The agenda order is saved."), "\(reordered.text)")
        #expect(try await Self.order(of: ["Youth employment pilot", "Budget 2027"], at: agendaPath, on: server))

        let screenshots = try RhythmProcess.temporaryDirectory()
        for (name, width, height) in AgendaPageBrowserTests.sizes {
            let shot = screenshots.appendingPathComponent("console-meeting-\(name).png").path
            let page = try await browser.runOffPool([
                .window(width: width, height: height), .open(meetings + agendaDate), .screenshot(shot), .axe,
            ])
            print("Screenshot of the console's meeting page at \(name) size (\(width)x\(height)): \(shot)")
            #expect(page.pageSize?.width == width, "\(name): \(String(describing: page.pageSize))")
            #expect(!page.violations.contains { $0.isSeriousOrWorse }, "\(name): \(page.violations)")
        }
        #expect(server.stop() == 0, "\(server.logText)")
    }

    /// Whether the agenda page at `path` names `titles` in this order.
    static func order(of titles: [String], at path: String, on server: Server) async throws -> Bool {
        let (body, response) = try await server.get(path)
        let page = String(decoding: body, as: UTF8.self)
        guard response.statusCode == 200 else { return false }
        let places = titles.compactMap { page.range(of: $0)?.lowerBound }
        return places.count == titles.count && places == places.sorted()
    }
}
