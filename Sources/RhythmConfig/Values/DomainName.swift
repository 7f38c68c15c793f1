/// Checks for host names such as `brightwater-futures.org.au`.
enum DomainName {
    static func check(_ text: String) -> ValueProblem? {
        guard !text.isEmpty else { return ValueProblem("the domain is missing") }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else {
            return ValueProblem("\"\(text)\" is not a full domain name (it needs a dot, as in example.org)")
        }
        for label in labels {
            guard !label.isEmpty else { return ValueProblem("\"\(text)\" has an empty part between dots") }
            let valid = label.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-"
            }
            guard valid, !label.hasPrefix("-"), !label.hasSuffix("-") else {
                return ValueProblem(
                    "\"\(text)\" is not a domain name: \"\(label)\" may only hold letters, digits and inner hyphens")
            }
        }
        return nil
    }
}
