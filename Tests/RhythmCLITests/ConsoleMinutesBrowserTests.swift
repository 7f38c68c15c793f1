import Foundation
import Testing

/// The console's minutes page in a real browser against `rhythm serve`: a minute-taker signs
/// in, records attendance, a decision and an action for a past meeting and publishes; every
/// attendee gets the minutes by e-mail, the decision enters the log and the action the next
/// agenda.
@Suite("console minutes in a browser", .serialized, .timeLimit(.minutes(10)))
struct ConsoleMinutesBrowserTests {
    typealias Server = ServeEndToEndTests.Server

    static let series = "attendance-wg"
    /// The series' attendees, by their addresses in the example configuration.
    static let attendees = [
        "sam.ibrahim@northgate-sc.vic.edu.au", "jordan@riversideyouth.org.au", "aroha.walker@kinfolkhealth.org.au",
        "ethan.b@youthvoices.org.au", "tom.whitfield@brightwater-futures.org.au",
    ]

    /// The original date of the last meeting of the series held before today.
    static func lastMeeting(on server: Server) async throws -> String {
        let day: TimeInterval = 86_400
        let format = { (date: Date) in String(ISO8601DateFormatter().string(from: date).prefix(10)) }
        let listed = try await RhythmProcess.runOffPool(
            [
                "upcoming", "--series", series, "--from", format(Date() - 35 * day), "--until",
                format(Date() - 2 * day), "--format", "json", "--config", server.config,
            ], environment: server.environment)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [String: Any],
            "\(listed.standardError)")
        let held = (json["occurrences"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "scheduled" }
        let start = try #require(held.last?["original_start"] as? String, "\(listed.standardOutput)")
        return String(start.prefix(10))
    }

    @Test("minutes recorded and published in the browser reach every attendee, the decision log and the next agenda")
    func recordAndPublish() async throws {
        let server = try Server()
        defer { _ = server.stop() }
        try await server.waitUntilReady()
        let date = try await Self.lastMeeting(on: server)
        let issued = try await RhythmProcess.runOffPool(
            ["console", "link", "tom-whitfield", "--base-url", server.base, "--config", server.config],
            environment: server.environment)
        #expect(issued.status == 0, "\(issued.standardError)")
        let link = issued.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let minutes = "\(server.base)/console/meetings/\(Self.series)/\(date)/minutes"

        let browser = try Browser()
        defer { browser.close() }
        let signedIn = try await browser.runOffPool([
            .window(width: 390, height: 844), .open(link), .click("Sign in"), .text,
        ])
        #expect(signedIn.text.contains("Signed in as Tom Whitfield"), "\(signedIn.text)")

        let published = try await browser.runOffPool([
            .open(minutes),
            .choose("Present", within: "Tom Whitfield"),
            .choose("Present", within: "Jordan Kelly"),
            .choose("Apologies", within: "Sam Ibrahim"),
            .fill(label: "Note", text: "At the principals' day", within: "Sam Ibrahim"),
            .choose("Absent", within: "Ethan Brooks"),
            .fill(label: "Notes that belong to no single item", text: "Term 4 figures are in."),
            .fill(
                label: "What was decided", text: "Share the term 4 figures with every school", within: "New decision 1"),
            .fill(label: "What is to be done", text: "Send the figures to the principals", within: "New action 1"),
            .choose("Aroha Walker", in: "Owner", within: "New action 1"),
            .fill(label: "Due", text: "2099-02-01", within: "New action 1"),
            .click("Save draft"),
            .click("Publish minutes"),
            .text,
        ])
        #expect(published.text.contains("Published: 5 e-mails on their way."), "\(published.text)")
        #expect(published.text.contains("D1. Share the term 4 figures with every school"), "\(published.text)")

        let screenshots = try RhythmProcess.temporaryDirectory()
        for (name, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
            let shot = screenshots.appendingPathComponent("console-minutes-\(name).png").path
            let page = try await browser.runOffPool([
                .window(width: width, height: height), .open(minutes), .screenshot(shot), .axe,
            ])
            print("Screenshot of the console's minutes page at \(name) size (\(width)x\(height)): \(shot)")
            #expect(page.pageSize?.width == width, "\(name): \(String(describing: page.pageSize))")
            let barriers = page.violations.filter(\.isSeriousOrWorse)
            #expect(barriers.isEmpty, "\(name): \(barriers)")
        }

        // The running service sends the minutes at once: one e-mail to each attendee.
        let maildir = URL(fileURLWithPath: try #require(server.environment["RHYTHM_DATABASE"]))
            .deletingLastPathComponent().appendingPathComponent("maildir/new").path
        var recipients: Set<String> = []
        try await server.eventually("the minutes are in the Maildir for every attendee") {
            recipients = []
            for file in (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? [] {
                let message = AnswerLinksEndToEndTests.decoded(
                    try String(contentsOfFile: "\(maildir)/\(file)", encoding: .utf8))
                guard message.contains("Subject: Minutes: School Attendance Working Group check-in"),
                    message.contains("Share the term 4 figures")
                else { continue }
                for address in Self.attendees where message.contains("To: ") && message.contains(address) {
                    recipients.insert(address)
                }
            }
            return recipients.count == Self.attendees.count
        }
        #expect(recipients == Set(Self.attendees))

        let decisions = try await RhythmProcess.runOffPool(
            ["decisions", Self.series, "--config", server.config], environment: server.environment)
        #expect(decisions.standardOutput.contains("D1"), "\(decisions.standardOutput)")
        #expect(decisions.standardOutput.contains("Share the term 4 figures with every school"))
        let agenda = try await RhythmProcess.runOffPool(
            ["agenda", "show", Self.series, "--next", "--config", server.config], environment: server.environment)
        #expect(agenda.standardOutput.contains("Send the figures to the principals"), "\(agenda.standardOutput)")
    }
}
