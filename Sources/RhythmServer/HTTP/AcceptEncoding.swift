/// What a request's `Accept-Encoding` fields allow (RFC 9110 §12.5.3).
///
/// Read on every feed request, so it works on the fields' UTF-8 bytes: no Foundation, no
/// lowercased copies.
enum AcceptEncoding {
    /// Whether the client takes gzip: a `gzip` (or legacy `x-gzip`) member, else a `*` member, with a
    /// quality above zero. No field, or neither member, means no gzip; a quality that does not parse
    /// counts as a refusal. Codings and parameter names compare without regard to case.
    static func allowsGzip(_ fieldValues: [String]) -> Bool {
        var gzipQuality: Double?
        var anyQuality: Double?
        for fieldValue in fieldValues {
            for member in fieldValue.utf8.split(separator: UInt8(ascii: ",")) {
                let parts = member.split(separator: UInt8(ascii: ";"))
                guard let coding = parts.first.map(trimmed) else {
                    continue
                }
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1).map(trimmed)
                    if pair.count == 2, matches(pair[0], "q") {
                        quality = Double(Substring(pair[1])) ?? 0
                    }
                }
                if matches(coding, "gzip") || matches(coding, "x-gzip") {
                    gzipQuality = quality
                } else if matches(coding, "*") {
                    anyQuality = quality
                }
            }
        }
        return (gzipQuality ?? anyQuality ?? 0) > 0
    }

    /// `text` without the optional whitespace (spaces and tabs) around it.
    private static func trimmed(_ text: Substring.UTF8View) -> Substring.UTF8View {
        let isWhitespace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var text = text
        while let first = text.first, isWhitespace(first) {
            text = text.dropFirst()
        }
        while let last = text.last, isWhitespace(last) {
            text = text.dropLast()
        }
        return text
    }

    /// Whether `text` is `word` (lowercase ASCII) in any case.
    private static func matches(_ text: Substring.UTF8View, _ word: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard text.count == expected.count else {
            return false
        }
        return zip(text, expected).allSatisfy { byte, lowercase in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == lowercase : byte == lowercase
        }
    }
}
