import Foundation

/// One mailbox from an address header: `"Ana Pérez" <ana@example.org>` gives the display name
/// `Ana Pérez` and the address `ana@example.org`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name with encoded words decoded, or nil when there is none.
    public var displayName: String?
    /// The address as written (`local@domain`), without angle brackets.
    public var address: String

    /// Creates an address.
    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// The address alone; display names are not needed to match people and may hold anything.
    public var description: String { address }

    /// Reads an address list (RFC 5322 §3.4): mailboxes separated by commas, with quoted
    /// display names, angle brackets, comments and groups (`Team: a@x, b@y;`). An entry without
    /// an `@` (`undisclosed-recipients:;`) is dropped.
    public static func list(parsing raw: String) -> [MailAddress] {
        splitMailboxes(raw).compactMap(mailbox)
    }

    private static func mailbox(_ text: String) -> MailAddress? {
        var text = text.trimmingCharacters(in: .whitespaces)
        let comment = extractComment(&text)
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            guard address.contains("@") else { return nil }
            let name = HeaderValue.unquote(String(text[..<open]).trimmingCharacters(in: .whitespaces))
            let decoded = EncodedWords.decode(name).trimmingCharacters(in: .whitespaces)
            return MailAddress(displayName: decoded.isEmpty ? nil : decoded, address: address)
        }
        let address = text.trimmingCharacters(in: .whitespaces)
        guard address.contains("@"), !address.contains(" ") else { return nil }
        let name = comment.map(EncodedWords.decode)
        return MailAddress(displayName: name?.isEmpty == false ? name : nil, address: address)
    }

    /// Removes `(comments)` outside quotes and returns the first one, which old clients use as
    /// the display name (`ana@example.org (Ana Pérez)`).
    private static func extractComment(_ text: inout String) -> String? {
        var kept = ""
        var comment = ""
        var firstComment: String?
        var depth = 0
        var inQuotes = false
        for character in text {
            if depth == 0 && character == "\"" { inQuotes.toggle() }
            if !inQuotes && character == "(" {
                depth += 1
                if depth == 1 { continue }
            } else if !inQuotes && character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 {
                    if firstComment == nil { firstComment = comment.trimmingCharacters(in: .whitespaces) }
                    comment = ""
                    continue
                }
            }
            if depth > 0 { comment.append(character) } else { kept.append(character) }
        }
        text = kept.trimmingCharacters(in: .whitespaces)
        return firstComment
    }

    /// Splits at commas outside quotes, brackets and comments; group names (`Team:`) and group
    /// ends (`;`) act as separators too.
    private static func splitMailboxes(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var inAngle = false
        var commentDepth = 0
        var escaped = false
        for character in raw {
            if escaped {
                escaped = false
            } else if character == "\\" && inQuotes {
                escaped = true
            } else if character == "\"" && commentDepth == 0 {
                inQuotes.toggle()
            } else if !inQuotes {
                switch character {
                case "(": commentDepth += 1
                case ")": commentDepth = max(0, commentDepth - 1)
                case "<" where commentDepth == 0: inAngle = true
                case ">" where commentDepth == 0: inAngle = false
                case "," where commentDepth == 0 && !inAngle, ";" where commentDepth == 0 && !inAngle:
                    pieces.append(current)
                    current = ""
                    continue
                case ":" where commentDepth == 0 && !inAngle:
                    current = ""
                    continue
                default: break
                }
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}
