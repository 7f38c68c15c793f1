import Foundation
import RhythmMail
import Testing

@Suite struct ReceivedMessageTests {
    @Test("identifiers come without angle brackets, folded Message-ID included")
    func identifiers() throws {
        let outlook = try Fixture.outlookReply.message()
        #expect(
            outlook.messageID == "SY4PR01MB1234A5B6C7D8E9F0A1B2C3D4@SY4PR01MB1234.ausprd01.prod.outlook.example")
        #expect(outlook.inReplyTo == ["rhythm.invite.42.1765000000@collective.example.org"])
        #expect(outlook.references == ["rhythm.invite.42.1765000000@collective.example.org"])
        let gmail = try Fixture.gmailReply.message()
        #expect(gmail.messageID == "CAF=x7kQp3Lr0m9Z+fT@mail.gmail.example")
    }

    @Test("a UTF-8 subject split across Q-encoded words joins without the folding space")
    func utf8Subject() throws {
        let message = try Fixture.gmailReply.message()
        #expect(message.subject == "Invitation acceptée\u{A0}: Backbone team — monthly meeting")
    }

    @Test("ISO-8859-1 labelled subjects decode, Outlook's Windows-1252 dash included")
    func latin1Subjects() throws {
        #expect(try Fixture.outlookReply.message().subject == "Declined: Backbone team – monthly meeting")
        #expect(try Fixture.appleReply.message().subject == "Réponse provisoire\u{A0}: Backbone team")
    }

    @Test("From display names decode from B and Q encoded words")
    func fromAddresses() throws {
        #expect(
            try Fixture.gmailReply.message().from == [
                MailAddress(displayName: "Ana Pérez", address: "ana.perez@gmail.example")
            ])
        #expect(
            try Fixture.appleReply.message().from == [
                MailAddress(displayName: "Jo Müller", address: "jo@icloud.example")
            ])
    }

    @Test("To reads quoted names, groups and comments")
    func toAddresses() throws {
        #expect(
            try Fixture.outlookReply.message().to == [
                MailAddress(displayName: "Rhythm (Backbone)", address: "rhythm@collective.example.org")
            ])
        #expect(
            try Fixture.appleReply.message().to == [
                MailAddress(address: "rhythm@collective.example.org"),
                MailAddress(address: "ana.perez@gmail.example"),
                MailAddress(displayName: "nobody", address: "kiri@partner.example"),
            ])
    }

    @Test("the Date header becomes an instant, honouring its offset")
    func date() throws {
        let expected = Date(timeIntervalSince1970: 1_796_619_792)  // 2026-12-07T05:03:12Z
        #expect(try Fixture.gmailReply.message().date == expected)
    }

    @Test("nested multiparts give their leaves in document order")
    func leaves() throws {
        let message = try Fixture.gmailReply.message()
        #expect(message.parts.map(\.mediaType) == ["text/plain", "text/html", "text/calendar", "application/ics"])
        #expect(message.parts[2].contentType.parameters["method"] == "REPLY")
        #expect(message.parts[3].filename == "invite.ics")
        #expect(message.parts[3].disposition?.value == "attachment")
    }

    @Test("quoted-printable UTF-8 text decodes")
    func quotedPrintableText() throws {
        let text = try #require(try Fixture.gmailReply.message().plainText)
        #expect(text.hasPrefix("Ana Pérez has accepted this invitation."))
        #expect(text.contains("10:00 – 11:30"))
    }

    @Test("quoted-printable ISO-8859-1 text decodes Outlook's curly apostrophe")
    func latin1Text() throws {
        let text = try #require(try Fixture.outlookReply.message().plainText)
        #expect(text.hasPrefix("Sorry, I am on leave that week. I’ll send Aroha in my place."))
    }

    @Test("Google's reply gives the inline part and the invite.ics attachment")
    func gmailCalendarParts() throws {
        let parts = try Fixture.gmailReply.message().calendarParts
        #expect(parts.count == 2)
        #expect(parts[0] == parts[1])
        let text = String(decoding: try #require(parts.first), as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.contains("PARTSTAT=ACCEPTED;CN=Ana Pérez"))
    }

    @Test("Outlook's base64 calendar part decodes")
    func outlookCalendarPart() throws {
        let parts = try Fixture.outlookReply.message().calendarParts
        let text = String(decoding: try #require(parts.first), as: UTF8.self)
        #expect(parts.count == 1)
        #expect(text.contains("METHOD:REPLY\r\n"))
        #expect(text.contains("RECURRENCE-ID;TZID=Australia/Melbourne:20261208T100000\r\n"))
        #expect(text.contains("MAILTO:Kiri.Walker@partner.example"))
    }

    @Test("Apple's calendar part without method= and its RFC 2231 named .ics attachment both count")
    func appleCalendarParts() throws {
        let message = try Fixture.appleReply.message()
        let parts = message.calendarParts
        #expect(parts.count == 2)
        #expect(parts[0] == parts[1])
        #expect(String(decoding: try #require(parts.first), as: UTF8.self).contains("PARTSTAT=TENTATIVE"))
        #expect(message.parts.last?.filename == "Réponse à l'invitation.ics")
        #expect(message.parts.last?.mediaType == "application/octet-stream")
    }

    @Test("an Outlook reply wrapped in TNEF (winmail.dat) has no calendar part to read")
    func tnefHasNoCalendar() throws {
        let text = """
            From: Kiri Walker <Kiri.Walker@partner.example>\r
            Subject: Accepted: Backbone team\r
            Content-Type: multipart/mixed; boundary="tnef"\r
            \r
            --tnef\r
            Content-Type: text/plain; charset="us-ascii"\r
            \r
            \r
            --tnef\r
            Content-Type: application/ms-tnef; name="winmail.dat"\r
            Content-Disposition: attachment; filename="winmail.dat"\r
            Content-Transfer-Encoding: base64\r
            \r
            eJ8+IgEAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy\r
            --tnef--\r
            """
        let message = try ReceivedMessage(bytes: Array(text.utf8))
        #expect(message.parts.map(\.mediaType) == ["text/plain", "application/ms-tnef"])
        #expect(message.parts.last?.content.prefix(4) == [0x78, 0x9F, 0x3E, 0x22])
        #expect(message.calendarParts.isEmpty)
    }

    @Test("an embedded original message is one leaf, so a bounced invitation holds no calendar part")
    func embeddedMessageStaysWhole() throws {
        let message = try Fixture.exchangeNDR.message()
        #expect(message.calendarParts.isEmpty)
        let original = try #require(message.parts.first { $0.mediaType == "message/rfc822" })
        let embedded = try ReceivedMessage(embeddedIn: original)
        #expect(embedded.messageID == "rhythm.agenda.77.1765083700@collective.example.org")
        #expect(embedded.calendarParts.count == 1)
    }

    @Test("a message with bare LF line ends reads like the CRLF one", arguments: Fixture.allCases)
    func bareLineFeeds(fixture: Fixture) throws {
        let lf = try ReceivedMessage(bytes: try fixture.storedBytes())
        let crlf = try fixture.message()
        #expect(lf.parts.map(\.mediaType) == crlf.parts.map(\.mediaType))
        #expect(lf.subject == crlf.subject)
        #expect(lf.calendarParts.count == crlf.calendarParts.count)
    }

    @Test("a multipart cut before its closing boundary keeps the parts it has")
    func missingClosingBoundary() throws {
        let bytes = try Fixture.gmailReply.bytes()
        let text = String(decoding: bytes, as: UTF8.self)
        let cut = try #require(text.range(of: "--000000000000a1b2c3d4e5f60718--", options: .backwards))
        let message = try ReceivedMessage(bytes: Array(text[..<cut.lowerBound].utf8))
        #expect(message.parts.map(\.mediaType) == ["text/plain", "text/html", "text/calendar", "application/ics"])
        #expect(message.calendarParts.count == 2)
        #expect(message.calendarParts.first == message.calendarParts.last)
    }

    @Test("a message over the size limit is refused with a clear error")
    func sizeLimit() throws {
        let bytes = try Fixture.gmailReply.bytes()
        let error = #expect(throws: MailError.self) {
            try ReceivedMessage(bytes: bytes, limits: MailReadingLimits(maximumSize: 1000))
        }
        #expect(error?.code == .messageTooLarge)
        #expect(error?.message.contains("more than the limit of 1000") == true)
    }

    @Test("multiparts nested deeper than the limit are refused")
    func depthLimit() throws {
        var text = "Content-Type: text/plain\r\n\r\nbottom\r\n"
        for level in 0..<20 {
            text =
                "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n\(text)--b\(level)--\r\n"
        }
        let bytes = Array(("Subject: deep\r\n" + text).utf8)
        let error = #expect(throws: MailError.self) {
            try ReceivedMessage(bytes: bytes, limits: MailReadingLimits(maximumDepth: 10))
        }
        #expect(error?.code == .nestingTooDeep)
        let allowed = try ReceivedMessage(bytes: bytes, limits: MailReadingLimits(maximumDepth: 25))
        #expect(allowed.parts.first?.text == "bottom")
    }

    @Test("truncated and mutated messages never crash or throw", arguments: Fixture.allCases)
    func fuzz(fixture: Fixture) throws {
        let original = try fixture.bytes()
        var generator = SplitMix64(seed: UInt64(original.count))
        for _ in 0..<150 {
            var bytes = Array(original.prefix(Int(generator.next() % UInt64(original.count + 1))))
            for _ in 0..<Int(generator.next() % 12) where !bytes.isEmpty {
                let position = Int(generator.next() % UInt64(bytes.count))
                let interesting: [UInt8] = [0x0A, 0x0D, 0x3D, 0x3F, 0x2D, 0x22, 0x3B, 0x3C, 0xFF, 0x00]
                bytes[position] = interesting[Int(generator.next() % UInt64(interesting.count))]
            }
            #expect(throws: Never.self) {
                let message = try ReceivedMessage(bytes: bytes)
                _ = (message.subject, message.from, message.to, message.date, message.calendarParts)
                _ = message.parts.map(\.text)
                _ = DeliveryReport(message: message)
            }
        }
    }
}

/// A small seeded generator, so that the fuzz test mutates the same bytes on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
