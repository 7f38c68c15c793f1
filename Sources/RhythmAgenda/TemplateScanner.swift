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

    init(_ text: String) {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let triple = text[index...].hasPrefix("{{{")
                let close = triple ? "}}}" : "}}"
                let bodyStart = text.index(index, offsetBy: triple ? 3 : 2)
                guard let end = text[bodyStart...].range(of: close) else {
                    tags.append(
                        Self.tag(text: String(text[index...].prefix { $0 != "\n" }), line: line, column: column))
                    break
                }
                let whole = String(text[index..<end.upperBound])
                tags.append(Self.tag(text: whole, line: line, column: column))
                for character in whole {
                    if character == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                index = end.upperBound
                continue
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        self.tags = tags
        self.changesDelimiters = tags.contains { $0.sigil == "=" }
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

    private static func tag(text: String, line: Int, column: Int) -> Tag {
        var body = Substring(text)
        body = body.dropFirst(2)
        if body.hasSuffix("}}") { body = body.dropLast(2) }
        let sigils: Set<Character> = ["#", "^", "/", ">", "!", "{", "&", "=", "%", "$", "<"]
        var sigil: Character?
        if let first = body.first, sigils.contains(first) {
            sigil = first
            body = body.dropFirst()
        }
        if sigil == "{", body.hasSuffix("}") { body = body.dropLast() }
        let name = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return Tag(sigil: sigil, name: name, text: text, line: line, column: column)
    }
}
