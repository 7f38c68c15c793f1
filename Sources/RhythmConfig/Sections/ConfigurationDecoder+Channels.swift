import RhythmCore
import Yams

/// `channels:`, e-mail and chat webhooks.
///
/// Secrets never appear in the file: a key that would hold one literally is an error that
/// names the reference forms instead, and no message here ever repeats a value that might
/// be a secret.
extension ConfigurationDecoder {
    private enum ChannelType: String, CaseIterable {
        case email, slack, teams, mattermost, discord
        case googleChat = "google-chat"
        case webhook
    }

    /// The reference forms of one secret: `password_file`, `password_env`, `password_credential`.
    struct SecretKeys {
        let stem: String
        let meaning: String
        var keys: [String] { ["\(stem)_file", "\(stem)_env", "\(stem)_credential"] }
        var advice: String {
            "point at it with \(stem)_file: (a file only the service can read), \(stem)_env: (an environment "
                + "variable) or \(stem)_credential: (a systemd credential)"
        }
    }

    static let password = SecretKeys(stem: "password", meaning: "the SMTP password")
    private static let webhookURL = SecretKeys(stem: "url", meaning: "the webhook URL")
    private static let signingSecret = SecretKeys(stem: "secret", meaning: "the webhook signing secret")
    private static let slackSigningSecret = SecretKeys(
        stem: "signing_secret", meaning: "the Slack app's signing secret")
    private static let buttonsSecret = SecretKeys(stem: "buttons_secret", meaning: "the Mattermost buttons secret")

    func decodeChannel(_ value: ConfigValue) -> Channel? {
        guard value.node.mapping != nil else {
            _ = fields(of: value, allowed: ["id", "type"])
            return nil
        }
        let type = Self.type(of: value).flatMap { choice($0, ChannelType.self) }
        let allowed: [String]
        var forbidden: [String: String]
        switch type {
        case .email:
            allowed = ["id", "type", "from", "smtp", "username", "ca_file", "maildir", "inbound"] + Self.password.keys
            forbidden = literal(["password", "pass", "smtp_password"], Self.password)
        case .webhook:
            allowed = ["id", "type"] + Self.webhookURL.keys + Self.signingSecret.keys
            forbidden = literal(["url", "webhook", "webhook_url"], Self.webhookURL)
            forbidden.merge(literal(["secret", "signing_secret"], Self.signingSecret)) { first, _ in first }
        case .slack:
            allowed = ["id", "type"] + Self.webhookURL.keys + Self.slackSigningSecret.keys
            forbidden = literal(["url", "webhook", "webhook_url", "token"], Self.webhookURL)
            forbidden.merge(literal(["signing_secret", "secret"], Self.slackSigningSecret)) { first, _ in first }
        case .mattermost:
            allowed = ["id", "type"] + Self.webhookURL.keys + Self.buttonsSecret.keys
            forbidden = literal(["url", "webhook", "webhook_url", "token"], Self.webhookURL)
            forbidden.merge(literal(["buttons_secret", "secret"], Self.buttonsSecret)) { first, _ in first }
        case .some:
            allowed = ["id", "type"] + Self.webhookURL.keys
            forbidden = literal(["url", "webhook", "webhook_url", "token"], Self.webhookURL)
        case nil:
            allowed = ["id", "type"]
            forbidden = [:]
        }
        guard
            let fields = fields(of: value, allowed: type == nil ? Self.everyChannelKey : allowed, forbidden: forbidden)
        else { return nil }
        let id = identifier(fields, kind: .channel)
        _ = fields.required("type", "one of \(ChannelType.allCases.map(\.rawValue).joined(separator: ", "))")
        guard let id, let type else { return nil }
        let kind: Channel.Kind?
        switch type {
        case .email: kind = emailSettings(fields).map(Channel.Kind.email)
        case .slack:
            let url = webhookURL(fields)
            let signing = buttonsSecret(fields, Self.slackSigningSecret, minimumLength: 1)
            kind = url.flatMap { url in signing.map { Channel.Kind.slack(webhook: url, signingSecret: $0) } }
        case .teams: kind = webhookURL(fields).map { .teams(webhook: $0) }
        case .mattermost:
            let url = webhookURL(fields)
            let buttons = buttonsSecret(fields, Self.buttonsSecret, minimumLength: Self.buttonsSecretMinimumLength)
            kind = url.flatMap { url in buttons.map { Channel.Kind.mattermost(webhook: url, buttonsSecret: $0) } }
        case .discord: kind = webhookURL(fields).map { .discord(webhook: $0) }
        case .googleChat: kind = webhookURL(fields).map { .googleChat(webhook: $0) }
        case .webhook:
            let url = webhookURL(fields)
            let signing = secret(fields, Self.signingSecret, required: true)
            kind = url.flatMap { url in signing.map { Channel.Kind.webhook(url: url, signingSecret: $0) } }
        }
        return kind.map { Channel(id: id, kind: $0) }
    }

