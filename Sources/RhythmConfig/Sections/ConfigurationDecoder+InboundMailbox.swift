import RhythmCore
import Yams

/// `inbound:` of an e-mail channel: the organiser mailbox Rhythm reads for calendar replies
/// and bounces.
///
/// Either a URL, which logs in with the channel's own `username:` and `password_*`, or a
/// mapping with its own:
///
/// ```yaml
/// inbound:
///   url: imaps://mail.example.org/INBOX
///   username: rhythm-replies
///   password_file: /etc/rhythm/imap-password
///   poll_every: 2m
///   processed_folder: Rhythm/Processed
/// ```
extension ConfigurationDecoder {
    private static let imapPassword = SecretKeys(stem: "password", meaning: "the IMAP password")

    /// The fastest polling allowed: a shared mailbox server should not see a login every few seconds.
    static let minimumPollSeconds = 30

    /// Reads `inbound:`; the `channel*` values apply when the mapping gives none of its own.
    /// `.some(nil)` means an error was reported.
    func inboundMailbox(
        _ value: ConfigValue, channelUsername: String?, channelPassword: SecretReference?, channelCAFile: String?
    ) -> InboundMailboxSettings? {
        if value.node.scalar != nil {
            guard let location = imapLocation(value) else { return nil }
            guard let channelUsername, let channelPassword else {
                log.error(
                    "the inbound mailbox needs a user name and password: give the channel username: and password_file: "
                        + "(shared with SMTP), or write inbound: as a mapping with url:, username: and password_file:",
                    at: value.mark, path: value.path)
                return nil
            }
            return InboundMailboxSettings(
                server: location.server, mailbox: location.mailbox, username: channelUsername,
                password: channelPassword, caFile: channelCAFile)
        }
        guard
            let fields = fields(
                of: value,
                allowed: ["url", "username", "ca_file", "poll_every", "processed_folder"] + Self.imapPassword.keys,
                forbidden: literal(["password", "pass", "imap_password"], Self.imapPassword))
        else { return nil }
        let location = fields.required("url", "like imaps://mail.example.org/INBOX").map(imapLocation)
        let username = fields.optional("username").map(text)
        let password = secret(fields, Self.imapPassword, required: false)
        let caFile = fields.optional("ca_file").map(text)
        let pollInterval = fields.optional("poll_every").map(pollInterval)
        let processedFolder = fields.optional("processed_folder").map(folderName)
        guard let location, let location, username != .some(nil), caFile != .some(nil),
            pollInterval != .some(nil), processedFolder != .some(nil),
            !Self.imapPassword.keys.contains(where: fields.has) || password != nil
        else { return nil }
        guard let login = (username ?? nil) ?? channelUsername, let secret = password ?? channelPassword else {
            log.error(
                "the inbound mailbox needs a user name and password: add username: and password_file: (or "
                    + "password_env:, password_credential:) here or to the channel",
                at: value.mark, path: value.path)
            return nil
        }
        return InboundMailboxSettings(
            server: location.server, mailbox: location.mailbox, username: login, password: secret,
            caFile: (caFile ?? nil) ?? channelCAFile,
            pollInterval: (pollInterval ?? nil) ?? InboundMailboxSettings.defaultPollInterval,
            processedFolder: (processedFolder ?? nil) ?? InboundMailboxSettings.defaultProcessedFolder)
    }

    /// `imaps://host[:port][/MAILBOX]` or `imap://host[:port][/MAILBOX]` (STARTTLS). Credentials
    /// in the URL are refused without repeating it.
    private func imapLocation(_ value: ConfigValue) -> (server: String, mailbox: String)? {
        guard let text = text(value) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("imaps://") || lower.hasPrefix("imap://") else {
            log.error(
                "the inbound mailbox must be written as imaps://host/INBOX (TLS) or imap://host/INBOX (STARTTLS, "
                    + "which Rhythm requires; it never logs in without encryption)",
                at: value.mark, path: value.path)
            return nil
        }
        let scheme = text.prefix { $0 != ":" }
        let rest = text.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") {
            let message =
                authority[..<at].contains(":")
                ? "the inbound URL contains a password; remove it from the URL and \(Self.imapPassword.advice)"
                : "put the user name in username:, not in the inbound URL"
            log.error(message, at: value.mark, path: value.path)
            return nil
        }
        guard !authority.isEmpty, !authority.hasPrefix(":") else {
            log.error(
                "the inbound URL has no host name, like imaps://mail.example.org/INBOX", at: value.mark,
                path: value.path)
            return nil
        }
        var mailbox = String(rest.dropFirst(authority.count).drop { $0 == "/" })
        if mailbox.hasSuffix("/") { mailbox.removeLast() }
        if mailbox.isEmpty { mailbox = "INBOX" }
        guard Self.isPlainMailboxName(mailbox) else {
            log.error(
                "the mailbox \"\(mailbox)\" in the inbound URL must be a plain name in ASCII letters, digits, "
                    + "spaces, '.', '-', '_' and '/', like INBOX or Shared/Rhythm",
                at: value.mark, path: value.path)
            return nil
        }
        return ("\(scheme.lowercased())://\(authority)", mailbox)
    }

    private func pollInterval(_ value: ConfigValue) -> Duration? {
        guard let interval = duration(value) else { return nil }
        guard interval >= .seconds(Self.minimumPollSeconds) else {
            log.error(
                "poll_every must be at least \(Self.minimumPollSeconds)s: each read is a login to the mail server; "
                    + "write it like 2m",
                at: value.mark, path: value.path)
            return nil
        }
        return interval
    }

    private func folderName(_ value: ConfigValue) -> String? {
        guard let name = text(value) else { return nil }
        guard Self.isPlainMailboxName(name), !name.hasPrefix("/"), !name.hasSuffix("/"), !name.contains("//"),
            name.uppercased() != "INBOX"
        else {
            log.error(
                "processed_folder must be a folder name other than INBOX in ASCII letters, digits, spaces, '.', "
                    + "'-' and '_', with '/' between levels, like Rhythm/Processed",
                at: value.mark, path: value.path)
            return nil
        }
        return name
    }

    /// Names that need neither IMAP's modified UTF-7 nor quoting beyond a quoted string.
    private static func isPlainMailboxName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                    || " ._-/".unicodeScalars.contains($0)
            }
    }
}
