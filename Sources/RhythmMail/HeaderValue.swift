import Foundation

/// A structured header value with parameters, such as `Content-Type` or
/// `Content-Disposition`: a main value and `name=value` pairs.
///
/// Parameters may be quoted (with backslash escapes), split and charset-tagged as RFC 2231
/// allows (`filename*0*=utf-8''R%C3%A9union; filename*1=.ics`), or carry RFC 2047 encoded
/// words inside quotes, which Outlook and Gmail do for attachment names.
public struct HeaderValue: Sendable, Hashable {
    /// The value before the first `;`, lower-cased, for example `text/calendar` or `attachment`.
    public var value: String
    /// The parameters, keyed by lower-cased name, fully decoded.
    public var parameters: [String: String]

    /// Creates a value.
    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses a raw header value; never fails (a broken parameter is skipped).
    public init(parsing raw: String) {
        let pieces = Self.splitOutsideQuotes(raw)
        value = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let text = Self.unquote(piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            guard !name.isEmpty else { continue }
            let nameParts = name.split(separator: "*", omittingEmptySubsequences: false)
            if nameParts.count == 1 {
                plain[name] = text
                continue
            }
            let base = String(nameParts[0])
            let encoded = name.hasSuffix("*")
            let index = nameParts.count >= 3 || (nameParts.count == 2 && !encoded) ? Int(nameParts[1]) ?? 0 : 0
            sections[base, default: []].append((index, encoded, text))
        }
        var parameters = plain.mapValues { $0.contains("=?") ? EncodedWords.decode($0) : $0 }
        for (name, parts) in sections {
            parameters[name] = Self.joinContinuations(parts.sorted { $0.index < $1.index })
        }
        self.parameters = parameters
    }

    /// Joins RFC 2231 sections: encoded sections are percent-decoded bytes in the charset
    /// named before the first `'` of the first section.
    private static func joinContinuations(_ parts: [(index: Int, encoded: Bool, text: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, part) in parts.enumerated() {
            var text = Substring(part.text)
            if part.encoded && position == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes += part.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return Charset.decode(bytes, charset: charset ?? "utf-8")
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == 0x25, index + 2 < input.count,
                let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }

    /// Splits at `;` outside double quotes.
    private static func splitOutsideQuotes(_ raw: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = raw.startIndex
        var inQuotes = false
        var escaped = false
        for index in raw.indices {
            let character = raw[index]
            if escaped {
                escaped = false
            } else if character == "\\" && inQuotes {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(raw[start..<index])
                start = raw.index(after: index)
            }
        }
        pieces.append(raw[start...])
        return pieces
    }

    /// Removes surrounding double quotes and backslash escapes.
    static func unquote(_ text: String) -> String {
        guard text.hasPrefix("\""), text.count >= 2 else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }
}
