import Foundation
import Logging
import RhythmCore
import RhythmDelivery

/// The senders of every channel in the configuration: SMTP or the Maildir sink for e-mail,
/// a webhook sender for chat. Secrets are read at each send, so a rotated password or
/// webhook URL takes effect without a restart, and a missing one is a configuration error
/// for that channel alone.
public struct DeliveryChannels: Sendable {
    /// What one attempt on a channel came to.
    public struct Attempt: Hashable, Sendable {
        public var outcome: DeliveryOutcome
        /// The chat endpoint answered 410 Gone: stop using the channel until an operator acts.
        public var disablesEndpoint: Bool
    }

    private let channels: [String: Channel]
    private let transport: CurlTransport
    private let secrets: SecretResolver
    private let maildirRoot: String
    private let logger: Logger

    /// - Parameters:
    ///   - maildirRoot: where relative `maildir` paths start (the state directory).
    ///   - secrets: reads passwords and webhook URLs; tests pass their own environment.
    public init(
        initiative: Initiative, transport: CurlTransport, maildirRoot: String,
        secrets: SecretResolver = SecretResolver(), logger: Logger
    ) {
        channels = Dictionary(initiative.channels.map { ($0.id, $0) }) { first, _ in first }
        self.transport = transport
        self.secrets = secrets
        self.maildirRoot = maildirRoot
        self.logger = logger
    }

    /// One SMTP attempt takes at most about 45 s (the transfer, then the QUIT libcurl sends
    /// after an error), well under the unit's WatchdogSec and TimeoutStopSec.
    static let smtpTimeouts = CurlRequest.Timeouts(
        connect: .seconds(10), total: .seconds(30), serverResponse: .seconds(15))

    /// The Maildir an e-mail channel without an SMTP server writes to; nil for other channels.
    public func maildir(of channelID: String) -> String? {
        guard case .email(let settings) = channels[channelID]?.kind else { return nil }
        return settings.maildirPath(root: maildirRoot)
    }

    /// Logs, once at start-up, each e-mail channel that keeps its mail on this machine.
    public func announce() {
        for id in channels.keys.sorted() {
            if let directory = maildir(of: id) {
                MaildirSink(directory: directory, logger: logger).announce()
            }
        }
    }

    /// Sends one e-mail through an e-mail channel.
    func send(_ message: EmailMessage, on channelID: String) async -> Attempt {
        guard case .email(let settings) = channels[channelID]?.kind else {
            return Attempt(
                outcome: .configurationError("\(channelID) is not an e-mail channel"), disablesEndpoint: false)
        }
        if let directory = maildir(of: channelID) {
            return Attempt(
                outcome: await MaildirSink(directory: directory, logger: logger).send(message), disablesEndpoint: false)
        }
        let configuration = SMTPSender.Configuration(
            url: settings.smtpURL ?? "", username: settings.username, password: settings.password,
            caFile: settings.caFile,
            timeouts: Self.smtpTimeouts)
        let sender = SMTPSender(configuration: configuration, transport: transport, secrets: secrets, logger: logger)
        return Attempt(outcome: await sender.send(message), disablesEndpoint: false)
    }

    /// Posts one chat message through a chat channel.
    func post(_ message: ChatMessage, on channelID: String, deliveryKey: String, now: Date) async -> Attempt {
        guard let channel = channels[channelID] else {
            return Attempt(
                outcome: .configurationError("the channel \(channelID) is not in the configuration"),
                disablesEndpoint: false)
        }
        let url: String
        var signingSecret: WebhookSigningSecret?
        var mattermostButtons: MattermostPayload.Buttons?
        do throws(DeliveryError) {
            switch channel.kind {
            case .email:
                return Attempt(
                    outcome: .configurationError("\(channelID) is an e-mail channel"), disablesEndpoint: false)
            case .slack(let reference, _), .teams(let reference), .discord(let reference),
                .googleChat(let reference):
                url = try secrets.resolveWebhookURL(reference)
            case .mattermost(let reference, let buttonsSecret):
                url = try secrets.resolveWebhookURL(reference)
                if let buttonsSecret, !message.answers.isEmpty {
                    guard let secret = ChatSecret(try secrets.resolve(buttonsSecret)) else {
                        return Attempt(
                            outcome: .configurationError("the buttons secret in \(buttonsSecret.location) is empty"),
                            disablesEndpoint: false)
                    }
                    mattermostButtons = MattermostPayload.Buttons(channelID: channelID, secret: secret)
                }
            case .webhook(let reference, let secretReference):
                url = try secrets.resolveWebhookURL(reference)
                let text = try secrets.resolve(secretReference)
                guard let secret = WebhookSigningSecret(text) else {
                    return Attempt(
                        outcome: .configurationError(
                            "the signing secret in \(secretReference.location) is not valid (whsec_<base64> or text)"),
                        disablesEndpoint: false)
                }
                signingSecret = secret
            }
        } catch {
            return Attempt(
                outcome: .configurationError("channel \(channelID): \(error.message)"), disablesEndpoint: false)
        }
        guard
            let request = WebhookRequest.build(
                kind: channel.kind, url: url, signingSecret: signingSecret, mattermostButtons: mattermostButtons,
                message: message,
                deliveryKey: deliveryKey, now: now)
        else {
            return Attempt(
                outcome: .configurationError("\(channelID) cannot carry chat messages"), disablesEndpoint: false)
        }
        let delivery = await WebhookSender(transport: transport, logger: logger).send(request)
        return Attempt(outcome: delivery.outcome, disablesEndpoint: delivery.disablesEndpoint)
    }

