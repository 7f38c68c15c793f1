/// Where an inbound mailbox is and how to log in to it.
public struct IMAPAccount: Sendable {
    /// `imaps://host[:port]` (TLS from the start) or `imap://host[:port]` (STARTTLS required),
    /// without a path.
    public var server: String
    /// The mailbox to read, such as `INBOX`.
    public var mailbox: String
    public var username: String
    public var password: String
    /// A CA bundle to trust instead of the system's.
    public var caFile: String?

    public init(server: String, mailbox: String, username: String, password: String, caFile: String?) {
        self.server = server
        self.mailbox = mailbox
        self.username = username
        self.password = password
        self.caFile = caFile
    }
}

/// Prints as `IMAPAccount(redacted)`: it carries the password.
extension IMAPAccount: Redacted {}
