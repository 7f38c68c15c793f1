import Foundation
import Testing

@testable import RhythmDelivery

/// Chat posts are written directly; the bytes must stay those `JSONEncoder` writes with sorted
/// keys and unescaped slashes, which signatures and receivers already rely on.
@Suite struct WebhookJSONTests {
    static func encoderBytes(_ value: WebhookJSON) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    @Test("every kind of value, escape and key order is written as JSONEncoder writes it")
    func matchesJSONEncoder() throws {
        let control = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        let value: WebhookJSON = [
            "title": .string("Quotes \" and \\ backslashes, https://example.org/a/b and tabs\t" + control + "\u{7F}"),
            "Zeta": "capital before lower case?",
            "alpha": ["é, ß, 日本語, 🎉 and U+2028 \u{2028}", 42, -7, true, false, nil, [], [:]],
            "linkLabel": ["nested": ["deeper": "yes"], "Nested": 1],
            "link": "",
            "lines": ["a", "b"],
        ]
        #expect(value.encoded() == (try Self.encoderBytes(value)))
        #expect(String(decoding: value.encoded(), as: UTF8.self).contains("https://example.org/a/b"))
    }
}
