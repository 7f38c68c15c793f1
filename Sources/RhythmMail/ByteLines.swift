/// One line of a byte buffer: where its content starts and ends (without the line break) and
/// where the next line starts. Both CRLF and a bare LF end a line, because messages saved by
/// tools (and test fixtures) often lose their carriage returns.
struct ByteLine {
    var start: Int
    var contentEnd: Int
    var next: Int
}

extension ArraySlice where Element == UInt8 {
    /// Splits the slice into lines, keeping absolute indices into the underlying buffer.
    var lines: [ByteLine] {
        var result: [ByteLine] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            if self[index] == 0x0A {
                let end = index > start && self[index - 1] == 0x0D ? index - 1 : index
                result.append(ByteLine(start: start, contentEnd: end, next: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < endIndex {
            result.append(ByteLine(start: start, contentEnd: endIndex, next: endIndex))
        }
        return result
    }
}

extension Collection where Element == UInt8 {
    /// The bytes read as UTF-8, or as ISO-8859-1 when they are not valid UTF-8; never fails,
    /// because raw 8-bit headers are common and a readable guess beats nothing.
    var lenientText: String {
        if let text = String(validating: self, as: UTF8.self) { return text }
        return String(decoding: self.map { UInt16($0) }, as: UTF16.self)
    }
}
