import Foundation
import RhythmTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The organiser mailbox with the real binary and a real Dovecot: calendar replies from
/// Outlook and Google become answers, a bounce stops the reminders to an address, and the
/// mailbox is left tidy for the people who share it.
@Suite("organiser mailbox end to end", .serialized, .timeLimit(.minutes(4)))
struct InboxEndToEndTests {
    let directory: URL
    let config: String
    let database: String
    let passwordFile: String
    let port = LoopbackPort.free()
    /// The daily check-in's first meeting, two hours from now, as a local date-time in London.
    let checkInStart: String

    init() throws {
        directory = try RhythmProcess.temporaryDirectory()
        config = directory.appendingPathComponent("rhythm.yaml").path
        database = directory.appendingPathComponent("rhythm.sqlite").path
        passwordFile = directory.appendingPathComponent("imap-password").path
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date() + 7200)
        checkInStart = String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    func configure(_ server: IMAPTestServer, password: String, reminders: [(String, String)]) throws {
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let rules = reminders.map { id, before in
            "  - { id: \(id), for: meetings, series: [check-in], before: \(before), channel: email, to: attendees }\n"
        }.joined()
        let yaml = """
            initiative: { name: Inbox Test, time_zone: Europe/London, domain: inbox.example }
            service: { listen: "127.0.0.1:\(port)" }
            people:
              - { id: ann, name: Ann Lee, email: ann@partners.example }
              - { id: mei-lin, name: Mei Lin, email: mei.lin@example.org }
            series:
              - id: steering
                title: Steering group
                kind: team
                start: 2027-03-02T10:00
                duration: 1h
                attendees: { people: [ann, mei-lin] }
                rule: FREQ=WEEKLY;BYDAY=TU
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(checkInStart)
                duration: 30m
                attendees: { people: [ann, mei-lin] }
                rule: FREQ=DAILY
                on_holiday: ignore
            channels:
              - id: email
                type: email
                from: Backbone <backbone@inbox.example>
                inbound:
                  url: \(server.serverURL())/INBOX
                  username: \(server.username)
                  password_file: \(passwordFile)
                  ca_file: \(server.certificate.path)
                  poll_every: 30s
            reminders:
            \(rules.isEmpty ? "  []\n" : rules)
            """
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func rhythm(_ arguments: [String]) async throws -> RhythmProcess.Result {
        try await RhythmProcess.runOffPool(arguments + ["--config", config, "--database", database])
    }

    func answers(person: String) async throws -> [[String: Any]] {
        let listed = try await rhythm([
            "attendance", "list", "--series", "steering", "--person", person, "--format", "json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [String: Any]
        return object?["answers"] as? [[String: Any]] ?? []
    }

    @Test(
        "Outlook and Google replies count, a stranger and other mail change nothing, and renumbering applies nothing twice"
    )
    func repliesThroughInboxOnce() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        try configure(server, password: server.password, reminders: [])
        try await server.deliver(
            InboxMessages.outlookReply(from: "ann@partners.example", occurrence: "20270330T100000"))
        try await server.deliver(
            InboxMessages.googleReply(
                from: "mei.lin@example.org", partstat: "DECLINED", comment: "On leave until the autumn"))
        try await server.deliver(
            InboxMessages.outlookReply(from: "stranger@elsewhere.example", occurrence: "20270309T100000"))
        try await server.deliver(InboxMessages.unrelated)

        let first = try await rhythm(["inbox", "--once"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("email: 3 messages handled and moved, 1 left for people."))

        let ann = try await answers(person: "ann")
        #expect(ann.map { $0["occurrence_date"] as? String } == ["2027-03-30"], "\(ann)")
        #expect(ann.first?["response"] as? String == "attending")
        #expect(ann.first?["answered_by"] as? String == "person:ann (calendar)")
        let mei = try await answers(person: "mei-lin")
        #expect(mei.count >= 40, "the whole series is answered: \(mei.count)")
        #expect(mei.allSatisfy { $0["response"] as? String == "apologies" })
        #expect(mei.allSatisfy { $0["note"] as? String == "On leave until the autumn" })
        let agenda = try await rhythm(["agenda", "show", "steering", "--date", "2027-03-16"])
        #expect(agenda.standardOutput.contains("Mei Lin"), "\(agenda.standardOutput)")
        #expect(agenda.standardOutput.contains("On leave until the autumn"), "\(agenda.standardOutput)")
        let audit = try await rhythm(["audit", "--entity", "attendance", "--limit", "200"])
        #expect(!audit.standardOutput.contains("stranger"))

        var folders = try await server.folders()
        #expect(folders["INBOX"]?.map(\.subject) == ["Lunch on Friday?"])
        #expect(folders["INBOX"]?.first?.isSeen == false)
        #expect(folders["Rhythm/Processed"]?.count == 3)
        #expect(folders["Rhythm/Processed"]?.allSatisfy(\.isSeen) == true)

        let second = try await rhythm(["inbox", "--once"])
        #expect(second.standardOutput.contains("email: 0 messages handled and moved, 0 left for people."))

        // The server rebuilds its index: every UID changes. A new reply is read, the old
        // mail is not read again, and nothing already applied changes.
        let status = try await server.folders()
        #expect(status["INBOX"]?.count == 1)
        try await server.renumber(uidValidity: 4_000_000)
        try await server.deliver(
            InboxMessages.outlookReply(
                from: "ann@partners.example", occurrence: "20270406T100000", partstat: "TENTATIVE"))
        let renumbered = try await rhythm(["inbox", "--once"])
        #expect(renumbered.status == 0, "\(renumbered.standardError)")
        // The unrelated message arrived minutes before the last read, within the margin
        // left for the server's clock, so it is offered again (and left alone again).
        #expect(
            renumbered.standardOutput.contains("email: 1 message handled and moved, 1 left for people"),
            "\(renumbered.standardOutput)")
        #expect(renumbered.standardOutput.contains("renumbered"))
        #expect(try await answers(person: "ann").map { $0["response"] as? String } == ["attending", "tentative"])
        folders = try await server.folders()
        #expect(folders["INBOX"]?.map(\.subject) == ["Lunch on Friday?"])
        #expect(folders["INBOX"]?.first?.isSeen == false)
        #expect(folders["Rhythm/Processed"]?.count == 4)
    }

    @Test("a wrong password holds the inbox and /readyz says so; after a reload a bounce stops the next reminder")
    func serveHoldsThenReadsBounce() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        try configure(server, password: "not-the-password", reminders: [("first-call", "3 hours")])
        let dispatched = try await rhythm(["dispatch", "--once"])
        #expect(dispatched.status == 0, "\(dispatched.standardError)")
        let sent = try InboxMessages.maildirMessages(in: directory.appendingPathComponent("maildir/new"))
        let toMei = try #require(sent.first { $0.contains("mei.lin@example.org") })
        let messageID = try #require(DispatchEndToEndTests.header("Message-ID", in: toMei))

        let serve = Process()
        serve.executableURL = RhythmProcess.executable
        serve.arguments = ["serve", "--config", config, "--database", database]
        let log = Pipe()
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = log
        try serve.run()
        defer {
            if serve.isRunning {
                serve.terminate()
                serve.waitUntilExit()
            }
        }
        let held = try await readyz(until: { $0.contains("held for an operator") })
        #expect(held.status == 503, "\(held.body)")
        let heldStatus = try await rhythm(["status"])
        #expect(heldStatus.standardOutput.contains("Organiser mailbox of email: held for an operator since "))
        #expect(!held.body.contains("not-the-password"))

        try await server.deliver(InboxMessages.deliveryStatus(for: messageID, recipient: "mei.lin@example.org"))
        try server.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        kill(serve.processIdentifier, SIGHUP)
        let warned = try await readyz(until: { $0.contains("warning: mei.lin@example.org bounces since ") })
        #expect(warned.status == 200, "\(warned.body)")
        #expect(try await server.folders()["Rhythm/Processed"]?.count == 1)
        serve.terminate()
        serve.waitUntilExit()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!output.contains("not-the-password"))
        #expect(!output.contains(server.password))

        try configure(
            server, password: server.password, reminders: [("first-call", "3 hours"), ("second-call", "150 minutes")])
        #expect(try await rhythm(["dispatch", "--once"]).status == 0)
        let after = try InboxMessages.maildirMessages(in: directory.appendingPathComponent("maildir/new"))
        #expect(after.filter { $0.contains("mei.lin@example.org") }.count == 1)
        let skipped = try await rhythm(["outbox", "list", "--status", "skipped", "--format", "json"])
        #expect(skipped.standardOutput.contains("not sent: mei.lin@example.org bounces since"))
        let status = try await rhythm(["status"])
        #expect(status.standardOutput.contains("Bouncing: Mei Lin (mei-lin)"), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("Organiser mailbox of email: last read "), "\(status.standardOutput)")
    }

