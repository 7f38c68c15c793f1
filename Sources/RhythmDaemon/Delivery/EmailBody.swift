import Foundation
import RhythmDelivery

/// A link in an e-mail, with the words a person reads instead of the address.
struct MessageLink: Hashable, Sendable {
    /// What following the link does, in plain words: "I'll be there".
    let label: String
    let url: String
}

/// What an e-mail says, block by block, rendered once as plain text and once as HTML so the
/// two parts carry the same words and the same links.
struct EmailBody: Hashable, Sendable {
    enum Block: Hashable, Sendable {
        /// A section of its own, such as one reminder of a digest.
        case heading(String)
        case paragraph(String)
        /// Text whose line breaks and spacing matter, such as an agenda in a digest.
        case preformatted(String)
        /// Links as a list: `label: url` lines in text, real anchors in HTML.
        case links([MessageLink])
    }

    static let signature = "— Rhythm, for the backbone team"

    var blocks: [Block] = []

    init(_ blocks: [Block] = []) {
        self.blocks = blocks
    }

    /// Paragraphs of plain text.
    init(paragraphs: [String]) {
        self.init(paragraphs.map(Block.paragraph))
    }

    mutating func append(_ block: Block) {
        if case .links(let links) = block, links.isEmpty { return }
        blocks.append(block)
    }

    mutating func append(paragraphs: [String]) {
        for paragraph in paragraphs { append(.paragraph(paragraph)) }
    }

    /// The text part: the greeting, the blocks, and the signature.
    func text(greeting name: String) -> String {
        let middle = blocks.map { block in
            switch block {
            case .heading(let text): "— \(text)"
            case .paragraph(let text), .preformatted(let text): text
            case .links(let links): links.map { "\($0.label): \($0.url)" }.joined(separator: "\n")
            }
        }
        return (["Hello \(name),"] + middle + [Self.signature]).joined(separator: "\n\n")
    }

    /// The HTML part, a page of its own titled `title`.
    func html(title: String, greeting name: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title></head>
        <body style="font-family: sans-serif; line-height: 1.4">
        <p>\(HTMLText.escape("Hello \(name),"))</p>
        \(htmlBlocks)
        <p style="color: #555">\(Self.signature)</p>
        </body></html>
        """
    }

    /// The blocks as HTML, to stand inside a `<body>`.
    var htmlBlocks: String {
        blocks.map { block in
            switch block {
            case .heading(let text): "<h2 style=\"font-size: 1.1em\">\(HTMLText.escape(text))</h2>"
            case .paragraph(let text): "<p>\(HTMLText.escape(text))</p>"
            case .preformatted(let text):
                "<pre style=\"white-space: pre-wrap; font-family: inherit\">\(HTMLText.escape(text))</pre>"
            case .links(let links):
                "<ul>\n"
                    + links.map { "<li><a href=\"\(HTMLText.escape($0.url))\">\(HTMLText.escape($0.label))</a></li>" }
                    .joined(separator: "\n") + "\n</ul>"
            }
        }.joined(separator: "\n")
    }

    /// `page`, a complete HTML document such as a rendered agenda, with the blocks added at
    /// the end of its body (or after it, when it has no `</body>`).
    func appended(toHTML page: String) -> String {
        guard !blocks.isEmpty else { return page }
        let section =
            "<div style=\"max-width: 720px; margin: 16px auto; font-family: sans-serif\">\n"
            + htmlBlocks + "\n</div>\n"
        guard let end = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return page + "\n" + section
        }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
    }
}
