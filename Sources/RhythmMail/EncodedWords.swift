import Foundation

/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// Whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2), and adjacent
/// words in the same charset are joined as bytes before decoding, because clients split a
/// multi-byte UTF-8 character across two words more often than the RFC would like.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: String?
        var pendingWhitespace = ""
        func flushPending() {
            if pendingCharset != nil {
                result += Charset.decode(pendingBytes, charset: pendingCharset)
            }
            pendingBytes = []
            pendingCharset = nil
        }
        var rest = Substring(text)
        while !rest.isEmpty {
            if let word = EncodedWord(prefixOf: rest) {
                if let charset = pendingCharset, word.charset.caseInsensitiveCompare(charset) != .orderedSame {
                    flushPending()
                } else if pendingCharset == nil {
                    // Whitespace between ordinary text and an encoded word is kept.
                    result += pendingWhitespace
                }
                pendingCharset = word.charset
                pendingBytes += word.bytes
                pendingWhitespace = ""
                rest = rest.dropFirst(word.length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingWhitespace.append(character)
            } else {
                flushPending()
                result += pendingWhitespace
                pendingWhitespace = ""
                result.append(character)
            }
        }
        flushPending()
        return result + pendingWhitespace
    }
}

/// One encoded word at the start of a string.
private struct EncodedWord {
    var charset: String
    var bytes: [UInt8]
    var length: Int

    init?(prefixOf text: Substring) {
        guard text.hasPrefix("=?") else { return nil }
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[0].isEmpty,
            !parts[0].contains(" "), !parts[2].contains(" ")
        else { return nil }
        // RFC 2231 §5 allows a language after the charset: `utf-8*en`.
        charset = String(parts[0].split(separator: "*").first ?? parts[0])
        let payload = Array(parts[2].utf8)
        switch parts[1].uppercased() {
        case "B": bytes = TransferEncoding.base64(payload)
        case "Q": bytes = TransferEncoding.quotedPrintable(payload, underscoreIsSpace: true)
        default: return nil
        }
        length = 2 + parts[0].count + 1 + parts[1].count + 1 + parts[2].count + 2
    }
}
