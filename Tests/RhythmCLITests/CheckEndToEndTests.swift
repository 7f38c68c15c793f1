import Foundation
import Testing

/// `rhythm check` checks what `rhythm serve` would refuse or get wrong: the agenda templates
/// beside the configuration, chat handles that mention no one, and a webhook URL of the
/// wrong kind.
@Suite struct CheckEndToEndTests {
    /// A copy of the example configuration in a fresh directory, with `templates` written
    /// into `templates/` beside it.
    static func workspace(templates: [String: String] = [:]) throws -> (directory: URL, config: String) {
        let directory = try RhythmProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try FileManager.default.copyItem(atPath: RhythmProcess.exampleConfiguration, toPath: config)
        if !templates.isEmpty {
            let folder = directory.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in templates {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
        return (directory, config)
    }

    @Test("a template serve would refuse makes check exit 78 with its file, line and column")
    func brokenTemplate() throws {
        let (directory, config) = try Self.workspace(templates: ["agenda.html.mustache": "<h1>\n{{#items}}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try RhythmProcess.run(["check", "--config", config])
        #expect(result.status == 78)
        let file = directory.appendingPathComponent("templates/agenda.html.mustache").path
        #expect(result.standardError.contains("\(file):2:1: error: The section {{#items}} is never closed."))
    }

    @Test("a misspelt template name is a warning with its place and a did-you-mean; check still passes")
    func misspeltName() throws {
        let (directory, config) = try Self.workspace(templates: ["agenda.md.mustache": "# {{series.titel}}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try RhythmProcess.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.standardError)")
        let file = directory.appendingPathComponent("templates/agenda.md.mustache").path
        #expect(result.standardError.contains("\(file):1:3: warning: \"titel\" is not a name"))
        #expect(result.standardError.contains("did you mean \"title\"?"))
    }

    @Test("a Slack handle that is not a member ID is a warning at the handle")
    func slackHandle() throws {
        let (directory, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "chat: { slack: U02PRIYA }", with: "chat: { slack: meilin }")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let result = try RhythmProcess.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains("warning: people[0].chat.slack: Slack mentions need the person's member ID"))
    }

    @Test("a webhook URL in the environment that is not https is refused at the key that names it, never shown")
    func webhookScheme() throws {
        let (directory, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try RhythmProcess.run(
            ["check", "--config", config],
            environment: ["RHYTHM_BACKBONE_SLACK_WEBHOOK": "smtp://127.0.0.1:25/T000/SECRET-TOKEN"])
        #expect(result.status == 78)
        #expect(
            result.standardError.contains(
                "url_env: the webhook URL in environment variable RHYTHM_BACKBONE_SLACK_WEBHOOK cannot be used: "
                    + "it uses smtp://"), "\(result.standardError)")
        #expect(!result.standardError.contains("SECRET-TOKEN"))
    }
}
