import Foundation

/// One IMAP mailbox, read and tidied through libcurl's IMAP support.
///
/// Every method is one libcurl transfer through the shared ``CurlTransport``, which keeps the
/// logged-in connection for the next call, so a whole read of the mailbox is one IMAP
/// session in the normal case. libcurl selects the mailbox the URL names before a command,
/// and only when it is not selected already.
///
/// Fetching a message sets `\Seen` (libcurl fetches `BODY[]`, not `BODY.PEEK[]`); callers
/// that want to leave a message as it was put the flag back with ``setSeen(_:uid:)``.
public struct IMAPMailbox: Sendable {
    public let account: IMAPAccount
    private let transport: CurlTransport
    private let timeouts: CurlRequest.Timeouts

    public init(account: IMAPAccount, transport: CurlTransport, timeouts: CurlRequest.Timeouts = .init()) {
        self.account = account
        self.transport = transport
        self.timeouts = timeouts
    }

    /// The mailbox's UIDVALIDITY, UIDNEXT and message count.
    public func status() async throws(IMAPError) -> IMAPMailboxStatus {
        let lines = try await command(
            "STATUS \(account.mailbox.imapQuoted) (UIDVALIDITY UIDNEXT MESSAGES)", selecting: false,
            doing: "reading the status of \(account.mailbox)")
        guard let status = IMAPMailboxStatus(statusResponse: lines) else {
            throw IMAPError(
                kind: .transient, message: "the server's STATUS reply for \(account.mailbox) could not be read")
        }
        return status
    }

    /// The server's hierarchy delimiter (`/` or `.`), or nil when it has no hierarchy.
    public func hierarchyDelimiter() async throws(IMAPError) -> Character? {
        let lines = try await command("LIST \"\" \"\"", selecting: false, doing: "asking for the folder separator")
        for line in lines where line.hasPrefix("* ") {
            guard let tokens = IMAPToken.tokens(of: line.dropFirst(2)), tokens.count >= 3,
                tokens[0].text?.uppercased() == "LIST"
            else { continue }
            if case .quoted(let delimiter) = tokens[2], let character = delimiter.first { return character }
            return nil
        }
        return nil
    }

    /// Creates the folder `name` (a full name, with the server's delimiter); a folder that
    /// exists already is fine.
    public func createFolder(_ name: String) async throws(IMAPError) {
        do {
            _ = try await command("CREATE \(name.imapQuoted)", selecting: false, doing: "creating the folder \(name)")
        } catch  where error.kind == .refused && error.message.localizedCaseInsensitiveContains("exists") {
            return
        }
    }

    /// The UIDs, flags, sizes and arrival times of the messages with a UID of `firstUID` or
    /// more, by UID.
    ///
    /// `UID FETCH n:*` always answers the highest message even below `n` (RFC 3501 6.4.8);
    /// such a message is left out here.
    public func summaries(fromUID firstUID: Int64) async throws(IMAPError) -> [IMAPMessageSummary] {
        let first = max(1, firstUID)
        let lines = try await command(
            "UID FETCH \(first):* (UID FLAGS RFC822.SIZE INTERNALDATE)", selecting: true,
            doing: "listing new messages in \(account.mailbox)")
        return lines.compactMap(IMAPMessageSummary.init(fetchResponse:))
            .filter { $0.uid >= first }
            .sorted { $0.uid < $1.uid }
    }

    /// The message `uid` as the server holds it, at most `limit` bytes; throws
    /// `.uidValidityChanged` when the mailbox was renumbered since `uidValidity`.
    public func message(uid: Int64, uidValidity: Int64, limit: Int) async throws(IMAPError) -> [UInt8] {
        let url = "\(account.server)/\(Self.pathSegment(account.mailbox));UIDVALIDITY=\(uidValidity)/;UID=\(uid)"
        let response = await transport.perform(request(url: url, command: nil, bodyLimit: limit))
        guard response.succeeded else {
            throw IMAPError(response, doing: "fetching message \(uid)", server: serverName)
        }
        guard !response.bodyTruncated else {
            throw IMAPError(kind: .refused, message: "message \(uid) is larger than \(limit) bytes")
        }
        return response.body
    }

    /// Sets or clears `\Seen` on the message `uid`.
    public func setSeen(_ seen: Bool, uid: Int64) async throws(IMAPError) {
        _ = try await command(
            "UID STORE \(uid) \(seen ? "+" : "-")FLAGS.SILENT (\\Seen)", selecting: true,
            doing: "marking message \(uid) \(seen ? "seen" : "unseen")")
    }

    /// Moves the message `uid` to the folder `name` (IMAP MOVE, RFC 6851).
    public func move(uid: Int64, to name: String) async throws(IMAPError) {
        _ = try await command(
            "UID MOVE \(uid) \(name.imapQuoted)", selecting: true, doing: "moving message \(uid) to \(name)")
    }

    /// Runs `text` and returns its untagged replies, one per line.
    private func command(_ text: String, selecting: Bool, doing action: String) async throws(IMAPError)
        -> [Substring]
    {
        let url = selecting ? "\(account.server)/\(Self.pathSegment(account.mailbox))" : "\(account.server)/"
        let response = await transport.perform(request(url: url, command: text, bodyLimit: 4 * 1024 * 1024))
        guard response.succeeded else { throw IMAPError(response, doing: action, server: serverName) }
        return String(decoding: response.body, as: UTF8.self).split(whereSeparator: \.isNewline)
    }

    private func request(url: String, command: String?, bodyLimit: Int) -> CurlRequest {
        CurlRequest(
            url: url, payload: .imap(command: command), username: account.username, password: account.password,
            requireTLS: true, caFile: account.caFile, timeouts: timeouts, bodyLimit: bodyLimit)
    }

    /// The server, for messages: its URL, which holds no secret.
    private var serverName: String { account.server }

    /// A mailbox name as one URL path segment, which libcurl decodes back.
    static func pathSegment(_ mailbox: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return mailbox.addingPercentEncoding(withAllowedCharacters: allowed) ?? mailbox
    }
}
