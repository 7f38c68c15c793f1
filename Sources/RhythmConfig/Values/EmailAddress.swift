/// Checks for e-mail addresses and mailboxes: not full RFC 5322, but enough to catch what a
/// coordinator mistypes, and strict about line breaks, which could smuggle in mail headers.
enum EmailAddress {
    private static let forbiddenInLocalPart = Set(" \t\"(),:;<>[\\]@".unicodeScalars)

    /// Checks a bare address, `name@example.org`.
    static func check(_ text: String) -> ValueProblem? {
        if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            return ValueProblem("an e-mail address cannot contain a line break")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return ValueProblem(
                parts.count < 2
                    ? "\"\(text)\" is not an e-mail address: it has no @"
                    : "\"\(text)\" is not an e-mail address: it has more than one @")
        }
        let local = parts[0]
        let domain = String(parts[1])
        guard !local.isEmpty else {
            return ValueProblem("\"\(text)\" is not an e-mail address: nothing comes before the @")
        }
        if let bad = local.unicodeScalars.first(where: { forbiddenInLocalPart.contains($0) || $0.value < 0x20 }) {
            return ValueProblem("\"\(text)\" is not an e-mail address: \"\(bad)\" cannot appear before the @")
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return ValueProblem("\"\(text)\" is not an e-mail address: the part before the @ has a misplaced dot")
        }
        if let problem = DomainName.check(domain) {
            return ValueProblem("\"\(text)\" is not an e-mail address: after the @, \(problem.message)")
        }
        return nil
    }

    /// Checks a mailbox: a bare address or `Display Name <name@example.org>`.
    static func checkMailbox(_ text: String) -> ValueProblem? {
        if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            return ValueProblem("a sender cannot contain a line break")
        }
        let trimmed = text.trimmingWhitespace
        guard let open = trimmed.lastIndex(of: "<") else {
            if trimmed.contains(">") {
                return ValueProblem("\"\(text)\" has a \">\" without a \"<\"; write Name <address@example.org>")
            }
            return check(trimmed)
        }
        guard trimmed.hasSuffix(">") else {
            return ValueProblem("\"\(text)\" opens \"<\" but does not end with \">\"; write Name <address@example.org>")
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let name = trimmed[..<open]
        if name.contains("<") || name.contains(">") {
            return ValueProblem("\"\(text)\" has more than one <...>; write Name <address@example.org>")
        }
        return check(address)
    }
}
