/// One element of an IMAP response line (RFC 3501 section 9): an atom or number, a quoted
/// string, NIL, or a parenthesised list.
///
/// Literals (`{n}`) never appear in the responses Rhythm asks for (STATUS, LIST, FETCH of
/// UID, FLAGS, RFC822.SIZE and INTERNALDATE); a line holding one does not parse.
enum IMAPToken: Hashable, Sendable {
    case atom(String)
    case quoted(String)
    case `nil`
    case list([IMAPToken])

    /// The token's text, for atoms and quoted strings.
    var text: String? {
        switch self {
        case .atom(let text), .quoted(let text): text
        case .nil, .list: nil
        }
    }

    /// Reads the tokens of `line`; nil when it is not well formed.
    static func tokens(of line: Substring) -> [IMAPToken]? {
        var reader = Reader(characters: Array(line))
        guard let tokens = reader.tokens(closing: nil), reader.atEnd else { return nil }
        return tokens
    }

    private struct Reader {
        let characters: [Character]
        var index = 0

        var atEnd: Bool { index == characters.count }

        mutating func tokens(closing: Character?) -> [IMAPToken]? {
            var tokens: [IMAPToken] = []
            while true {
                while index < characters.count, characters[index] == " " { index += 1 }
                guard index < characters.count else { return closing == nil ? tokens : nil }
                let character = characters[index]
                if character == closing {
                    index += 1
                    return tokens
                }
                switch character {
                case "(":
                    index += 1
                    guard let inner = self.tokens(closing: ")") else { return nil }
                    tokens.append(.list(inner))
                case ")":
                    return nil
                case "\"":
                    guard let text = quoted() else { return nil }
                    tokens.append(.quoted(text))
                case "{":
                    return nil
                default:
                    let atom = self.atom()
                    tokens.append(atom.uppercased() == "NIL" ? .nil : .atom(atom))
                }
            }
        }

        private mutating func quoted() -> String? {
            index += 1
            var text = ""
            while index < characters.count {
                let character = characters[index]
                index += 1
                switch character {
                case "\"": return text
                case "\\":
                    guard index < characters.count else { return nil }
                    text.append(characters[index])
                    index += 1
                default: text.append(character)
                }
            }
            return nil
        }

        /// An atom, a number or a flag; `BODY[HEADER]`-style brackets stay inside the atom.
        private mutating func atom() -> String {
            var text = ""
            var depth = 0
            while index < characters.count {
                let character = characters[index]
                if depth == 0, character == " " || character == "(" || character == ")" { break }
                if character == "[" { depth += 1 }
                if character == "]" { depth = max(0, depth - 1) }
                text.append(character)
                index += 1
            }
            return text
        }
    }
}

extension String {
    /// This text as an IMAP quoted string: in double quotes, with `\` and `"` escaped.
    var imapQuoted: String {
        "\"" + replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
