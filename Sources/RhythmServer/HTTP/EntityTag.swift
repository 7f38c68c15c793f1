/// A strong entity tag (RFC 9110 §8.8.3), and the `If-None-Match` test against it.
struct EntityTag: Equatable, Sendable {
    /// The tag without its quotes.
    let opaqueTag: String

    /// The field value: the tag in double quotes.
    var headerValue: String { "\"\(opaqueTag)\"" }

    /// Whether an `If-None-Match` field value names this tag, so that the client's copy is current.
    ///
    /// Uses the weak comparison RFC 9110 §13.1.2 prescribes for GET and HEAD, so `W/"x"` matches
    /// `"x"`; `*` matches any current representation. Parsing stops at the first malformed member,
    /// which then cannot match.
    func isMatched(byIfNoneMatch fieldValue: String) -> Bool {
        let quote = UInt8(ascii: "\"")
        var rest = fieldValue.utf8[...]
        while true {
            rest = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ",") }
            guard let first = rest.first else {
                return false
            }
            if first == UInt8(ascii: "*") {
                return true
            }
            if rest.starts(with: "W/".utf8) {
                rest = rest.dropFirst(2)
            }
            guard rest.first == quote else {
                return false
            }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else {
                return false
            }
            if rest[..<end].elementsEqual(opaqueTag.utf8) {
                return true
            }
            rest = rest[rest.index(after: end)...]
        }
    }
}
