/// Folding of content lines at 75 octets (RFC 5545 §3.1).
///
/// The limit is in UTF-8 octets, not characters, and a fold must never split a multi-octet
/// sequence: Google shows `��` for a split emoji and several parsers reject the line. Folds go
/// between grapheme clusters (so an accented letter or a flag stays whole on one line) and fall
/// back to scalar boundaries only for a cluster too long to fit on a line by itself. A TEXT
/// escape (`\,`, `\n`, `\\`) is kept on one line as well: unfolding first makes a split escape
/// legal, but naive parsers that unescape line by line get it wrong.
enum LineFolding {
    /// The most octets a physical line may hold, excluding its CRLF.
    static let octetLimit = 75

    /// `line` with `CRLF SPACE` inserted wherever it must fold; no line end is appended.
    static func folded(_ line: String) -> String {
        guard line.utf8.count > octetLimit else { return line }
        var result = ""
        result.reserveCapacity(line.utf8.count + line.utf8.count / 24)
        var used = 0
        for unit in units(of: line) {
            let size = unit.utf8.count
            if used + size <= octetLimit {
                result += unit
                used += size
            } else if size < octetLimit {
                result += "\r\n "
                result += unit
                used = 1 + size
            } else {
                for scalar in unit.unicodeScalars {
                    let width = UTF8.width(scalar)
                    if used + width > octetLimit {
                        result += "\r\n "
                        used = 1
                    }
                    result.unicodeScalars.append(scalar)
                    used += width
                }
            }
        }
        return result
    }

    /// The grapheme clusters of `line`, with each backslash joined to the cluster after it.
    private static func units(of line: String) -> [Substring] {
        var units: [Substring] = []
        var index = line.startIndex
        while index < line.endIndex {
            var next = line.index(after: index)
            if line[index] == "\\", next < line.endIndex { next = line.index(after: next) }
            units.append(line[index..<next])
            index = next
        }
        return units
    }
}
