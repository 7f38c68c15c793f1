import Foundation

/// One header field as it appeared, unfolded: its name and its raw value (encoded words are
/// not yet decoded, because structured fields must be split before decoding).
public struct HeaderField: Sendable, Hashable {
    /// The field name as written, for example `Content-Type`.
    public var name: String
    /// The value with folding removed and surrounding whitespace trimmed.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header section of a message or a body part: the fields in their original order.
public struct MessageHeader: Sendable, Hashable {
    /// Every field, in order; a name can repeat (`Received`, `Comments`).
    public var fields: [HeaderField]

    /// Creates a header from fields.
    public init(fields: [HeaderField]) {
        self.fields = fields
    }

    /// The raw value of the first field with this name (compared without case), or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The raw values of every field with this name, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The value of an unstructured field (`Subject`, `Comments`) with RFC 2047 encoded words
    /// decoded, or nil when the field is absent.
    public func text(_ name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }

    /// Reads header lines up to the first empty line; returns the header and the index where
    /// the body starts. A line without a colon is skipped (as most clients do), and a
    /// continuation line before any field is ignored.
    static func read(_ bytes: ArraySlice<UInt8>) -> (header: MessageHeader, bodyStart: Int) {
        var fields: [HeaderField] = []
        var bodyStart = bytes.endIndex
        var pending: (name: String, value: [UInt8])?
        func flush() {
            guard let field = pending else { return }
            let value = field.value.lenientText.trimmingCharacters(in: .whitespaces)
            fields.append(HeaderField(name: field.name, value: value))
            pending = nil
        }
        for line in bytes.lines {
            if line.start == line.contentEnd {
                bodyStart = line.next
                break
            }
            let content = bytes[line.start..<line.contentEnd]
            if let first = content.first, first == 0x20 || first == 0x09 {
                pending?.value.append(contentsOf: content)
                continue
            }
            flush()
            guard let colon = content.firstIndex(of: 0x3A) else { continue }
            let name = content[content.startIndex..<colon].lenientText.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            pending = (name, Array(content[(colon + 1)...]))
        }
        flush()
        return (MessageHeader(fields: fields), bodyStart)
    }
}
