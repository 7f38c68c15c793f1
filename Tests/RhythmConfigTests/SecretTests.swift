import RhythmConfig
import RhythmCore
import Testing

/// Secrets are only ever referenced; a file that holds one is refused without echoing it.
@Suite struct SecretTests {
    struct LeakCase: Sendable, CustomStringConvertible {
        let description: String
        let channel: String
        let secret: String
        let keyPath: String
        let advice: String
    }

    static let leaks: [LeakCase] = [
        LeakCase(
            description: "a literal SMTP password",
            channel:
                "    type: email\n    from: b@example.org\n    smtp: smtp://mail.example.org\n    username: rhythm\n    password: S3cret-pass\n",
            secret: "S3cret-pass", keyPath: "channels[0].password", advice: "password_file"),
        LeakCase(
            description: "a literal Slack webhook URL",
            channel: "    type: slack\n    url: https://hooks.slack.com/services/T000/B000/XXXXSECRET\n",
            secret: "XXXXSECRET", keyPath: "channels[0].url", advice: "url_env"),
        LeakCase(
            description: "a literal signing secret of a generic webhook",
            channel: "    type: webhook\n    url_env: HOOK_URL\n    secret: whsec_TOPSECRET\n",
            secret: "TOPSECRET", keyPath: "channels[0].secret", advice: "secret_credential"),
        LeakCase(
            description: "a webhook URL pasted into url_env",
            channel: "    type: teams\n    url_env: https://example.webhook.office.com/TEAMSSECRET\n",
            secret: "TEAMSSECRET", keyPath: "channels[0].url_env", advice: "not hold the secret itself"),
        LeakCase(
            description: "a password inside the smtp URL",
            channel: "    type: email\n    from: b@example.org\n    smtp: smtps://rhythm:PW-IN-URL@mail.example.org\n",
            secret: "PW-IN-URL", keyPath: "channels[0].smtp", advice: "contains a password"),
    ]

    @Test("a secret written in the file is refused and never repeated", arguments: leaks)
    func secretIsNotRepeated(_ leak: LeakCase) throws {
        let yaml = ConfigurationMistake.header + "channels:\n  - id: chat\n" + leak.channel
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: yaml, path: "secrets.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first { $0.keyPath == leak.keyPath }, "\(error)")
        #expect(diagnostic.message.contains(leak.advice))
        #expect(!error.description.contains(leak.secret))
    }

    @Test("each reference form becomes the matching secret reference")
    func referenceForms() throws {
        let yaml =
            ConfigurationMistake.header + """
                channels:
                  - id: a
                    type: slack
                    url_file: /etc/rhythm/slack-url
                  - id: b
                    type: discord
                    url_env: DISCORD_URL
                  - id: c
                    type: webhook
                    url_credential: hook-url
                    secret_env: HOOK_SECRET

                """
        let channels = try ConfigurationLoader().load(yaml: yaml, path: "refs.yaml").initiative.channels
        #expect(
            channels.map(\.kind) == [
                .slack(webhook: .file("/etc/rhythm/slack-url")),
                .discord(webhook: .environment("DISCORD_URL")),
                .webhook(url: .systemdCredential("hook-url"), signingSecret: .environment("HOOK_SECRET")),
            ])
    }
}