    @Test("rhythm inbox --once exits 78 for a refused login and 75 for a server that is not there")
    func onceExitStatuses() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        try configure(server, password: "not-the-password", reminders: [])
        let refused = try await rhythm(["inbox", "--once"])
        #expect(refused.status == 78, "\(refused.standardOutput) \(refused.standardError)")
        #expect(refused.standardOutput.contains("email: held for an operator: "))
        #expect(!(refused.standardOutput + refused.standardError).contains("not-the-password"))

        try configure(server, password: server.password, reminders: [])
        let released = try await rhythm(["inbox", "--once"])
        #expect(released.status == 0, "\(released.standardOutput) \(released.standardError)")
        #expect(try await rhythm(["status"]).standardOutput.contains("Organiser mailbox of email: last read "))

        // While another reader (the service) holds the inbox lock, a second one waits its turn.
        let busy = try await RhythmProcess.runOffPool(
            [
                database + ".inbox-lock", RhythmProcess.executable.path, "inbox", "--once", "--config", config,
                "--database", database,
            ], executable: URL(fileURLWithPath: "/usr/bin/flock"))
        #expect(busy.status == 75, "\(busy.standardOutput) \(busy.standardError)")
        #expect(busy.standardError.contains("the running service is reading the organiser mailboxes"))

