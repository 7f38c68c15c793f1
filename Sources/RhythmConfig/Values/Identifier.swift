/// The ids that entries use to refer to each other: lower-case letters, digits and hyphens,
/// so they read well in URLs and never differ by capitals alone.
enum Identifier {
    static func check(_ text: String) -> ValueProblem? {
        let valid =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
        if valid, !text.hasPrefix("-"), !text.hasSuffix("-") { return nil }
        let offending = text.unicodeScalars.firstIndex {
            !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-")
        }
        let offset = offending.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? 0
        let suggestion = slug(text)
        let hint = suggestion.isEmpty || suggestion == text ? "" : "; for example \"\(suggestion)\""
        return ValueProblem(
            "\"\(text)\" is not a valid id: use lower-case letters, digits and hyphens (not at either end)\(hint)",
            offset: offset)
    }

    /// The id a coordinator probably meant: lower case, with spaces and underscores as hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if [" ", "_", "-", "."].contains(scalar), !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
