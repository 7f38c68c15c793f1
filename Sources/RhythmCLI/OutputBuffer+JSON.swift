extension OutputBuffer {
    /// `text` as a JSON string (RFC 8259 section 7): quotation mark, reverse solidus and the
    /// control characters U+0000 to U+001F escaped, in the short form where JSON has one,
    /// everything else as it is.
    mutating func appendJSONString(_ text: String) {
        append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var unescaped = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeBufferPointer(rebasing: utf8[unescaped..<index]))
                appendJSONEscaped(byte)
                unescaped = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[unescaped...]))
        }
        append(byte: UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendJSONEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            append("\\u00")
            append(byte: Self.hexDigits[Int(byte >> 4)])
            append(byte: Self.hexDigits[Int(byte & 0xF)])
        }
    }
}
