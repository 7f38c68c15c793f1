/// Message identifiers from `Message-ID`, `In-Reply-To` and `References`.
///
/// Identifiers are returned without their angle brackets (`abc@example.org`), the form the
/// outbox stores; a field that has no bracketed identifier but a single bare word (some old
/// MTAs) gives that word.
enum MessageIDs {
    static func list(parsing raw: String) -> [String] {
        var identifiers: [String] = []
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let identifier = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !identifier.isEmpty { identifiers.append(identifier) }
            rest = rest[rest.index(after: close)...]
        }
        if identifiers.isEmpty {
            let words = raw.split(whereSeparator: \.isWhitespace)
            if words.count == 1, words[0].contains("@") { identifiers.append(String(words[0])) }
        }
        return identifiers
    }
}
