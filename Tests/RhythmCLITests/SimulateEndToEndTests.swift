import Foundation
import Testing

/// `rhythm simulate` plans from the example's reminder rules without sending anything.
@Suite struct SimulateEndToEndTests {
    struct Line: Decodable {
        let key: String
        let due: String
        let channel: String
        let recipient: String
        let about: String
    }

    @Test("simulate lists agenda e-mails 3 business days ahead, deferred out of a London attendee's quiet hours")
    func agendaRemindersAndQuietHours() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let arguments = [
            "simulate", "--config", RhythmProcess.exampleConfiguration, "--from", "2026-12-01", "--until",
            "2026-12-05", "--format", "json",
        ]
        let result = try RhythmProcess.run(arguments, environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try JSONDecoder().decode([Line].self, from: Data(result.standardOutput.utf8))
        let agendas = lines.filter { $0.about.hasPrefix("agenda: Leadership Table, Tue 2026-12-08") }
        // Three business days before Tuesday 8 December 10:00 is Thursday 3 December 10:00 in Melbourne.
        let amara = try #require(agendas.first { $0.recipient.hasPrefix("Amara Okafor") })
        #expect(amara.due == "Thu 2026-12-03 10:00 +11:00")
        #expect(amara.channel == "email")
        // That is 23:00 on Wednesday in London, inside Fiona's quiet hours (19:00 to 08:00).
        let fiona = try #require(agendas.first { $0.recipient.hasPrefix("Fiona McAllister") })
        #expect(fiona.due == "Thu 2026-12-03 08:00 +00:00")
        #expect(Set(lines.map(\.key)).count == lines.count)
        // Planning again gives the same reminders: keys are deterministic.
        let again = try RhythmProcess.run(arguments, environment: environment)
        #expect(again.standardOutput == result.standardOutput)
    }

    struct Explained: Decodable {
        let status: String
        let key: String
        let due: String
        let note: String?
    }

    @Test("simulate shows a nag moved off the Easter holidays and one skipped because moving it comes too late")
    func movedAndSkippedOverHolidays() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let config = RhythmProcess.exampleConfiguration
        // Easter runs from Friday 26 to Monday 29 March 2027 in the example.
        for due in ["2027-03-30", "2027-03-29"] {
            let added = try RhythmProcess.run(
                ["action", "add", "Due \(due)", "--owner", "priya-natarajan", "--due", due, "--config", config],
                environment: environment)
            #expect(added.status == 0, "\(added.standardError)")
        }
        let result = try RhythmProcess.run(
            ["simulate", "--config", config, "--from", "2027-03-20", "--until", "2027-03-30", "--format", "json"],
            environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try JSONDecoder().decode([Explained].self, from: Data(result.standardOutput.utf8))
        // Three days before Tuesday 30th is Saturday 27th: the nag waits for Tuesday 09:00.
        let moved = try #require(lines.first { $0.key.hasPrefix("action-due-soon|action:1@") })
        #expect(moved.status == "planned")
        #expect(moved.due == "Tue 2027-03-30 09:00 +11:00")
        #expect(moved.note == "moved from Sat 2027-03-27 09:00 +11:00: Saturday 2027-03-27 is in Easter")
        // Three days before Easter Monday is Good Friday; by Tuesday 09:00 the overdue nag takes over.
        let skipped = try #require(lines.first { $0.key.hasPrefix("action-due-soon|action:2@") })
        #expect(skipped.status == "skipped")
        #expect(
            skipped.note
                == "Friday 2027-03-26 is in Easter; moving it is too late: the next reminder about it takes over by then"
        )
        let text = try RhythmProcess.run(
            ["simulate", "--config", config, "--from", "2027-03-20", "--until", "2027-03-30"], environment: environment)
        #expect(
            text.standardOutput.contains("(moved from Sat 2027-03-27 09:00 +11:00: Saturday 2027-03-27 is in Easter)"))
        #expect(text.standardOutput.contains("1 reminder would not go out: a non-business day, as its rule says:"))
    }
}

/// `rhythm simulate` shows what `rhythm dispatch --once` then sends: the same messages, by
/// Message-ID, on a configuration with a backlog of agendas, an overdue action, a daily
/// digest and an invitee.
@Suite("rhythm simulate agrees with rhythm dispatch", .serialized, .timeLimit(.minutes(5)))
struct SimulateDispatchAgreementTests {
    struct Line: Decodable {
        let status: String
        let key: String
        let messageID: String
        let kind: String
        let recipient: String
        let about: String
        let items: [String]

        enum CodingKeys: String, CodingKey {
            case status, key, messageID = "message_id", kind, recipient, about, items
        }
    }

