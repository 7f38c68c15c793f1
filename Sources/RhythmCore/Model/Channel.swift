/// A way of reaching people: e-mail through one SMTP server, or one chat webhook.
public struct Channel: Hashable, Sendable, Identifiable {
    /// The transport and its settings. Indirect, so that a channel is a few words wide: every
    /// planned reminder carries its channel, and tens of thousands of them share one copy.
    public indirect enum Kind: Hashable, Sendable {
        case email(EmailSettings)
        /// With a signing secret (the Slack app's), posts carry answer buttons and Rhythm
        /// accepts the presses Slack signs with it.
        case slack(webhook: SecretReference, signingSecret: SecretReference? = nil)
        case teams(webhook: SecretReference)
        /// With a buttons secret, posts carry answer buttons whose context Rhythm signs with it
        /// (Mattermost signs nothing itself).
        case mattermost(webhook: SecretReference, buttonsSecret: SecretReference? = nil)
        case discord(webhook: SecretReference)
        case googleChat(webhook: SecretReference)
        /// A generic JSON webhook signed as the Standard Webhooks specification describes.
        case webhook(url: SecretReference, signingSecret: SecretReference)

        /// The configuration spelling of the kind, such as `google-chat`.
        public var name: String {
            switch self {
            case .email: "email"
            case .slack: "slack"
            case .teams: "teams"
            case .mattermost: "mattermost"
            case .discord: "discord"
            case .googleChat: "google-chat"
            case .webhook: "webhook"
            }
        }

        /// Every configuration spelling, for suggestions.
        public static let names = ["email", "slack", "teams", "mattermost", "discord", "google-chat", "webhook"]

        /// The secret that makes answer buttons possible on this channel: the Slack app's
        /// signing secret or the Mattermost buttons secret; nil where posts carry none.
        public var buttonsSecret: SecretReference? {
            switch self {
            case .slack(_, let secret), .mattermost(_, let secret): secret
            case .email, .teams, .discord, .googleChat, .webhook: nil
            }
        }

        /// Whether messages go to people's mailboxes (as opposed to a shared chat room).
        public var isEmail: Bool {
            if case .email = self { return true }
            return false
        }
    }

    public let id: String
    public var kind: Kind

    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}

/// How e-mail leaves Rhythm: an SMTP server, or when none is named, a local Maildir.
public struct EmailSettings: Hashable, Sendable {
    /// The From header, such as `Thriving Futures Backbone <backbone@example.org>`.
    public var from: String
    /// An `smtp://` (STARTTLS) or `smtps://` URL; nil means deliver to a Maildir.
    public var smtpURL: String?
    public var username: String?
    public var password: SecretReference?
    /// A CA bundle to trust for the SMTP server instead of the system's (a private server's
    /// own certificate authority); certificates are always verified.
    public var caFile: String?
    /// Where messages go when no SMTP server is configured; relative to the state directory.
    public var maildir: String
    /// The organiser mailbox, where replies and bounces to this channel's messages arrive.
    public var inbound: InboundMailboxSettings?

    public init(
        from: String,
        smtpURL: String? = nil,
        username: String? = nil,
        password: SecretReference? = nil,
        caFile: String? = nil,
        maildir: String = "maildir",
        inbound: InboundMailboxSettings? = nil
    ) {
        self.from = from
        self.smtpURL = smtpURL
        self.username = username
        self.password = password
        self.caFile = caFile
        self.maildir = maildir
        self.inbound = inbound
    }
}

/// An IMAP mailbox Rhythm reads for calendar replies and bounces.
public struct InboundMailboxSettings: Hashable, Sendable {
    /// `imaps://host[:port]` (TLS from the start) or `imap://host[:port]` (STARTTLS, required).
    public var server: String
    /// The mailbox to read, `INBOX` unless the URL names another.
    public var mailbox: String
    public var username: String
    public var password: SecretReference
    /// A CA bundle to trust for the IMAP server instead of the system's.
    public var caFile: String?
    /// How long to wait between two reads (libcurl has no IDLE).
    public var pollInterval: Duration
    /// Where handled messages go, with `/` between levels whatever the server's separator.
    public var processedFolder: String

    public static let defaultPollInterval = Duration.seconds(120)
    public static let defaultProcessedFolder = "Rhythm/Processed"

    public init(
        server: String, mailbox: String = "INBOX", username: String, password: SecretReference, caFile: String? = nil,
        pollInterval: Duration = defaultPollInterval, processedFolder: String = defaultProcessedFolder
    ) {
        self.server = server
        self.mailbox = mailbox
        self.username = username
        self.password = password
        self.caFile = caFile
        self.pollInterval = pollInterval
        self.processedFolder = processedFolder
    }
}
