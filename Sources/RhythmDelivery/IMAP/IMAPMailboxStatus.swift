/// A mailbox's STATUS: how its messages are numbered and how many there are.
public struct IMAPMailboxStatus: Hashable, Sendable {
    /// UIDVALIDITY: UIDs from an earlier value mean nothing now.
    public var uidValidity: Int64
    /// UIDNEXT: the UID the next message will get.
    public var uidNext: Int64
    public var messages: Int

    public init(uidValidity: Int64, uidNext: Int64, messages: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
    }

    /// Reads `* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 1796627473)` among `lines`.
    init?(statusResponse lines: [Substring]) {
        for line in lines where line.hasPrefix("* ") {
            guard let tokens = IMAPToken.tokens(of: line.dropFirst(2)), tokens.count == 3,
                tokens[0].text?.uppercased() == "STATUS", case .list(let items) = tokens[2]
            else { continue }
            var values: [String: Int64] = [:]
            var index = 0
            while index + 1 < items.count {
                if let name = items[index].text?.uppercased(), let value = items[index + 1].text.flatMap({ Int64($0) })
                {
                    values[name] = value
                }
                index += 2
            }
            guard let uidValidity = values["UIDVALIDITY"], let uidNext = values["UIDNEXT"] else { return nil }
            self.init(uidValidity: uidValidity, uidNext: uidNext, messages: Int(values["MESSAGES"] ?? 0))
            return
        }
        return nil
    }
}