    @Test("simulate says why a Friday-evening reminder goes out on Monday: quiet hours, then the weekend")
    func quietHoursOntoTheWeekend() throws {
        let config = try RhythmProcess.temporaryFile(
            named: "rhythm.yaml",
            containing: """
                initiative:
                  { name: Quiet Test, time_zone: Europe/London, domain: quiet.example,
                    quiet_hours: { from: "18:00", to: "08:00" } }
                people:
                  - { id: ben, name: Ben, email: ben@quiet.example }
                series:
                  - { id: evening, title: Evening table, kind: team, start: 2027-03-15T19:00, duration: 1h,
                      attendees: { people: [ben] } }
                channels:
                  - { id: email, type: email, from: Backbone <backbone@quiet.example> }
                reminders:
                  - { id: nag, for: meetings, before: 3 days, channel: email, to: attendees,
                      on_non_business_days: next-business-day }

                """)
        let database = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("rhythm.sqlite")
        let result = try RhythmProcess.run([
            "simulate", "--config", config, "--database", database.path, "--from", "2027-03-10", "--days", "7",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "Mon 2027-03-15 08:00 +00:00  email    Ben <ben@quiet.example>  reminder: Evening table, "
                    + "Mon 2027-03-15 19:00–20:00 +00:00 (moved from Fri 2027-03-12 19:00 +00:00: "
                    + "quiet hours defer it to 08:00; Saturday 2027-03-13 is a weekend day)"),
            "\(result.standardOutput)")
    }

    /// A daily meeting five hours from now in London, agendas two days before it (so the
    /// agendas of today's and tomorrow's meetings are already due), a daily nag about an action
    /// due three days ago, Ann wanting invitations and Ben a daily digest; e-mail into a Maildir.
    static func configuration(now: Date) -> String {
        let zone = TimeZone(identifier: "Europe/London")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now + 5 * 3600)
        let startText = String(
            format: "%04d-%02d-%02dT%02d:%02d", start.year!, start.month!, start.day!, start.hour!, start.minute!)
        return """
            initiative:
              name: Agreement Test
              time_zone: Europe/London
              domain: agreement.example
            people:
              - id: ann
                name: Ann
                email: ann@partners.example
                invitations: true
              - id: ben
                name: Ben
                email: ben@partners.example
                digest: daily
            groups:
              - id: everyone
                name: Everyone
                kind: working-group
                members: { people: [ann, ben] }
            series:
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(startText)
                duration: 30m
                organizer: ann
                attendees: { groups: [everyone] }
                rule: FREQ=DAILY
                on_holiday: ignore
            channels:
              - id: email
                type: email
                from: Backbone <backbone@agreement.example>
            reminders:
              - id: agenda
                for: meetings
                before: 2 days
                channel: email
                to: attendees
                send: agenda
              - id: nag
                for: actions
                overdue: { every: 1 days, at_most: 10 }
                channel: email
                to: owner
                on_non_business_days: send

            """
    }

    /// The 32 hex digits both forms of a message id share: `rhythm-<hex>` and `<hex@domain>`.
    static func hash(_ messageID: String) -> String {
        String(messageID.drop { !$0.isHexDigit }.prefix(32))
    }

    @Test(
        "simulate lists exactly what dispatch --once then sends: backlog, overdue nag, digest with agenda, invitation")
    func simulateEqualsDispatch() throws {
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

        let simulated = try rhythm(["simulate", "--days", "3", "--format", "json"])
        #expect(simulated.status == 0, "\(simulated.standardError)")
        let lines = try JSONDecoder().decode([Line].self, from: Data(simulated.standardOutput.utf8))
        let dueNow = lines.filter { $0.status == "due-now" }
        #expect(dueNow.contains { $0.kind == "invitation" && $0.recipient.hasPrefix("Ann") })
        #expect(dueNow.contains { $0.kind == "reminder" && $0.about.hasPrefix("overdue action") })
        #expect(dueNow.contains { $0.kind == "agenda" && $0.recipient.hasPrefix("Ann") })
        let digests = dueNow.filter { $0.kind == "digest" }
        #expect(!digests.isEmpty && digests.allSatisfy { $0.recipient.hasPrefix("Ben") })
        #expect(digests.allSatisfy { $0.items.contains { $0.hasPrefix("agenda: Daily check-in") } })
        // Simulating wrote nothing: the outbox is still empty.
        let outbox = try RhythmProcess.run(["outbox", "list", "--format", "json", "--database", database])
        let entries = try JSONSerialization.jsonObject(with: Data(outbox.standardOutput.utf8)) as? [Any]
        #expect(entries?.isEmpty == true, "\(outbox.standardOutput)")

        let dispatched = try rhythm(["dispatch", "--once"])
        #expect(dispatched.status == 0, "\(dispatched.standardError)")
        let maildir = directory.appendingPathComponent("maildir/new")
        let messages = try FileManager.default.contentsOfDirectory(atPath: maildir.path).map { name in
            try String(contentsOf: maildir.appendingPathComponent(name), encoding: .utf8)
        }
        let sent = messages.map { Self.hash(DispatchEndToEndTests.header("Message-ID", in: $0) ?? "") }
        #expect(Set(sent) == Set(dueNow.map { Self.hash($0.messageID) }))
        #expect(sent.count == dueNow.count)
        // Each digest sent carries the agenda it announces, after the announcement.
        let sentDigests = messages.filter {
            DispatchEndToEndTests.header("Subject", in: $0)?.hasPrefix("Agreement Test: daily digest of ") == true
        }
        #expect(sentDigests.count == digests.count)
        for digest in sentDigests {
            let announced = try #require(digest.range(of: "The agenda follows."))
            let agenda = try #require(digest.range(of: "ITEMS FOR THIS MEETING"))
            #expect(announced.upperBound < agenda.lowerBound)
        }
    }
}
