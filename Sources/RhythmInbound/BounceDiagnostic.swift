import Foundation

/// A receiving server's reply (`Diagnostic-Code`, or a plain-text bounce's explanation) made
/// safe to store and show.
///
/// Servers sometimes echo parts of the message back, and Rhythm's messages carry answer links
/// whose tokens act for a person: every word that looks like a link or a token is replaced,
/// control characters go, and the text is cut to a length that fits a status line.
enum BounceDiagnostic {
    /// The most characters kept; a server's reply that matters fits in far fewer.
    static let maximumLength = 240

    /// `text` without links, tokens and control characters, shortened; nil when nothing is left.
    static func sanitized(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).map { word in
            mayHoldSecret(word)
                ? "[removed]" : String(word.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" })
        }
        let joined = words.filter { !$0.isEmpty }.joined(separator: " ")
        guard !joined.isEmpty else { return nil }
        guard joined.count > maximumLength else { return joined }
        return String(joined.prefix(maximumLength - 1)) + "…"
    }

    /// A link (`scheme://…`, or a path with `/a/` or `/me/`, which answer links use) or a word
    /// of 24 or more letters, digits, `-` and `_` with no dot or `@`: the shape of a token,
    /// not of a host name, an address or a status code.
    private static func mayHoldSecret(_ word: Substring) -> Bool {
        if word.contains("://") || word.contains("/a/") || word.contains("/me/") { return true }
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[]\"',;:."))
        return core.count >= 24
            && core.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