        try await server.stopAndWait()
        let unreachable = try await rhythm(["inbox", "--once"])
        #expect(unreachable.status == 75, "\(unreachable.standardOutput) \(unreachable.standardError)")
        #expect(unreachable.standardOutput.contains("email: not read: "))
        let status = try await rhythm(["status"]).standardOutput
        #expect(status.contains("Organiser mailbox of email: 1 failed read in a row"), "\(status)")
        #expect(status.contains("next try "))
    }

    /// Polls `/readyz` until its body satisfies `condition` (or 60 seconds pass).
    func readyz(until condition: (String) -> Bool) async throws -> (status: Int, body: String) {
        var last: (status: Int, body: String) = (0, "")
        for _ in 0..<300 {
            if let (data, response) = try? await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
            {
                last = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                if condition(last.body) { return last }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }
}

/// Messages as calendar clients and mail servers write them (RFC 5546/6047, RFC 3464 and
/// the forms in ICALENDAR-NOTES.md section G).
enum InboxMessages {
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Outlook: a base64 `text/calendar; method=REPLY` beside a short text, Windows zone names,
    /// MAILTO in capitals, one occurrence named by RECURRENCE-ID.
    static func outlookReply(from address: String, occurrence: String, partstat: String = "ACCEPTED") -> String {
        let calendar = crlf(
            """
            BEGIN:VCALENDAR
            METHOD:REPLY
            PRODID:Microsoft Exchange Server 2010
            VERSION:2.0
            BEGIN:VTIMEZONE
            TZID:GMT Standard Time
            BEGIN:STANDARD
            DTSTART:16010101T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0000
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:16010101T010000
            TZOFFSETFROM:+0000
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
            END:DAYLIGHT
            END:VTIMEZONE
            BEGIN:VEVENT
            ATTENDEE;PARTSTAT=\(partstat);CN=Replying Person:MAILTO:\(address.uppercased())
            SUMMARY;LANGUAGE=en-GB:Accepted: Steering group
            RECURRENCE-ID;TZID=GMT Standard Time:\(occurrence)
            DTSTART;TZID=GMT Standard Time:\(occurrence)
            DTEND;TZID=GMT Standard Time:\(occurrence.prefix(9))110000
            UID:steering@inbox.example
            SEQUENCE:0
            DTSTAMP:\(stamp())
            END:VEVENT
            END:VCALENDAR

            """)
        let encoded = Data(calendar.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return crlf(
            """
            From: Replying Person <\(address)>
            To: Backbone <backbone@inbox.example>
            Subject: Accepted: Steering group
            Date: Mon, 7 Dec 2026 12:00:00 +0000
            Message-ID: <\(UUID().uuidString)@outlook.example>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="_000_AM0PR_"

            --_000_AM0PR_
            Content-Type: text/plain; charset="us-ascii"

            --_000_AM0PR_
            Content-Type: text/calendar; charset="utf-8"; method=REPLY
            Content-Transfer-Encoding: base64

            \(encoded)
            --_000_AM0PR_--

            """)
    }

    /// Google: the reply inline with `method=REPLY` and again as `invite.ics`, for the whole
    /// series (no RECURRENCE-ID), with the attendee's comment.
    static func googleReply(from address: String, partstat: String, comment: String) -> String {
        let calendar = crlf(
            """
            BEGIN:VCALENDAR
            PRODID:-//Google Inc//Google Calendar 70.9054//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:REPLY
            BEGIN:VEVENT
            DTSTART;TZID=Europe/London:20270302T100000
            DTEND;TZID=Europe/London:20270302T110000
            RRULE:FREQ=WEEKLY;BYDAY=TU
            DTSTAMP:\(stamp())
            ORGANIZER;CN=Backbone:mailto:backbone@inbox.example
            UID:steering@inbox.example
            ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=\(partstat);CN=Mei
              Lin;X-NUM-GUESTS=0:mailto:\(address)
            COMMENT:\(comment)
            SEQUENCE:0
            STATUS:CONFIRMED
            SUMMARY:Steering group
            END:VEVENT
            END:VCALENDAR

            """)
        return crlf(
            """
            From: Mei Lin <\(address)>
            To: backbone@inbox.example
            Subject: Invitation: Steering group - Declined
            Date: Mon, 7 Dec 2026 12:00:05 +0000
            Message-ID: <calendar-\(UUID().uuidString)@google.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="0000mixed"

            --0000mixed
            Content-Type: multipart/alternative; boundary="0000alt"

            --0000alt
            Content-Type: text/plain; charset="UTF-8"

            Mei Lin has declined this invitation.

            --0000alt
            Content-Type: text/calendar; charset="UTF-8"; method=REPLY
            Content-Transfer-Encoding: 7bit

            \(calendar)
            --0000alt--

            --0000mixed
            Content-Type: application/ics; name="invite.ics"
            Content-Disposition: attachment; filename="invite.ics"
            Content-Transfer-Encoding: base64

            \(Data(calendar.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))
            --0000mixed--

            """)
    }

    static let unrelated = crlf(
        """
        From: Sam <sam@partners.example>
        To: backbone@inbox.example
        Subject: Lunch on Friday?
        Date: Mon, 7 Dec 2026 12:01:00 +0000
        Message-ID: <lunch-\(UUID().uuidString)@partners.example>

        Shall we try the new place?

        """)

    /// A Postfix-style RFC 3464 report returning the headers of the message `messageID`.
    static func deliveryStatus(for messageID: String, recipient: String) -> String {
        crlf(
            """
            From: MAILER-DAEMON@mail.inbox.example (Mail Delivery System)
            To: backbone@inbox.example
            Subject: Undelivered Mail Returned to Sender
            Date: Mon, 7 Dec 2026 12:02:00 +0000
            Message-ID: <bounce-\(UUID().uuidString)@mail.inbox.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: text/plain; charset=us-ascii

            I'm sorry to have to inform you that your message could not be delivered.

            --BOUNDARY
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.inbox.example

            Final-Recipient: rfc822; \(recipient)
            Original-Recipient: rfc822;\(recipient)
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <\(recipient)>: Recipient address rejected: User unknown

            --BOUNDARY
            Content-Type: text/rfc822-headers

            From: Backbone <backbone@inbox.example>
            To: Mei Lin <\(recipient)>
            Subject: Daily check-in
            Message-ID: \(messageID)

            --BOUNDARY--

            """)
    }

    /// Now, as a DTSTAMP.
    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }

    static func maildirMessages(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).map {
            try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
