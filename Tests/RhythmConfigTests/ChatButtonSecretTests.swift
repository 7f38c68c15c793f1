import RhythmConfig
import RhythmCore
import Testing

/// `signing_secret_*` on a Slack channel and `buttons_secret_*` on a Mattermost channel turn
/// on answer buttons; they are references like every other secret.
@Suite struct ChatButtonSecretTests {
    static let channels =
        ConfigurationMistake.header + """
            channels:
              - id: slack
                type: slack
                url_env: SLACK_URL
                signing_secret_env: SLACK_SIGNING_SECRET
              - id: mattermost
                type: mattermost
                url_env: MATTERMOST_URL
                buttons_secret_file: /etc/rhythm/mattermost-buttons
              - id: plain
                type: slack
                url_env: OTHER_SLACK_URL

            """

    @Test("a Slack signing secret and a Mattermost buttons secret become references; without them, none")
    func referencesAreRead() throws {
        let channels = try ConfigurationLoader().load(yaml: Self.channels, path: "chat.yaml").initiative.channels
        #expect(
            channels.map(\.kind) == [
                .slack(webhook: .environment("SLACK_URL"), signingSecret: .environment("SLACK_SIGNING_SECRET")),
                .mattermost(
                    webhook: .environment("MATTERMOST_URL"), buttonsSecret: .file("/etc/rhythm/mattermost-buttons")),
                .slack(webhook: .environment("OTHER_SLACK_URL")),
            ])
        #expect(
            channels.map(\.kind.buttonsSecret) == [
                .environment("SLACK_SIGNING_SECRET"), .file("/etc/rhythm/mattermost-buttons"), nil,
            ])
    }

    @Test(
        "a buttons secret written in the file is refused at its key and never repeated",
        arguments: [
            (
                "    type: slack\n    url_env: U\n    signing_secret: 8f742231b10e8888abcd99yyyzzz85a5\n",
                "channels[0].signing_secret", "8f742231b10e8888abcd99yyyzzz85a5", "signing_secret_file"
            ),
            (
                "    type: mattermost\n    url_env: U\n    buttons_secret: mm-BUTTONS-secret\n",
                "channels[0].buttons_secret", "mm-BUTTONS-secret", "buttons_secret_env"
            ),
        ])
    func literalSecretIsRefused(channel: String, keyPath: String, secret: String, advice: String) throws {
        let yaml = ConfigurationMistake.header + "channels:\n  - id: chat\n" + channel
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: yaml, path: "chat.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first { $0.keyPath == keyPath }, "\(error)")
        #expect(diagnostic.message.contains(advice))
        #expect(!error.description.contains(secret))
    }

    @Test("a readable Mattermost buttons secret too short to sign with is reported at its line, never shown")
    func shortButtonsSecret() throws {
        let loader = ConfigurationLoader(secretLookup: { reference in
            reference == .file("/etc/rhythm/mattermost-buttons") ? "short-SECRET" : "https://hooks.example.org/x"
        })
        let error = try #require(throws: ConfigurationError.self) {
            try loader.load(yaml: Self.channels, path: "chat.yaml")
        }
        let diagnostic = try #require(
            error.diagnostics.first { $0.keyPath == "channels[1].buttons_secret_file" }, "\(error)")
        #expect(diagnostic.line == 13)
        #expect(diagnostic.message.contains("shorter than 32 characters"))
        #expect(!error.description.contains("short-SECRET"))
    }

    @Test("two forms of the Slack signing secret are one too many")
    func twoForms() throws {
        let yaml =
            ConfigurationMistake.header
            + "channels:\n  - id: chat\n    type: slack\n    url_env: U\n    signing_secret_env: A\n"
            + "    signing_secret_file: /etc/rhythm/slack-signing\n"
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: yaml, path: "chat.yaml")
        }
        #expect(error.diagnostics.contains { $0.message.contains("is given 2 ways") }, "\(error)")
    }
}
