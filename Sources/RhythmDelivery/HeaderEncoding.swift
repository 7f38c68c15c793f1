/// RFC 2047 encoded words and header folding, so that any text fits a header safely.
enum HeaderEncoding {
    /// The longest run of UTF-8 bytes in one encoded word: 45 bytes become 60 base64
    /// characters, and with `=?UTF-8?B?` and `?=` the word stays within RFC 2047's 75.
    private static let bytesPerWord = 45

    /// Whether `text` can go into a header as it is: printable ASCII only and nothing a
    /// reader would take for an encoded word.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// The encoded words for `text`, each at most 75 characters, split between characters
    /// (never inside a UTF-8 sequence or, where possible, a grapheme cluster).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?\(Base64.encode(chunk))?=") }
            chunk = []
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count > bytesPerWord {
                // A very long grapheme cluster (a family emoji): split between its scalars.
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunk.count + scalarBytes.count > bytesPerWord { flush() }
                    chunk += scalarBytes
                }
                continue
            }
            if chunk.count + bytes.count > bytesPerWord { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// An unstructured header value such as a Subject, folded so that no line exceeds 78
    /// characters where a space allows: plain ASCII as it is, anything else as encoded words.
    /// `nameLength` is the length of `Name: ` on the first line.
    static func unstructured(_ text: String, nameLength: Int) -> String {
        let words: [String]
        if isPlain(text) && !text.split(separator: " ").contains(where: { $0.utf8.count > 900 }) {
            words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            return fold(words, separator: " ", nameLength: nameLength, keepSpaces: true)
        }
        words = encodedWords(text)
        return fold(words, separator: " ", nameLength: nameLength, keepSpaces: false)
    }

    /// A display name: a quoted string when it is plain ASCII, encoded words otherwise.
    static func phrase(_ text: String) -> String {
        if isPlain(text) {
            let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// Joins words, starting a continuation line (CRLF and a space) when a line would pass
    /// 78 characters.
    private static func fold(_ words: [String], separator: String, nameLength: Int, keepSpaces: Bool) -> String {
        var result = ""
        var lineLength = nameLength
        for (index, word) in words.enumerated() {
            if index == 0 {
                result = word
                lineLength += word.utf8.count
            } else if lineLength + 1 + word.utf8.count > 78 && lineLength > 1 && (!keepSpaces || !word.isEmpty) {
                result += "\r\n " + word
                lineLength = 1 + word.utf8.count
            } else {
                result += separator + word
                lineLength += 1 + word.utf8.count
            }
        }
        return result
    }
}

/// Base64 (RFC 4648) and its MIME form with 76-character lines.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = bytes[index]
            let b = index + 1 < bytes.count ? bytes[index + 1] : 0
            let c = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(a >> 2)])
            output.append(alphabet[Int((a & 0x03) << 4 | b >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((b & 0x0F) << 2 | c >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(c & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters, each ended by CRLF, as a MIME body.
    static func mimeBody(_ bytes: [UInt8]) -> String {
        let encoded = Array(encode(bytes).utf8)
        var result = ""
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            result += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return result
    }
}

/// Quoted-printable (RFC 2045) for text parts: UTF-8 text in lines of at most 76 characters.
///
/// Works on the UTF-8 bytes in one pass, appending to one buffer: every reminder e-mail
/// encodes two parts, so this runs twice per message sent.
enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`, treating CRLF, LF and a lone CR each as one line break.
    static func encode(_ text: String) -> String {
        String(decoding: Array(text.utf8).withUnsafeBufferPointer(encode(bytes:)), as: UTF8.self)
    }

    private static func encode(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 8)
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            guard index == bytes.count || bytes[index] == 10 || bytes[index] == 13 else {
                index += 1
                continue
            }
            let lineEnd = index
            if index < bytes.count {
                // CRLF counts as one break.
                index += bytes[index] == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
            } else {
                index += 1
            }
            // A final line break ends the last line rather than starting an empty one.
            if lineEnd == bytes.count, lineStart == bytes.count, lineStart > 0 { break }
            encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), into: &output)
            lineStart = index
        }
        return output
    }

    /// Appends one line without its break, then CRLF; soft breaks keep it within 76 octets.
    private static func encodeLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var lineLength = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 32 || byte == 9) && !isLast)
            var escaped = !literal || (byte == UInt8(ascii: ".") && lineLength == 0)
            var width = escaped ? 3 : 1
            // Leave room for the soft break "=" unless this is the line's last token.
            if lineLength + width > (isLast ? 76 : 75) {
                output.append(contentsOf: [UInt8(ascii: "="), 13, 10])
                lineLength = 0
                if byte == UInt8(ascii: "."), !escaped {
                    escaped = true
                    width = 3
                }
            }
            if escaped {
                output.append(contentsOf: [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            } else {
                output.append(byte)
            }
            lineLength += width
        }
        output.append(contentsOf: [13, 10])
    }
}