    /// Sends whichever kind of message `message` is.
    func deliver(_ message: OutgoingMessage, on channelID: String, deliveryKey: String, now: Date) async -> Attempt {
        switch message {
        case .email(let email): await send(email, on: channelID)
        case .chat(let chat): await post(chat, on: channelID, deliveryKey: deliveryKey, now: now)
        }
    }
}

extension DeliveryChannels {
    /// Sends a short test message through `channelID` (to `address` for e-mail), so an operator
    /// can check a channel's server, credentials or webhook before relying on it. The key is
    /// unique per call, so every test is a new message.
    public func sendTestMessage(
        on channelID: String, to address: String?, initiative: Initiative, now: Date
    ) async -> Attempt {
        let key = "send-test|\(channelID)|\(UUID().uuidString)"
        let subject = "Rhythm test message for \(initiative.name)"
        let paragraphs = [
            "This is a test of the channel \(channelID), sent by rhythm send-test on "
                + "\(TimeText.instant(now, in: initiative.timeZone)).",
            "If you can read it, reminders on this channel will reach you.",
        ]
        guard let channel = channels[channelID] else {
            return Attempt(
                outcome: .configurationError("the channel \(channelID) is not in the configuration"),
                disablesEndpoint: false)
        }
        if case .email(let settings) = channel.kind {
            let message: EmailMessage
            do throws(DeliveryError) {
                guard let address else {
                    return Attempt(
                        outcome: .configurationError("an e-mail channel needs --to ADDRESS"), disablesEndpoint: false)
                }
                message = EmailMessage(
                    from: try EmailAddress(parsing: settings.from), to: [try EmailAddress(parsing: address)],
                    subject: subject, text: EmailBody(paragraphs: paragraphs).text(greeting: "there"),
                    html: EmailBody(paragraphs: paragraphs).html(title: subject, greeting: "there"), deliveryKey: key,
                    date: now)
            } catch {
                return Attempt(outcome: .configurationError(error.message), disablesEndpoint: false)
            }
            return await send(message, on: channelID)
        }
        return await post(
            ChatMessage(title: subject, lines: paragraphs, timeZone: initiative.timeZone), on: channelID,
            deliveryKey: key, now: now)
    }
}

/// What stops each channel from sending, one sentence each, for `/readyz` and `rhythm status`:
/// a secret that cannot be read, a Maildir that cannot be written. Never a secret's value.
public struct ChannelCheck: Sendable {
    public let initiative: Initiative
    public let maildirRoot: String
    public let secrets: SecretResolver

    public init(initiative: Initiative, maildirRoot: String, secrets: SecretResolver = SecretResolver()) {
        self.initiative = initiative
        self.maildirRoot = maildirRoot
        self.secrets = secrets
    }

    public func problems() -> [String] {
        initiative.channels.flatMap(problems(of:))
    }

    private func problems(of channel: Channel) -> [String] {
        var problems: [String] = []
        var references: [SecretReference] = []
        var webhookURLs: [SecretReference] = []
        switch channel.kind {
        case .email(let settings):
            if let directory = settings.maildirPath(root: maildirRoot) {
                let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
                let target = FileManager.default.fileExists(atPath: directory) ? directory : parent
                if !FileManager.default.isWritableFile(atPath: target) {
                    problems.append("channel \(channel.id): the Maildir \(directory) cannot be written")
                }
            }
            if settings.smtpURL != nil, let password = settings.password { references.append(password) }
        case .slack(let url, let secret), .mattermost(let url, let secret):
            webhookURLs.append(url)
            if let secret { references.append(secret) }
        case .teams(let url), .discord(let url), .googleChat(let url):
            webhookURLs.append(url)
        case .webhook(let url, let secret):
            webhookURLs.append(url)
            references.append(secret)
        }
        let reads = webhookURLs.map { ($0, true) } + references.map { ($0, false) }
        for (reference, isWebhookURL) in reads {
            do throws(DeliveryError) {
                if isWebhookURL {
                    _ = try secrets.resolveWebhookURL(reference)
                } else {
                    _ = try secrets.resolve(reference)
                }
            } catch {
                problems.append("channel \(channel.id): \(error.message)")
            }
        }
        return problems
    }
}

extension EmailSettings {
    /// The Maildir mail goes to when no SMTP server is configured (relative paths start at
    /// `root`, the state directory); nil when there is a server.
    func maildirPath(root: String) -> String? {
        guard smtpURL == nil else { return nil }
        return maildir.hasPrefix("/") ? maildir : "\(root)/\(maildir)"
    }
}
