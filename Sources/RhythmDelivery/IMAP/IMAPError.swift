import Foundation

/// Why an IMAP command failed, sorted by what the caller should do about it. Every text has
/// had the password and other secrets removed.
public struct IMAPError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Waiting helps: the server could not be reached, timed out, or went away.
        case transient
        /// Only an operator can fix it: the login or the mailbox was refused, the certificate
        /// is not trusted, TLS is not offered, the URL is wrong.
        case configuration
        /// The mailbox was renumbered (its UIDVALIDITY changed) since the caller last looked.
        case uidValidityChanged
        /// The server answered NO or BAD to the command itself.
        case refused
    }

    public var kind: Kind
    /// What went wrong, in words, with the server's reply where it gave one.
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// CURLE_REMOTE_FILE_NOT_FOUND: libcurl's answer to a UIDVALIDITY in the URL that no
    /// longer matches.
    static let remoteFileNotFound = 78
    /// CURLE_QUOTE_ERROR: the server refused a custom command.
    static let quoteError = 21

    /// Sorts a failed transfer; `server` names it in the message.
    init(_ response: CurlResponse, doing action: String, server: String) {
        let completions = response.replyLines.filter(Self.isTaggedCompletion)
        let reply = completions.last(where: Self.isRefusal) ?? completions.last
        let detail = reply.map { "\(response.message): \($0)" } ?? response.message
        let message = "\(action) on \(server) failed: \(detail)"
        switch response.result {
        case Self.remoteFileNotFound where response.message.localizedCaseInsensitiveContains("UIDVALIDITY"):
            self.init(kind: .uidValidityChanged, message: message)
        case Self.quoteError:
            self.init(kind: .refused, message: message)
        case _ where response.isConfigurationProblem:
            self.init(kind: .configuration, message: message)
        default:
            self.init(kind: .transient, message: message)
        }
    }

    /// Whether `line` completes a command with NO or BAD. After a refused command libcurl logs
    /// out, so the refusal is not necessarily the last completion.
    static func isRefusal(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 2)
        return words.count >= 2 && ["NO", "BAD"].contains(words[1].uppercased())
    }

    /// Whether `line` is a command's completion, `A004 NO [ALREADYEXISTS] Mailbox exists`.
    static func isTaggedCompletion(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0] != "*", words[0] != "+" else { return false }
        return ["OK", "NO", "BAD"].contains(words[1].uppercased())
    }
}
