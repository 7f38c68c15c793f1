import Foundation
import Testing

/// `rhythm dispatch --once` against real servers on 127.0.0.1: aiosmtpd with STARTTLS and AUTH,
/// and a webhook receiver that verifies Standard Webhooks signatures.
@Suite("rhythm dispatch end to end", .serialized, .timeLimit(.minutes(5)))
struct DispatchEndToEndTests {
    /// A configuration with one daily meeting starting two hours from now in London, a
    /// reminder three hours before it by e-mail to each attendee and by webhook, and
    /// `people` attendees of whom the first wants calendar invitations.
    static func configuration(
        servers: DeliveryServers, people: Int = 2, startOffset: TimeInterval = 7200, cancelToday: Bool = false,
        refusedAttendee: Bool = false
    ) -> String {
        let zone = TimeZone(identifier: "Europe/London")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date() + startOffset)
        let startText = String(
            format: "%04d-%02d-%02dT%02d:%02d", start.year!, start.month!, start.day!, start.hour!, start.minute!)
        var ids = (1...people).map { String(format: "person-%03d", $0) }
        var peopleYAML = ids.enumerated().map { index, id in
            """
              - id: \(id)
                name: Person \(index + 1)
                email: \(id)@partners.example
            \(index == 0 ? "    invitations: true\n" : "")
            """
        }.joined()
        if refusedAttendee {
            // The test SMTP server answers 550 for this mailbox.
            ids.append("refused")
            peopleYAML += "  - id: refused\n    name: Refused Mailbox\n    email: permanent@partners.example\n"
        }
        let exception =
            cancelToday
            ? "    exceptions:\n      - cancel: \(startText.prefix(10))\n        reason: The room is flooded.\n" : ""
        return """
            initiative:
              name: Dispatch Test
              time_zone: Europe/London
              domain: dispatch.example
            people:
            \(peopleYAML)
            groups:
              - id: everyone
                name: Everyone
                kind: working-group
                members: { people: [\(ids.joined(separator: ", "))] }
            series:
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(startText)
                duration: 30m
                organizer: person-001
                attendees: { groups: [everyone] }
                rule: FREQ=DAILY
                on_holiday: ignore
            \(exception)
            \(servers.channelsYAML)
            reminders:
              - id: check-in-email
                for: meetings
                before: 3 hours
                channel: email
                to: attendees
              - id: check-in-hook
                for: meetings
                before: 3 hours
                channel: hooks
                to: attendees

            """
    }

    struct Workspace {
        let config: String
        let database: String
        let environment: [String: String]

        init(servers: DeliveryServers, yaml: String) throws {
            let directory = try RhythmProcess.temporaryDirectory()
            config = directory.appendingPathComponent("rhythm.yaml").path
            database = directory.appendingPathComponent("rhythm.sqlite").path
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            environment = servers.environment
        }

        func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
            try RhythmProcess.run(
                arguments + ["--database", database],
                environment: environment.merging(["RHYTHM_CONFIG": config]) {
                    $1
                })
        }
    }

    @Test("reminders, an invitation and a webhook go out once; a 550 is a dead letter with the reply")
    func deliversOnce() throws {
        let servers = try DeliveryServers()
        defer { servers.stop() }
        let workspace = try Workspace(
            servers: servers, yaml: Self.configuration(servers: servers, refusedAttendee: true))
        let check = try RhythmProcess.run(["check", "--config", workspace.config])
        #expect(check.status == 0, "\(check.standardError)")

        let first = try workspace.rhythm(["dispatch", "--once"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Sent 4; retrying later 0; dead 1"), "\(first.standardOutput)")

        let messages = try servers.receivedMessages().map(servers.headers(of:))
        #expect(messages.count == 3)
        let reminders = messages.filter { ($0["subject"] as? String)?.hasPrefix("Reminder: Daily check-in") == true }
        #expect(reminders.count == 2)
        for reminder in reminders {
            #expect((reminder["defects"] as? [String])?.isEmpty == true)
            #expect(reminder["autoSubmitted"] as? String == "auto-generated")
            let texts = reminder["texts"] as? [String: String] ?? [:]
            #expect(texts["text/plain"]?.contains("Daily check-in meets on") == true)
            #expect(texts["text/plain"]?.contains("(UTC+0") == true)
            #expect(texts["text/html"]?.contains("<p>") == true)
        }
        let invitation = try #require(messages.first { ($0["subject"] as? String)?.hasPrefix("Invitation") == true })
        #expect(invitation["to"] as? String == "Person 1 <person-001@partners.example>")
        #expect((invitation["tree"] as? [String])?.contains("2 text/calendar method=REQUEST") == true)
        let calendars = invitation["calendars"] as? [[String: Any]] ?? []
        #expect(calendars.first?["method"] as? String == "REQUEST")
        let events = calendars.first?["events"] as? [[String: String]] ?? []
        #expect(events.first?["uid"] == "check-in@dispatch.example")

        let hooks = try servers.receivedWebhooks()
        #expect(hooks.count == 1)
        #expect(hooks.first?["verified"] as? Bool == true)
        #expect((hooks.first?["body"] as? String)?.contains("Daily check-in") == true)

        let second = try workspace.rhythm(["dispatch", "--once"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("Sent 0;"), "\(second.standardOutput)")
        #expect(try servers.receivedMessages().count == 3)
        #expect(try servers.receivedWebhooks().count == 1)

        let list = try workspace.rhythm(["outbox", "list", "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]] ?? []
        // Today's four went out; the next meetings within the two-day horizon have theirs
        // planned, waiting (the day after tomorrow's falls outside when clocks go back).
        #expect(entries.filter { $0["status"] as? String == "sent" }.count == 4)
        #expect([4, 8].contains(entries.filter { $0["status"] as? String == "pending" }.count))
        let dead = try #require(entries.first { $0["status"] as? String == "dead" })
        #expect(dead["recipient"] as? String == "person:refused")
        let shown = try workspace.rhythm(["outbox", "show", dead["message_id"] as? String ?? ""])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("550 5.1.1 Mailbox unavailable: no such user"), "\(shown.standardOutput)")
        #expect(!list.standardOutput.contains("hook-secret-token"))
    }

    @Test("a meeting cancelled before its reminder went out: the reminder is withdrawn, invitees get a CANCEL")
    func cancellation() throws {
        let servers = try DeliveryServers()
        defer { servers.stop() }
        // Tomorrow's meeting is more than three hours away: its reminders are planned, not due.
        let workspace = try Workspace(
            servers: servers, yaml: Self.configuration(servers: servers, startOffset: 86_400 + 4 * 3600))
        let first = try workspace.rhythm(["dispatch", "--once"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Sent 1;"), "\(first.standardOutput)")

        let cancelled = Self.configuration(servers: servers, startOffset: 86_400 + 4 * 3600, cancelToday: true)
        try cancelled.write(toFile: workspace.config, atomically: true, encoding: .utf8)
        let second = try workspace.rhythm(["dispatch", "--once"])
        #expect(second.status == 0, "\(second.standardError)")
        let messages = try servers.receivedMessages().map(servers.headers(of:))
        #expect(messages.count == 3)
        let subjects = messages.compactMap { $0["subject"] as? String }
        #expect(subjects.contains("Updated invitation: Daily check-in"))
        let cancel = try #require(messages.first { ($0["subject"] as? String)?.hasPrefix("Cancelled:") == true })
        let calendars = cancel["calendars"] as? [[String: Any]] ?? []
        #expect(calendars.first?["method"] as? String == "CANCEL")
        #expect((cancel["texts"] as? [String: String])?["text/plain"]?.contains("The room is flooded.") == true)

        let withdrawn = try workspace.rhythm(["outbox", "list", "--status", "withdrawn", "--format", "json"])
        let entries =
            try JSONSerialization.jsonObject(with: Data(withdrawn.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 3)
    }

    @Test("killed with SIGKILL at random moments while 500 reminders are due, every reminder still arrives once")
    func crashes() throws {
        let servers = try DeliveryServers()
        defer { servers.stop() }
        let workspace = try Workspace(servers: servers, yaml: Self.configuration(servers: servers, people: 500))
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        // Each run is killed once the receiver holds a random number of messages more than
        // before it: mid-way by what was delivered, not by a guess at how fast delivery is.
        // The watch blocks this test's own thread and polls every millisecond: an awaited
        // sleep resumes only when the cooperative pool is free, and under the parallel suite
        // other tests can hold it for longer than a whole run takes.
        for _ in 0..<6 {
            let killAt = try servers.receivedMessages().count + Int.random(in: 5...80, using: &generator)
            let process = Process()
            process.executableURL = RhythmProcess.executable
            process.arguments = ["dispatch", "--once", "--config", workspace.config, "--database", workspace.database]
            process.environment = ProcessInfo.processInfo.environment.merging(workspace.environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            while process.isRunning, try servers.receivedMessages().count < killAt {
                usleep(1000)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        var finished = try workspace.rhythm(["dispatch", "--once"])
        for _ in 0..<5 where !finished.standardOutput.contains("retrying later 0") {
            finished = try workspace.rhythm(["dispatch", "--once"])
        }
        #expect(finished.status == 0, "\(finished.standardError)")
        #expect(kills > 0, "no run was killed mid-way; the test proved nothing")

        // 500 reminders and one invitation by e-mail; each recipient's copies share one id.
        var idsByRecipient: [String: Set<String>] = [:]
        var copies = 0
        for file in try servers.receivedMessages() {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let to = Self.header("To", in: text), let id = Self.header("Message-ID", in: text),
                let subject = Self.header("Subject", in: text), subject.hasPrefix("Reminder:")
            else { continue }
            idsByRecipient[to, default: []].insert(id)
            copies += 1
        }
        #expect(idsByRecipient.count == 500)
        #expect(idsByRecipient.values.allSatisfy { $0.count == 1 })
        #expect(copies >= 500)
        let hooks = try servers.receivedWebhooks()
        #expect(Set(hooks.compactMap { ($0["headers"] as? [String: String])?["webhook-id"] }).count == 1)

        let sent = try workspace.rhythm(["outbox", "list", "--status", "sent", "--limit", "1000", "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(sent.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 502)
    }

    /// The value of a header in a raw message (unfolded up to its first line only).
    static func header(_ name: String, in message: String) -> String? {
        for line in message.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line.isEmpty { return nil }
            if line.lowercased().hasPrefix(name.lowercased() + ":") {
                return String(line.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
