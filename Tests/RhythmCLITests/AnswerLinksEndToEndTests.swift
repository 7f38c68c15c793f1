import Foundation
import RhythmCore
import RhythmStore
import Testing

/// `rhythm dispatch --once` into the Maildir: every reminder written carries answer links,
/// in both parts, that open for the person it was sent to, and a one-click
/// `List-Unsubscribe` for its rule.
@Suite("answer links end to end", .serialized, .timeLimit(.minutes(5)))
struct AnswerLinksEndToEndTests {
    static let base = "https://rhythm.links.example"

    /// A daily meeting two hours from now in London with two attendees, reminded three
    /// hours before by e-mail into the Maildir, and an overdue action nagged daily.
    static func configuration(now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let start = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now + 7200)
        let startText = String(
            format: "%04d-%02d-%02dT%02d:%02d", start.year!, start.month!, start.day!, start.hour!, start.minute!)
        return """
            initiative:
              name: Links Test
              time_zone: Europe/London
              domain: links.example
            service:
              public_url: \(base)
            people:
              - { id: ann, name: Ann Lee, email: ann@partners.example }
              - { id: bob, name: Bob Roe, email: bob@partners.example }
            series:
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(startText)
                duration: 30m
                attendees: { people: [ann, bob] }
                rule: FREQ=DAILY
            channels:
              - { id: email, type: email, from: Backbone <backbone@links.example> }
            reminders:
              - { id: check-in-email, for: meetings, before: 3 hours, channel: email, to: attendees }
              - id: nag
                for: actions
                overdue: { every: 1 days, at_most: 10 }
                channel: email
                to: owner
                on_non_business_days: send

            """
    }

    /// The message with its quoted-printable parts decoded and CRLF as LF.
    static func decoded(_ raw: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(raw.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let byte = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The address after `label: ` in the text part.
    static func textLink(_ label: String, in message: String) -> String? {
        message.split(separator: "\n").first { $0.hasPrefix("\(label): \(base)/") }
            .map { String($0.dropFirst(label.count + 2)) }
    }

    @Test("each reminder in the Maildir links to answers that open for its own recipient, in text and HTML")
    func linksInTheMaildir() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("rhythm.yaml").path
        let database = directory.appendingPathComponent("rhythm.sqlite").path
        try Self.configuration(now: Date()).write(toFile: config, atomically: true, encoding: .utf8)
        func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
            try RhythmProcess.run(arguments + ["--config", config, "--database", database])
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let due = calendar.dateComponents([.year, .month, .day], from: Date() - 3 * 86_400)
        let dueText = String(format: "%04d-%02d-%02d", due.year!, due.month!, due.day!)
        let added = try rhythm(["action", "add", "Send the minutes", "--owner", "ann", "--due", dueText])
        #expect(added.status == 0, "\(added.standardError)")

        let dispatched = try rhythm(["dispatch", "--once"])
        #expect(dispatched.status == 0, "\(dispatched.standardError)")
        let maildir = directory.appendingPathComponent("maildir/new")
        let messages = try FileManager.default.contentsOfDirectory(atPath: maildir.path).map { name in
            try String(contentsOf: maildir.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(messages.count == 3)
        let store = try AppDatabase.open(path: database)
        func record(_ url: String?) throws -> AnswerLinkRecord {
            let url = try #require(url)
            let token = try #require(URLComponents(string: url)?.path.split(separator: "/").last)
            return try #require(try store.answerLink(forToken: String(token), now: Date()), "\(url) does not open")
        }
        var seen: [String: Set<String>] = [:]
        for raw in messages {
            let to = try #require(DispatchEndToEndTests.header("To", in: raw))
            let personID = to.contains("ann@") ? "ann" : "bob"
            let message = Self.decoded(raw)
            let unsubscribe = try #require(DispatchEndToEndTests.header("List-Unsubscribe", in: raw))
            #expect(DispatchEndToEndTests.header("List-Unsubscribe-Post", in: raw) == "List-Unsubscribe=One-Click")
            let optOut = try record(String(unsubscribe.dropFirst().dropLast()))
            #expect(optOut.personID == personID)
            #expect(
                Self.textLink("Stop reminders like this", in: message) == String(unsubscribe.dropFirst().dropLast()))
            let page = try record(Self.textLink("Your page", in: message))
            #expect(page.personID == personID && page.subject == .page)
            let labels = ["I'll be there", "Send apologies", "Add an item to the agenda", "Done", "Blocked"]
            for label in labels {
                guard let url = Self.textLink(label, in: message) else { continue }
                let link = try record(url)
                #expect(link.personID == personID, "\(label) acts for \(link.personID), sent to \(personID)")
                #expect(message.contains("<a href=\"\(url)\">\(label)</a>"), "\(label) is missing from the HTML part")
                seen[personID, default: []].insert(label)
                if label == "I'll be there" {
                    guard case .attendance(let seriesID, _) = link.subject else {
                        Issue.record("I'll be there opens \(link.subject)")
                        continue
                    }
                    #expect(seriesID == "check-in" && optOut.subject == .optOut(ruleID: "check-in-email"))
                    #expect(url.hasSuffix("?answer=attending"))
                }
                if label == "Done" {
                    #expect(link.subject == .action(1) && optOut.subject == .optOut(ruleID: "nag"))
                }
            }
        }
        #expect(seen["ann"] == ["I'll be there", "Send apologies", "Add an item to the agenda", "Done", "Blocked"])
        #expect(seen["bob"] == ["I'll be there", "Send apologies", "Add an item to the agenda"])
    }
}
