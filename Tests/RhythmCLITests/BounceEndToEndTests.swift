import Foundation
import RhythmStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A bouncing address with the real binary: `rhythm dispatch --once` leaves it out and says
/// why, `rhythm status` and `/readyz` warn, and both `rhythm person clear-bounce` and a new
/// address in the configuration let the next reminder go.
@Suite("bouncing addresses end to end", .serialized, .timeLimit(.minutes(3)))
struct BounceEndToEndTests {
    let directory: URL
    let config: String
    let database: String
    let port = LoopbackPort.free()
    /// Today's meeting, two hours from now, as a local date-time in London.
    let start: String

    init() throws {
        directory = try RhythmProcess.temporaryDirectory()
        config = directory.appendingPathComponent("rhythm.yaml").path
        database = directory.appendingPathComponent("rhythm.sqlite").path
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date() + 7200)
        start = String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// One meeting reminder rule per entry of `rules` (id and how long before the meeting), each
    /// due by now, so each configuration change brings reminders of its own.
    func configure(meiEmail: String, rules: [(String, String)]) throws {
        let reminders = rules.map { id, before in
            "  - { id: \(id), for: meetings, before: \(before), channel: email, to: attendees }\n"
        }.joined()
        let yaml = """
            initiative: { name: Bounce Test, time_zone: Europe/London, domain: bounce.example }
            service: { listen: "127.0.0.1:\(port)" }
            people:
              - { id: ann, name: Ann, email: ann@partners.example }
              - { id: mei-lin, name: Mei Lin, email: \(meiEmail) }
            series:
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(start)
                duration: 30m
                attendees: { people: [ann, mei-lin] }
                rule: FREQ=DAILY
                on_holiday: ignore
            channels:
              - { id: email, type: email, from: Backbone <backbone@bounce.example> }
            reminders:
            \(reminders)
            """
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(arguments + ["--config", config, "--database", database])
    }

    /// The address in the `To` header of every message in the Maildir.
    func recipients() throws -> [String] {
        let maildir = directory.appendingPathComponent("maildir/new")
        return try FileManager.default.contentsOfDirectory(atPath: maildir.path).map { name in
            let text = try String(contentsOf: maildir.appendingPathComponent(name), encoding: .utf8)
            let to = DispatchEndToEndTests.header("To", in: text) ?? ""
            return String(to.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" })
        }
    }

    /// Marks Mei Lin's first address bouncing, as the organiser mailbox's bounce handler does.
    func markBouncing() throws {
        let store = try AppDatabase.open(path: database)
        try store.recordPermanentFailure(
            AddressFailure(
                address: "Mei.Lin@example.org", personID: "mei-lin", outboxMessageID: "rhythm-not-in-this-outbox",
                statusCode: "5.1.1", diagnostic: "550 5.1.1 user unknown"),
            now: Date())
    }

    @Test("no reminder reaches a bouncing address, every view says why, and clearing or a new address resumes")
    func bouncingAddress() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try configure(meiEmail: "mei.lin@example.org", rules: [("first-call", "3 hours")])
        try markBouncing()
        let first = try rhythm(["dispatch", "--once"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("skipped as too late 0."), "\(first.standardOutput)")
        #expect(first.standardOutput.contains("Not sent to an address that bounces: 1"), "\(first.standardOutput)")
        #expect(try recipients() == ["ann@partners.example"])

        let skipped = try rhythm(["outbox", "list", "--status", "skipped", "--format", "json"])
        let entries =
            try JSONSerialization.jsonObject(with: Data(skipped.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(entries.map { $0["recipient"] as? String } == ["person:mei-lin"])
        let reply = entries.first?["last_reply"] as? String ?? ""
        #expect(reply.hasPrefix("not sent: mei.lin@example.org bounces since "), "\(reply)")
        #expect(reply.hasSuffix(" (550 5.1.1 user unknown); clear with rhythm person clear-bounce mei-lin"))

        let status = try rhythm(["status"])
        #expect(
            status.standardOutput.contains("Bouncing: Mei Lin (mei-lin) <mei.lin@example.org> since "),
            "\(status.standardOutput)")
        #expect(status.standardOutput.contains("status 5.1.1, last reply: 550 5.1.1 user unknown"))
        // Tomorrow's reminder to Mei Lin is planned, and simulate says it will not be sent.
        let simulated = try rhythm(["simulate", "--days", "2", "--format", "json"])
        let lines =
            try JSONSerialization.jsonObject(with: Data(simulated.standardOutput.utf8)) as? [[String: Any]] ?? []
        let toMei = lines.filter { ($0["recipient"] as? String)?.hasPrefix("Mei Lin") == true }
        #expect(!toMei.isEmpty, "\(simulated.standardOutput)")
        #expect(toMei.allSatisfy { ($0["note"] as? String)?.contains("not sent: mei.lin@example.org bounces") == true })
        let people = try rhythm(["person", "list"])
        #expect(people.standardOutput.contains("bouncing since "), "\(people.standardOutput)")

        try await expectReadyWithWarning()

        let cleared = try rhythm(["person", "clear-bounce", "mei-lin"])
        #expect(cleared.status == 0, "\(cleared.standardError)")
        #expect(cleared.standardOutput.contains("Cleared the bounce of mei.lin@example.org"))
        try configure(
            meiEmail: "mei.lin@example.org", rules: [("first-call", "3 hours"), ("second-call", "150 minutes")])
        #expect(try rhythm(["dispatch", "--once"]).status == 0)
        #expect(try recipients().filter { $0 == "mei.lin@example.org" }.count == 1)

        // Bouncing again; the configuration then gives Mei Lin a new address, which is written to.
        try markBouncing()
        try configure(
            meiEmail: "mei.lin@newhost.example",
            rules: [("first-call", "3 hours"), ("second-call", "150 minutes"), ("third-call", "140 minutes")])
        #expect(try rhythm(["dispatch", "--once"]).status == 0)
        #expect(try recipients().filter { $0 == "mei.lin@newhost.example" }.count == 1)
        #expect(!(try rhythm(["status"]).standardOutput.contains("Bouncing:")))
    }

    /// Starts `rhythm serve` until `/readyz` answers, and checks it is ready with a warning.
    func expectReadyWithWarning() async throws {
        let process = Process()
        process.executableURL = RhythmProcess.executable
        process.arguments = ["serve", "--config", config, "--database", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var answer: (status: Int, body: String) = (0, "")
        for _ in 0..<100 where answer.status == 0 {
            if let (data, response) = try? await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
            {
                answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(answer.status == 200, "\(answer.body)")
        let lines = answer.body.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ready: configuration loaded") == true, "\(answer.body)")
        #expect(lines.contains { $0.hasPrefix("warning: mei.lin@example.org bounces since ") }, "\(answer.body)")
    }
}
