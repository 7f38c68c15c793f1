import Testing

@testable import RhythmInbound

@Suite struct BounceDiagnosticTests {
    @Test("links and token-shaped words are removed from a server's reply; codes, hosts and addresses stay")
    func removesSecrets() {
        let text =
            "550 5.7.1 <mei.lin@example.org> rejected content https://rhythm.example.org/a/Zx9Qm2Lp7Vt4Rk8Ws3Yb6Nc1 "
            + "token Zx9Qm2Lp7Vt4Rk8Ws3Yb6Nc1Hd5Fg0Ja at mx.example.org"
        #expect(
            BounceDiagnostic.sanitized(text)
                == "550 5.7.1 <mei.lin@example.org> rejected content [removed] token [removed] at mx.example.org")
    }

    @Test("a long reply is cut to fit a status line")
    func shortens() throws {
        let text = String(repeating: "busy ", count: 100)
        let sanitized = try #require(BounceDiagnostic.sanitized(text))
        #expect(sanitized.count == BounceDiagnostic.maximumLength && sanitized.hasSuffix("…"))
    }

    @Test(
        "only Rhythm's own Message-IDs lead to the outbox",
        arguments: [
            ("ddd7940eaca288913be3718919cbdf85@collective.example.org", "rhythm-ddd7940eaca288913be3718919cbdf85"),
            ("DDD7940EACA288913BE3718919CBDF85@collective.example.org", nil),
            ("CAF3kQ9x7pL2m@mail.collective.example.org", nil), ("ddd7940eaca288913be3718919cbdf85", nil),
        ] as [(String, String?)])
    func sentMessageIDs(identifier: String, expected: String?) {
        #expect(SentMessageID.outboxMessageID(forEmailID: identifier) == expected)
    }
}