    /// Every key some channel type accepts, so that a channel with a broken type does not also
    /// get an "unknown key" for each of its settings.
    private static let everyChannelKey =
        ["id", "type", "from", "smtp", "username", "ca_file", "maildir", "inbound"]
        + password.keys + webhookURL.keys + signingSecret.keys + slackSigningSecret.keys + buttonsSecret.keys

    /// The fewest characters a Mattermost buttons secret may have: 32, as
    /// `openssl rand -hex 16` gives, so that its HMACs cannot be guessed.
    static let buttonsSecretMinimumLength = 32

    /// The optional secret that turns on a chat channel's answer buttons: `.some(nil)` when
    /// absent (no buttons), nil when broken. A secret readable here that is shorter than
    /// `minimumLength` (white space aside) is reported at its key, without its value.
    private func buttonsSecret(_ fields: MappingFields, _ keys: SecretKeys, minimumLength: Int)
        -> SecretReference??
    {
        guard keys.keys.contains(where: fields.has) else { return .some(nil) }
        guard let reference = secret(fields, keys, required: false) else { return nil }
        if let text = secretLookup?(reference),
            text.filter({ !$0.isWhitespace }).count < minimumLength,
            let key = keys.keys.first(where: fields.has), let place = fields.optional(key)
        {
            let problem =
                minimumLength == 1
                ? "is empty" : "is shorter than \(minimumLength) characters; make one with openssl rand -hex 32"
            log.error("\(keys.meaning) in \(reference.location) \(problem)", at: place.mark, path: place.path)
            return nil
        }
        return .some(reference)
    }

    private static func type(of channel: ConfigValue) -> ConfigValue? {
        guard let pairs = channel.node.mapping else { return nil }
        return pairs.first { $0.key.string == "type" }.map {
            ConfigValue(node: $0.value, path: channel.path.appending("type"))
        }
    }

