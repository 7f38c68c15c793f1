import Foundation

/// A quick reading of a template's tags with their lines and columns.
///
/// swift-mustache says only where its parser stopped; this scan finds the tag at fault
/// (the section left open, the closing tag that closes the wrong thing, the partial that
/// names no template) so the error can quote it. It reads the default `{{ }}` delimiters
/// only; templates that change them get the parser's own position instead.
struct TemplateScanner {
    struct Tag {
        /// `#`, `^`, `/`, `>`, `!`, `{`, `&`, `=`, `%`, `$`, `<` or nil for a variable.
        let sigil: Character?
        let name: String
        let text: String
        let line: Int
        let column: Int
    }

    /// A problem with the sections found by the scan.
    enum Mismatch {
        case unexpectedClose(Tag, open: Tag?)
        case unclosed(Tag)
        /// A tag whose closing braces never come.
        case unterminated(Tag)
    }

    let tags: [Tag]
    /// Whether the template changes its delimiters, which the scan cannot follow.
    let changesDelimiters: Bool

    /// Scans `text` as UTF-8 bytes: a template is read by every command that loads the
    /// agenda templates, so the scan stays linear and copies only the tags. Columns count
    /// Unicode scalars.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{")
        var tags: [Tag] = []
        var position = Position()
        var index = 0
        while index < bytes.count {
            guard bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace else {
                position.advance(over: bytes[index])
                index += 1
                continue
            }
            let triple = index + 2 < bytes.count && bytes[index + 2] == brace
            guard let end = Self.end(ofClosingBraces: triple ? 3 : 2, in: bytes, from: index + (triple ? 3 : 2)) else {
                let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let rest = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                tags.append(Self.tag(text: rest, line: position.line, column: position.column))
                break
            }
            let whole = String(decoding: bytes[index..<end], as: UTF8.self)
            tags.append(Self.tag(text: whole, line: position.line, column: position.column))
            for byte in bytes[index..<end] { position.advance(over: byte) }
            index = end
        }
        self.tags = tags
        self.changesDelimiters = tags.contains { $0.sigil == "=" }
    }

    /// A line and column, moved on byte by byte: a UTF-8 continuation byte is no new column.
    private struct Position {
        var line = 1
        var column = 1

        mutating func advance(over byte: UInt8) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    /// The index just past the first run of `count` closing braces at or after `start`.
    private static func end(ofClosingBraces count: Int, in bytes: [UInt8], from start: Int) -> Int? {
        let brace = UInt8(ascii: "}")
        var index = start
        while index + count <= bytes.count {
            if bytes[index..<(index + count)].allSatisfy({ $0 == brace }) { return index + count }
            index += 1
        }
        return nil
    }

    /// The first section problem, if any.
    var mismatch: Mismatch? {
        if let last = tags.last, !last.text.hasSuffix("}}") { return .unterminated(last) }
        var open: [Tag] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                guard let last = open.last, last.name == tag.name else {
                    return .unexpectedClose(tag, open: open.last)
                }
                open.removeLast()
            default:
                continue
            }
        }
        return open.last.map { .unclosed($0) }
    }

    /// The partials the template includes.
    var partials: [Tag] { tags.filter { $0.sigil == ">" && !$0.name.hasPrefix("*") } }

    /// The tag that covers `line`:`column`, or the last one starting before it.
    func tag(at line: Int, column: Int) -> Tag? {
        tags.last { ($0.line, $0.column) <= (line, column) }
    }

    /// The characters that open a tag of a kind other than a variable.
    private static let sigils: Set<Character> = ["#", "^", "/", ">", "!", "{", "&", "=", "%", "$", "<"]

    private static func tag(text: String, line: Int, column: Int) -> Tag {
        var body = Substring(text)
        body = body.dropFirst(2)
        if body.hasSuffix("}}") { body = body.dropLast(2) }
        var sigil: Character?
        if let first = body.first, sigils.contains(first) {
            sigil = first
            body = body.dropFirst()
        }
        if sigil == "{", body.hasSuffix("}") { body = body.dropLast() }
        // The whitespace Mustache allows around a name, trimmed by hand: Foundation's
        // trimmingCharacters(in:) is slow enough to show when every tag is read at start-up.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let name = String(body.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        return Tag(sigil: sigil, name: name, text: text, line: line, column: column)
    }
}
