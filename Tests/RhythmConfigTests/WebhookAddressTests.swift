import RhythmConfig
import RhythmCore
import Testing

/// A chat channel's webhook URL, read while the file is checked, must be `https://` (or
/// `http://` to this machine); anything else is refused at the key that points to it.
@Suite struct WebhookAddressTests {
    /// A Slack channel whose URL is in `$HOOK`, its `url_env:` value on line 8, column 14.
    static let yaml = ConfigurationMistake.header + "channels:\n  - id: chat\n    type: slack\n    url_env: HOOK\n"

    static func load(hook: String?) throws(ConfigurationError) -> LoadedConfiguration {
        try ConfigurationLoader(secretLookup: { $0 == .environment("HOOK") ? hook : nil })
            .load(yaml: yaml, path: "test.yaml")
    }

    @Test(
        "a webhook URL that is not https, or http to this machine, is refused at its reference",
        arguments: [
            ("smtp://mail.example.org/T000/SECRET-TOKEN", "it uses smtp://"),
            ("http://hooks.example.org/T000/SECRET-TOKEN", "http:// to a host other than this machine"),
            ("hooks.example.org/T000/SECRET-TOKEN", "it is not a URL"),
        ])
    func wrongSchemeIsRefused(_ url: String, _ reason: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try Self.load(hook: url) }
        let diagnostic = try #require(error.diagnostics.first { $0.keyPath == "channels[0].url_env" }, "\(error)")
        #expect((diagnostic.line, diagnostic.column) == (8, 14))
        #expect(diagnostic.message.contains("the webhook URL in environment variable HOOK cannot be used"))
        #expect(diagnostic.message.contains(reason), "\(diagnostic)")
        #expect(!error.description.contains("SECRET-TOKEN"))
    }

    @Test(
        "https, http to a loopback host, and a secret that cannot be read here are accepted",
        arguments: [
            "https://hooks.slack.com/services/T000/B000/XXXX", "http://127.0.0.1:8080/hook", "http://127.8.9.10/hook",
            "http://[::1]:9000/hook", "http://localhost/hook", nil,
        ])
    func usableAddressIsAccepted(_ url: String?) throws {
        let loaded = try Self.load(hook: url)
        #expect(loaded.initiative.channels.map(\.id) == ["chat"])
    }
}
