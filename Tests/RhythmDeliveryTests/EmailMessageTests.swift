import Foundation
import Testing

@testable import RhythmDelivery

@Suite("Composing an e-mail")
struct EmailMessageTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Compares with a golden file; `RHYTHM_REGENERATE_GOLDEN=1 swift test` rewrites it.
    private func expectGolden(_ bytes: [UInt8], _ name: String) throws {
        let file = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RHYTHM_REGENERATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: file)
        }
        let golden = try Data(contentsOf: file)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
    }

    @Test("a reminder matches its golden bytes")
    func goldenReminder() throws {
        try expectGolden(try MessageFixtures.message().build(), "reminder.eml")
    }

    @Test("an invitation matches its golden bytes")
    func goldenInvitation() throws {
        try expectGolden(try MessageFixtures.message(calendar: MessageFixtures.invitation).build(), "invitation.eml")
    }

    @Test("Python's email package reads the headers, the parts and the calendar back")
    func parsedByPython() throws {
        let message = try MessageFixtures.message(
            subject: "Réunion du comité 🎉 — ordre du jour",
            calendar: MessageFixtures.invitation
        )
        let parsed = try MessageFixtures.parseWithPython(try message.build())
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == "Réunion du comité 🎉 — ordre du jour")
        #expect(parsed.from == "Thriving Futures Backbone <backbone@thriving.example>")
        #expect(parsed.to == "Amélie Dupré <ok@partners.example>")
        #expect(parsed.messageID == message.messageID)
        #expect(parsed.autoSubmitted == "auto-generated")
        #expect(
            parsed.tree == [
                "0 multipart/mixed", "1 multipart/alternative", "2 text/plain", "2 text/html",
                "2 text/calendar method=REQUEST", "1 application/ics",
            ]
        )
        #expect(parsed.texts["text/plain"] == message.text)
        #expect(parsed.texts["text/html"] == message.html)
        #expect(parsed.calendars.count == 2)
        #expect(
            parsed.calendars.allSatisfy {
                $0.method == "REQUEST" && $0.events.first?.uid == "steering@thriving.example"
            })
        #expect(parsed.attachments.first?.filename == "invite.ics")
    }

    @Test(
        "non-ASCII subjects are encoded words that decode back, with short lines",
        arguments: [
            "Réunion: ordre du jour",
            "🎉🎉 Celebration 👨‍👩‍👧‍👦 and 🇫🇷",
            String(repeating: "Überprüfung der Indikatoren ", count: 8).trimmingSpaces,
            "日本語の件名です、長いテキストの場合も正しく分割されることを確認します。日本語の件名です",
            "Looks =?like?= an encoded word",
        ]
    )
    func encodedSubjects(subject: String) throws {
        let bytes = try MessageFixtures.message(subject: subject).build()
        let parsed = try MessageFixtures.parseWithPython(bytes)
        #expect(parsed.subject == subject)
        let text = String(decoding: bytes, as: UTF8.self)
        let headerBlock = text[..<text.range(of: "\r\n\r\n")!.lowerBound]
        #expect(headerBlock.utf8.allSatisfy { $0 < 128 })
        for line in headerBlock.split(separator: "\r\n") {
            // RFC 2047 words are at most 75 characters; the first line also carries "Subject: ".
            #expect(line.utf8.count <= 9 + 75, "header line too long: \(line)")
        }
    }

    @Test("a long ASCII subject is folded at spaces and unfolds to the same text")
    func foldedASCIISubject() throws {
        let subject = String(repeating: "Data due for the quarterly review of indicators ", count: 5).trimmingSpaces
        let bytes = try MessageFixtures.message(subject: subject).build()
        #expect(try MessageFixtures.parseWithPython(bytes).subject == subject)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Subject: Data due for"))
    }

    @Test("the Message-ID comes from the delivery key: a retry carries the same id")
    func messageID() throws {
        let first = try MessageFixtures.message(key: "k1")
        let retry = try MessageFixtures.message(subject: "changed", key: "k1")
        let other = try MessageFixtures.message(key: "k2")
        #expect(first.messageID == retry.messageID)
        #expect(first.messageID != other.messageID)
        #expect(first.messageID.hasPrefix("<") && first.messageID.hasSuffix("@thriving.example>"))
        #expect(first.messageID.count == 32 + "<@thriving.example>".count)
    }

    @Test("no line is longer than 998 octets, whatever the body holds")
    func lineLengths() throws {
        var message = try MessageFixtures.message()
        message.text = String(repeating: "a", count: 5000) + "\n" + String(repeating: "é", count: 3000) + " \n"
        message.html = "<p>" + String(repeating: "x =", count: 2000) + "</p>"
        let bytes = try message.build()
        for line in MessageFixtures.lines(bytes) {
            #expect(line.count <= 78)
        }
        let parsed = try MessageFixtures.parseWithPython(bytes)
        #expect(parsed.texts["text/plain"] == message.text)
        #expect(parsed.texts["text/html"] == message.html + "\n")
    }

    static let injections = ["Hi\r\nBcc: victim@example.org", "Hi\nBcc: victim@example.org", "Hi\rX: y", "\r\n"]

    @Test("a line break in the subject is refused", arguments: injections)
    func subjectInjection(value: String) throws {
        let message = try MessageFixtures.message(subject: value)
        #expect(throws: DeliveryError.self) { try message.build() }
        do {
            _ = try message.build()
        } catch {
            #expect(error.code == .headerInjection)
        }
    }

    @Test("a line break in an address or display name is refused", arguments: injections)
    func addressInjection(value: String) throws {
        let attempts: [() throws -> EmailAddress] = [
            { try EmailAddress("a@example.org", displayName: value) },
            { try EmailAddress("a\(value)@example.org") },
            { try EmailAddress(parsing: "Name \(value) <a@example.org>") },
            { try EmailAddress(parsing: "a@example.org\(value)") },
        ]
        for attempt in attempts {
            #expect(throws: DeliveryError.self) { try attempt() }
            #expect((try? attempt()) == nil)
            do {
                _ = try attempt()
            } catch let error as DeliveryError {
                #expect(error.code == .headerInjection)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("a line break in the attachment name is refused")
    func attachmentNameInjection() throws {
        var invitation = MessageFixtures.invitation
        invitation.filename = "invite.ics\r\nX: y"
        let message = try MessageFixtures.message(calendar: invitation)
        #expect(throws: DeliveryError.self) { try message.build() }
    }

    @Test(
        "addresses are checked",
        arguments: [
            ("ok@example.org", true), ("first.last+tag@sub.example.org", true), ("no-at-sign", false),
            ("@example.org", false), ("a@", false), ("a@localhost", false), ("a b@example.org", false),
            ("a@exa_mple.org", false), ("a..b@example.org", false), ("<a@example.org>", false),
            ("a@example.org>\r\nRCPT TO:<b@example.org", false), ("ü@example.org", false),
        ]
    )
    func addressValidation(address: String, valid: Bool) {
        #expect(((try? EmailAddress(address)) != nil) == valid)
    }

    @Test("configuration spellings of From parse")
    func parsingAddresses() throws {
        let address = try EmailAddress(parsing: "Thriving Futures Backbone <backbone@thriving.example>")
        #expect(address.displayName == "Thriving Futures Backbone")
        #expect(address.address == "backbone@thriving.example")
        let quoted = try EmailAddress(parsing: "\"Backbone, Team\" <b@thriving.example>")
        #expect(quoted.displayName == "Backbone, Team")
        #expect(quoted.headerValue == "\"Backbone, Team\" <b@thriving.example>")
        #expect(try EmailAddress(parsing: " b@thriving.example ").displayName == nil)
    }

    @Test("the Date header is RFC 5322 in UTC")
    func date() {
        #expect(EmailMessage.rfc5322Date(MessageFixtures.date) == "Tue, 24 Nov 2026 09:30:00 +0000")
    }
}