    func literal(_ keys: [String], _ secret: SecretKeys) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: keys.map { key in
                (
                    key,
                    "\(secret.meaning) must not be written in this file (it may be shared or kept in version control); "
                        + "remove it and \(secret.advice)"
                )
            })
    }

    private func emailSettings(_ fields: MappingFields) -> EmailSettings? {
        let from = fields.required("from", "the sender, like Backbone <backbone@example.org>").flatMap(mailbox)
        let smtp = fields.optional("smtp").map(smtpURL)
        let username = fields.optional("username").map(text)
        let password = secret(fields, Self.password, required: false)
        let caFile = fields.optional("ca_file").map(text)
        let maildir = fields.optional("maildir").map(text)
        let channel = fields.mapping
        let inbound = fields.optional("inbound").map {
            inboundMailbox(
                $0, channelUsername: username ?? nil, channelPassword: password, channelCAFile: caFile ?? nil)
        }
        if fields.has("smtp") {
            if username == nil, password != nil {
                log.warning(
                    "a password is given without username:, so it is never sent; add username:",
                    at: channel.mark, path: channel.path)
            }
        } else if username != nil || password != nil, !fields.has("inbound") {
            log.warning(
                "username and password are only used with an smtp: server or an inbound: mailbox; without one, "
                    + "e-mail goes to the Maildir",
                at: channel.mark, path: channel.path)
        }
        guard let from, smtp != .some(nil), username != .some(nil), caFile != .some(nil), maildir != .some(nil),
            inbound != .some(nil), !Self.password.keys.contains(where: fields.has) || password != nil
        else { return nil }
        return EmailSettings(
            from: from, smtpURL: smtp ?? nil, username: username ?? nil, password: password,
            caFile: caFile ?? nil, maildir: (maildir ?? nil) ?? "maildir", inbound: inbound ?? nil)
    }

    private func mailbox(_ value: ConfigValue) -> String? {
        guard let text = text(value) else { return nil }
        if let problem = EmailAddress.checkMailbox(text) {
            log.error("\(problem.message); the sender must be a valid mailbox", at: value.mark, path: value.path)
            return nil
        }
        return text
    }

    /// `smtp://host:587` (STARTTLS) or `smtps://host:465`. A password inside the URL is
    /// refused without repeating the URL.
    private func smtpURL(_ value: ConfigValue) -> String? {
        guard let text = text(value) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            log.error(
                "the smtp server must be written as smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)",
                at: value.mark, path: value.path)
            return nil
        }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            let message =
                credentials.contains(":")
                ? "the smtp URL contains a password; remove it from the URL and \(Self.password.advice)"
                : "put the user name in username:, not in the smtp URL"
            log.error(message, at: value.mark, path: value.path)
            return nil
        }
        guard !authority.isEmpty, !authority.hasPrefix(":") else {
            log.error(
                "the smtp URL has no host name, like smtp://mail.example.org:587", at: value.mark, path: value.path)
            return nil
        }
        return text
    }

    /// The reference to a chat channel's webhook URL; nil when absent, broken, or pointing
    /// at a URL that is readable here and not a webhook address (each reported at its key).
    private func webhookURL(_ fields: MappingFields) -> SecretReference? {
        guard let reference = secret(fields, Self.webhookURL, required: true),
            let place = Self.webhookURL.keys.first(where: fields.has).flatMap(fields.optional)
        else { return nil }
        return checkWebhookAddress(reference, at: place) ? reference : nil
    }

    /// Exactly one of the reference forms of a secret; nil when absent or broken (reported).
    func secret(_ fields: MappingFields, _ secret: SecretKeys, required: Bool) -> SecretReference? {
        let present = secret.keys.filter(fields.has).sorted {
            (fields.keyMark($0)?.line ?? 0, fields.keyMark($0)?.column ?? 0)
                < (fields.keyMark($1)?.line ?? 0, fields.keyMark($1)?.column ?? 0)
        }
        guard present.count <= 1 else {
            log.error(
                "\(secret.meaning) is given \(present.count) ways (\(present.joined(separator: ", "))); keep exactly one",
                at: fields.keyMark(present[1]), path: fields.mapping.path.appending(present[1]))
            return nil
        }
        guard let key = present.first, let value = fields.optional(key) else {
            if required {
                log.error(
                    "\(secret.meaning) is missing; \(secret.advice)", at: fields.mapping.mark, path: fields.mapping.path
                )
            }
            return nil
        }
        guard let name = text(value) else { return nil }
        if name.contains("://") || name.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            log.error(
                "\(key) must name where the secret is kept, not hold the secret itself; \(secret.advice)",
                at: value.mark, path: value.path)
            return nil
        }
        switch key {
        case secret.keys[0]:
            guard name.hasPrefix("/") else {
                log.error(
                    "\(key) must be an absolute path such as /etc/rhythm/\(secret.stem), because the service's "
                        + "working directory is not the configuration's",
                    at: value.mark, path: value.path)
                return nil
            }
            return .file(name)
        case secret.keys[1]:
            let valid =
                name.unicodeScalars.allSatisfy {
                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                } && !(name.first?.isNumber ?? true)
            guard valid else {
                log.error(
                    "\(key) must be the name of an environment variable (letters, digits and underscores, "
                        + "like RHYTHM_SMTP_PASSWORD)",
                    at: value.mark, path: value.path)
                return nil
            }
            return .environment(name)
        default:
            guard !name.contains("/") else {
                log.error(
                    "\(key) must be a credential name as given to LoadCredential= (no slashes)",
                    at: value.mark, path: value.path)
                return nil
            }
            return .systemdCredential(name)
        }
    }
}
