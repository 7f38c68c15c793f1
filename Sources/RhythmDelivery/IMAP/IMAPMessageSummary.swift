import Foundation

/// What Rhythm learns about a message before fetching it: its UID, flags, size and when the
/// server received it.
public struct IMAPMessageSummary: Hashable, Sendable {
    public var uid: Int64
    /// The flags as the server wrote them, such as `\Seen`.
    public var flags: [String]
    /// RFC822.SIZE: the message's size in bytes.
    public var size: Int
    /// INTERNALDATE: when the server received the message.
    public var receivedAt: Date?

    public init(uid: Int64, flags: [String], size: Int, receivedAt: Date?) {
        self.uid = uid
        self.flags = flags
        self.size = size
        self.receivedAt = receivedAt
    }

    /// Whether the message has been read (`\Seen`).
    public var isSeen: Bool { flags.contains { $0.caseInsensitiveCompare("\\Seen") == .orderedSame } }

    /// Reads an untagged FETCH response, `* 3 FETCH (UID 12 FLAGS (\Seen) RFC822.SIZE 93
    /// INTERNALDATE "07-Dec-2026 07:11:13 +0000")`; nil for any other line.
    init?(fetchResponse line: Substring) {
        guard line.hasPrefix("* "), let tokens = IMAPToken.tokens(of: line.dropFirst(2)), tokens.count == 3,
            tokens[1].text?.uppercased() == "FETCH", case .list(let items) = tokens[2]
        else { return nil }
        var uid: Int64?
        var flags: [String] = []
        var size = 0
        var receivedAt: Date?
        var index = 0
        while index + 1 < items.count {
            let name = items[index].text?.uppercased()
            let value = items[index + 1]
            switch (name, value) {
            case ("UID", .atom(let text)): uid = Int64(text)
            case ("FLAGS", .list(let list)): flags = list.compactMap(\.text)
            case ("RFC822.SIZE", .atom(let text)): size = Int(text) ?? 0
            case ("INTERNALDATE", .quoted(let text)): receivedAt = Self.internalDate(text)
            default: break
            }
            index += 2
        }
        guard let uid, uid > 0 else { return nil }
        self.init(uid: uid, flags: flags, size: size, receivedAt: receivedAt)
    }

    /// `date-time` of RFC 3501: `07-Dec-2026 07:11:13 +0000` (the day may have a leading space).
    static func internalDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d-MMM-yyyy HH:mm:ss Z"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
