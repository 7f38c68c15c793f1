import Foundation
import Testing

/// The commands an operator uses around the dispatcher, run as the real binary on the
/// example configuration with the Maildir sink.
@Suite("outbox, send-test, status and backup")
struct OperatorCommandsTests {
    struct Workspace {
        let directory: URL
        let config: String
        let database: String

        init() throws {
            directory = try RhythmProcess.temporaryDirectory()
            config = directory.appendingPathComponent("rhythm.yaml").path
            database = directory.appendingPathComponent("rhythm.sqlite").path
            // Without the initiative's quiet hours, so that what is due goes out whatever the
            // time of day the test runs.
            let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            try example.replacingOccurrences(
                of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(LoopbackPort.free())"
            ).replacingOccurrences(of: "  quiet_hours: { from: \"20:00\", to: \"07:30\" }\n", with: "")
                .write(toFile: config, atomically: true, encoding: .utf8)
        }

        func rhythm(_ arguments: [String], configured: Bool = true) throws -> RhythmProcess.Result {
            try RhythmProcess.run(arguments + (configured ? ["--config", config] : []) + ["--database", database])
        }
    }

    @Test("dispatch fills the outbox; show, purge and retry work on it and refuse what they cannot do")
    func outbox() throws {
        let workspace = try Workspace()
        let dispatched = try workspace.rhythm(["dispatch", "--once"])
        #expect(dispatched.status == 0, "\(dispatched.standardError)")
        #expect(dispatched.standardOutput.contains("its e-mail is written to the Maildir"))

        let list = try workspace.rhythm(["outbox", "list", "--status", "sent", "--format", "json"], configured: false)
        let sent = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]] ?? []
        let first = try #require(sent.first)

        // Each entry says what sort of message it is and its subject, so an invitation is
        // told from an agenda or a reminder.
        let kinds = ["reminder", "agenda", "digest", "invitation", "cancellation"]
        for entry in sent {
            #expect(kinds.contains(entry["kind"] as? String ?? ""), "\(entry)")
            #expect((entry["subject"] as? String)?.isEmpty == false, "\(entry)")
        }
        let invitation = try #require(sent.first { $0["kind"] as? String == "invitation" }, "\(sent)")
        #expect((invitation["subject"] as? String)?.hasPrefix("Invitation: ") == true)
        let text = try workspace.rhythm(["outbox", "list", "--status", "sent"], configured: false).standardOutput
        let lines = text.split(separator: "\n")
        #expect(lines.first?.contains("KIND") == true && lines.first?.contains("SUBJECT") == true, "\(text)")
        #expect(lines.contains { $0.contains(" invitation ") && $0.contains("Invitation: ") }, "\(text)")
        let shown = try workspace.rhythm(["outbox", "show", first["message_id"] as? String ?? ""], configured: false)
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("status        sent"))
        #expect(shown.standardOutput.contains("key           \(first["key"] as? String ?? "?")\n"))

        let retry = try workspace.rhythm(["outbox", "retry", first["key"] as? String ?? ""], configured: false)
        #expect(retry.status == 64)
        #expect(retry.standardError.contains("only dead or held entries can be retried"))
        #expect(
            try workspace.rhythm(["outbox", "retry", "--dead"], configured: false).standardOutput
                .contains("0 dead entries"))
        let unknown = try workspace.rhythm(["outbox", "show", "rhythm-0000"], configured: false)
        #expect(unknown.status == 64)

        let purged = try workspace.rhythm(
            ["outbox", "purge", "--older-than", "0", "--status", "sent"], configured: false)
        #expect(purged.standardOutput == "Deleted \(sent.count) entries.\n", "\(purged.standardError)")
        let open = try workspace.rhythm(["outbox", "purge", "--status", "pending"], configured: false)
        #expect(open.status == 64)
        #expect(open.standardError.contains("is not finished"))
    }

    @Test("send-test through the Maildir channel is accepted; an unknown channel or a missing --to is refused")
    func sendTest() throws {
        let workspace = try Workspace()
        let sent = try workspace.rhythm(["send-test", "--channel", "email", "--to", "ops@example.org"])
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.contains("went to the Maildir"))
        #expect(sent.standardOutput.contains("delivered: 250 stored as new/"))
        let maildir = workspace.directory.appendingPathComponent("maildir/new").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir).count == 1)
        #expect(try workspace.rhythm(["send-test", "--channel", "email"]).status == 64)
        let unknown = try workspace.rhythm(["send-test", "--channel", "emial"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("its channels are: email, backbone-slack"))
        let slack = try workspace.rhythm(["send-test", "--channel", "backbone-slack"])
        #expect(slack.status == 78)
        #expect(slack.standardOutput.contains("RHYTHM_BACKBONE_SLACK_WEBHOOK could not be read"))
    }

    @Test("status without a running service says so and exits 69; backup copies the database once")
    func statusAndBackup() throws {
        let workspace = try Workspace()
        #expect(try workspace.rhythm(["dispatch", "--once"]).status == 0)
        let status = try workspace.rhythm(["status"])
        #expect(status.status == 69)
        #expect(status.standardOutput.contains("not running (no answer)"))
        #expect(status.standardOutput.contains("Outbox: "))
        #expect(status.standardOutput.contains("RHYTHM_BACKBONE_SLACK_WEBHOOK could not be read"))

        let backup = workspace.directory.appendingPathComponent("backup.sqlite").path
        let copied = try workspace.rhythm(["backup", backup], configured: false)
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(copied.standardOutput.contains("integrity checked"))
        let fromCopy = try RhythmProcess.run(["outbox", "list", "--database", backup, "--format", "json"])
        let original = try workspace.rhythm(["outbox", "list", "--format", "json"], configured: false)
        #expect(fromCopy.standardOutput == original.standardOutput)
        let again = try workspace.rhythm(["backup", backup], configured: false)
        #expect(again.status == 74)
        #expect(again.standardError.contains("already exists"))
    }
}
