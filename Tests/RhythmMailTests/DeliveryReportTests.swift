import RhythmMail
import Testing

@Suite struct DeliveryReportTests {
    @Test("a Postfix DSN gives the recipient, the status and the original Message-ID from its headers")
    func postfix() throws {
        let report = try #require(DeliveryReport(message: try Fixture.postfixDSN.message()))
        #expect(report.form == .standard)
        #expect(report.reportingMTA == "mail.collective.example.org")
        #expect(report.originalMessageID == "rhythm.reminder.311.1765083601@collective.example.org")
        let recipient = try #require(report.recipients.first)
        #expect(report.recipients.count == 1)
        #expect(recipient.finalRecipient == "sam@nowhere.example")
        #expect(recipient.originalRecipient == "sam@nowhere.example")
        #expect(recipient.action == "failed")
        #expect(recipient.status == DeliveryStatusCode(statusClass: 5, subject: 1, detail: 1))
        #expect(
            recipient.diagnosticCode
                == "550 5.1.1 <sam@nowhere.example>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(recipient.outcome == .permanentFailure)
    }

    @Test("an Exchange NDR keeps the original recipient's spelling and a three-digit detail")
    func exchange() throws {
        let report = try #require(DeliveryReport(message: try Fixture.exchangeNDR.message()))
        #expect(report.originalMessageID == "rhythm.agenda.77.1765083700@collective.example.org")
        let recipient = try #require(report.recipients.first)
        #expect(recipient.recipient == "Former.Member@partner.example")
        #expect(recipient.finalRecipient == "former.member@partner.example")
        #expect(recipient.status?.description == "5.1.10")
        #expect(recipient.diagnosticCode?.hasPrefix("550 5.1.10 RESOLVER.ADR.RecipientNotFound") == true)
        #expect(recipient.outcome == .permanentFailure)
    }

    @Test("a Gmail delay notice tells a delayed recipient from a temporary failure")
    func gmailDelay() throws {
        let report = try #require(DeliveryReport(message: try Fixture.gmailDSN.message()))
        #expect(report.originalMessageID == "rhythm.reminder.312.1765083601@collective.example.org")
        #expect(report.recipients.map(\.finalRecipient) == ["lee@slow.example", "nadia@full.example"])
        #expect(report.recipients.map(\.outcome) == [.delayed, .temporaryFailure])
        #expect(report.recipients.map(\.status?.description) == ["4.4.1", "4.2.2"])
    }

    @Test("a plain-text qmail bounce gives each recipient with its code and the quoted Message-ID")
    func qmail() throws {
        let report = try #require(DeliveryReport(message: try Fixture.qmailBounce.message()))
        #expect(report.form == .plainText)
        #expect(report.originalMessageID == "rhythm.reminder.313.1765083601@collective.example.org")
        #expect(report.recipients.map(\.finalRecipient) == ["pat@oldhost.example", "chris@oldhost.example"])
        #expect(report.recipients.map(\.status?.description) == ["5.1.1", "5.1.1"])
        #expect(report.recipients.allSatisfy { $0.outcome == .permanentFailure })
        #expect(
            report.recipients.first?.diagnosticCode?.contains("550 5.1.1 <pat@oldhost.example>... User unknown") == true
        )
    }

    @Test("a plain-text bounce with only a basic SMTP reply takes its class")
    func basicReplyCode() throws {
        let text = """
            From: Mail Delivery System <Mailer-Daemon@relay.example>\r
            Subject: Mail delivery failed: returning message to sender\r
            \r
            This message was created automatically by mail delivery software.\r
            \r
            A message that you sent could not be delivered to one or more of its\r
            recipients. This is a temporary error. The following address(es) deferred:\r
            \r
              dana@busy.example\r
                host mx.busy.example [192.0.2.8]: 451 Greylisted, try again later\r
            \r
            ------ This is a copy of the message, including all the headers. ------\r
            Message-Id: <rhythm.reminder.314.1765083601@collective.example.org>\r
            """
        let report = try #require(DeliveryReport(message: try ReceivedMessage(bytes: Array(text.utf8))))
        #expect(report.recipients.map(\.finalRecipient) == ["dana@busy.example"])
        #expect(report.recipients.first?.status == DeliveryStatusCode(statusClass: 4, subject: 0, detail: 0))
        #expect(report.recipients.first?.outcome == .temporaryFailure)
        #expect(report.originalMessageID == "rhythm.reminder.314.1765083601@collective.example.org")
    }

    @Test(
        "replies and ordinary mail are not delivery reports",
        arguments: [Fixture.gmailReply, .outlookReply, .appleReply])
    func notReports(fixture: Fixture) throws {
        #expect(DeliveryReport(message: try fixture.message()) == nil)
    }

    @Test(
        "status codes are found in their usual surroundings",
        arguments: [
            ("5.1.1", "5.1.1"), ("5.1.1 (bad destination mailbox address)", "5.1.1"),
            ("smtp; 550 5.7.1 denied", "5.7.1"),
            ("(#4.4.1)", "4.4.1"), ("2.0.0", "2.0.0"),
        ])
    func statusCodes(text: String, expected: String) {
        #expect(DeliveryStatusCode(searching: text)?.description == expected)
    }

    @Test(
        "addresses, dates and classes other than 2, 4, 5 are not status codes",
        arguments: ["203.0.113.5", "07.12.2026", "3.1.1", "550"])
    func notStatusCodes(text: String) {
        #expect(DeliveryStatusCode(searching: text) == nil)
    }

    @Test(
        "outcome follows Action first, then the status class",
        arguments: [
            ("failed", "5.1.1", DeliveryRecipientStatus.Outcome.permanentFailure),
            ("failed", "4.2.2", .temporaryFailure),
            ("delayed", "4.4.1", .delayed), ("delivered", "2.0.0", .delivered), ("relayed", "2.0.0", .delivered),
            (nil, "5.2.2", .permanentFailure), (nil, "4.3.0", .temporaryFailure),
        ] as [(String?, String, DeliveryRecipientStatus.Outcome)])
    func outcomes(action: String?, status: String, expected: DeliveryRecipientStatus.Outcome) {
        let recipient = DeliveryRecipientStatus(
            finalRecipient: "x@example.org", action: action, status: DeliveryStatusCode(searching: status))
        #expect(recipient.outcome == expected)
    }
}
