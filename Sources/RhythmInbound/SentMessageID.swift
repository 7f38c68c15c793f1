import RhythmStore

/// How a Message-ID Rhythm put on an e-mail leads back to its outbox entry.
///
/// Rhythm's e-mails carry `<hash@domain>`, where `hash` is the first 32 hex digits of the
/// SHA-256 of the outbox key; the outbox stores the same digits as `rhythm-<hash>`. Any other
/// identifier is someone else's message.
enum SentMessageID {
    /// The outbox `message_id` for an e-mail Message-ID (without angle brackets), or nil when
    /// the identifier is not of Rhythm's form.
    static func outboxMessageID(forEmailID identifier: String) -> String? {
        let parts = identifier.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32,
            parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        return "rhythm-" + parts[0]
    }

    /// The identifiers of the `Message-ID:` lines in `text`, as a bounce quotes the returned
    /// message's header (the lines may be indented or quoted with `>`). Only `Message-ID`
    /// counts: `In-Reply-To` or `References` of a returned reply name Rhythm's messages
    /// without being one.
    static func quoted(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            guard trimmed.lowercased().hasPrefix("message-id:"),
                let open = trimmed.firstIndex(of: "<"),
                let close = trimmed[open...].firstIndex(of: ">")
            else { return nil }
            let identifier = trimmed[trimmed.index(after: open)..<close].filter { !$0.isWhitespace }
            return identifier.isEmpty ? nil : identifier
        }
    }
}
