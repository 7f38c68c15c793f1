import RhythmConfig
import RhythmCore
import Testing

/// `inbound:` of an e-mail channel: the organiser mailbox, as a URL or a mapping.
@Suite struct InboundMailboxConfigurationTests {
    static func load(_ channel: String) throws -> InboundMailboxSettings? {
        let yaml = ConfigurationMistake.header + "channels:\n  - id: email\n    type: email\n" + channel
        let channels = try ConfigurationLoader().load(yaml: yaml, path: "inbound.yaml").initiative.channels
        guard case .email(let settings) = channels.first?.kind else { return nil }
        return settings.inbound
    }

    static func loadError(_ channel: String) throws -> ConfigurationError {
        let yaml = ConfigurationMistake.header + "channels:\n  - id: email\n    type: email\n" + channel
        return try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: yaml, path: "inbound.yaml")
        }
    }

    @Test("a URL shares the channel's login and takes the defaults")
    func urlForm() throws {
        let inbound = try Self.load(
            """
                from: Backbone <backbone@example.org>
                smtp: smtps://mail.example.org
                username: backbone
                password_env: MAIL_PASSWORD
                ca_file: /etc/rhythm/ca.pem
                inbound: imaps://mail.example.org:993/INBOX

            """)
        #expect(
            inbound
                == InboundMailboxSettings(
                    server: "imaps://mail.example.org:993", mailbox: "INBOX", username: "backbone",
                    password: .environment("MAIL_PASSWORD"), caFile: "/etc/rhythm/ca.pem",
                    pollInterval: .seconds(120), processedFolder: "Rhythm/Processed"))
    }

    @Test("a mapping has its own login, mailbox, interval and folder")
    func mappingForm() throws {
        let inbound = try Self.load(
            """
                from: Backbone <backbone@example.org>
                inbound:
                  url: imap://imap.example.org/Shared/Rhythm
                  username: replies
                  password_file: /etc/rhythm/imap-password
                  poll_every: 5m
                  processed_folder: Archive/Rhythm

            """)
        #expect(
            inbound
                == InboundMailboxSettings(
                    server: "imap://imap.example.org", mailbox: "Shared/Rhythm", username: "replies",
                    password: .file("/etc/rhythm/imap-password"), caFile: nil, pollInterval: .seconds(300),
                    processedFolder: "Archive/Rhythm"))
    }

    @Test("a URL without a mailbox reads INBOX")
    func defaultMailbox() throws {
        let inbound = try Self.load(
            """
                from: b@example.org
                username: b
                password_credential: imap
                inbound: imaps://mail.example.org

            """)
        #expect(inbound?.mailbox == "INBOX")
        #expect(inbound?.server == "imaps://mail.example.org")
    }

    struct Mistake: Sendable, CustomStringConvertible {
        let description: String
        let channel: String
        let keyPath: String
        let advice: String
        var secret: String?
    }

    static let cases: [Mistake] = [
        Mistake(
            description: "a clear-text scheme",
            channel:
                "    from: b@example.org\n    username: b\n    password_env: P\n    inbound: pop3://mail.example.org\n",
            keyPath: "channels[0].inbound", advice: "imaps://host/INBOX"),
        Mistake(
            description: "a password in the URL",
            channel: "    from: b@example.org\n    inbound: imaps://b:PW-IN-URL@mail.example.org/INBOX\n",
            keyPath: "channels[0].inbound", advice: "contains a password", secret: "PW-IN-URL"),
        Mistake(
            description: "a literal IMAP password",
            channel:
                "    from: b@example.org\n    inbound:\n      url: imaps://mail.example.org\n      username: b\n      password: IMAP-SECRET\n",
            keyPath: "channels[0].inbound.password", advice: "password_file", secret: "IMAP-SECRET"),
        Mistake(
            description: "no login anywhere",
            channel: "    from: b@example.org\n    inbound: imaps://mail.example.org\n",
            keyPath: "channels[0].inbound", advice: "needs a user name and password"),
        Mistake(
            description: "polling too often",
            channel:
                "    from: b@example.org\n    username: b\n    password_env: P\n    inbound:\n      url: imaps://mail.example.org\n      poll_every: 5s\n",
            keyPath: "channels[0].inbound.poll_every", advice: "at least 30s"),
        Mistake(
            description: "a mailbox name that needs modified UTF-7",
            channel:
                "    from: b@example.org\n    username: b\n    password_env: P\n    inbound: imaps://mail.example.org/Entrée\n",
            keyPath: "channels[0].inbound", advice: "plain name in ASCII"),
        Mistake(
            description: "INBOX as the processed folder",
            channel:
                "    from: b@example.org\n    username: b\n    password_env: P\n    inbound:\n      url: imaps://mail.example.org\n      processed_folder: INBOX\n",
            keyPath: "channels[0].inbound.processed_folder", advice: "other than INBOX"),
        Mistake(
            description: "a misspelt key in the mapping",
            channel:
                "    from: b@example.org\n    username: b\n    password_env: P\n    inbound:\n      url: imaps://mail.example.org\n      poll_evry: 5m\n",
            keyPath: "channels[0].inbound.poll_evry", advice: "did you mean \"poll_every\"?"),
    ]

    @Test("each mistake is reported at its place with what to do", arguments: cases)
    func reportsMistake(_ mistake: Mistake) throws {
        let error = try Self.loadError(mistake.channel)
        let diagnostic = try #require(error.diagnostics.first { $0.keyPath == mistake.keyPath }, "\(error)")
        #expect(diagnostic.message.contains(mistake.advice), "\(diagnostic.message)")
        #expect(diagnostic.line > 0)
        if let secret = mistake.secret {
            #expect(!error.description.contains(secret))
        }
    }

    @Test("a login only for the inbound mailbox draws no warning about SMTP")
    func noSMTPWarning() throws {
        let yaml =
            ConfigurationMistake.header
            + "channels:\n  - id: email\n    type: email\n    from: b@example.org\n    username: b\n"
            + "    password_env: P\n    inbound: imaps://mail.example.org\n"
        let loaded = try ConfigurationLoader().load(yaml: yaml, path: "inbound.yaml")
        #expect(!loaded.warnings.contains { $0.message.contains("only used with") }, "\(loaded.warnings)")
    }
}
