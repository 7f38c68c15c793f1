import Foundation

@testable import RhythmDelivery

/// Messages and helpers shared by the composition and SMTP tests.
enum MessageFixtures {
    /// 2026-11-24T09:30:00Z.
    static let date = Date(timeIntervalSince1970: 1_795_512_600)

    static func message(
        to: String = "ok@partners.example",
        subject: String = "Agenda: Steering Committee, Thursday 3 December",
        calendar: CalendarAttachment? = nil,
        key: String = "rule:agenda|occurrence:steering-2026-12-03|ok@partners.example|email"
    ) throws -> EmailMessage {
        EmailMessage(
            from: try EmailAddress("backbone@thriving.example", displayName: "Thriving Futures Backbone"),
            to: [try EmailAddress(to, displayName: "Amélie Dupré")],
            subject: subject,
            text: "Hello Amélie,\n\nThe Steering Committee meets on Thursday at 14:00.\n.\nSee you there.\n",
            html: "<p>Hello Amélie,</p>\n<p>The Steering Committee meets on <b>Thursday</b> at 14:00.</p>\n",
            calendar: calendar,
            deliveryKey: key,
            date: date
        )
    }

    static let invitation = CalendarAttachment(
        method: .request,
        content: Array(
            """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Rhythm//Tests//EN\r
            METHOD:REQUEST\r
            BEGIN:VEVENT\r
            UID:steering@thriving.example\r
            SEQUENCE:1\r
            DTSTAMP:20261124T093000Z\r
            DTSTART:20261203T140000Z\r
            DTEND:20261203T153000Z\r
            SUMMARY:Steering Committee\r
            ORGANIZER;CN=Backbone:mailto:backbone@thriving.example\r
            ATTENDEE;CN=Amélie Dupré;RSVP=TRUE:mailto:ok@partners.example\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.utf8
        )
    )

    /// What Python's `email` package (and python3-icalendar) make of a message.
    struct Parsed: Decodable {
        struct Calendar: Decodable {
            struct Event: Decodable {
                let summary: String
                let uid: String
            }
            let method: String
            let events: [Event]
        }
        struct Attachment: Decodable {
            let filename: String
            let type: String
        }
        let subject: String
        let from: String
        let to: String
        let messageID: String
        let autoSubmitted: String
        let defects: [String]
        let tree: [String]
        let texts: [String: String]
        let calendars: [Calendar]
        let attachments: [Attachment]
    }

    static func parseWithPython(_ bytes: [UInt8]) throws -> Parsed {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("message.eml")
        try Data(bytes).write(to: file)
        return try parseWithPython(file: file)
    }

    static func parseWithPython(file: URL) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ScriptServer.python)
        process.arguments = [ScriptServer.script("parse_mime.py"), file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 10, omittingEmptySubsequences: false)
    }
}
