import Foundation
import Testing

@testable import RhythmCLI

@Suite struct JSONWriterTests {
    static func encoderOutput(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ text: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.member("value", text)
        json.endObject()
        return json.output.string
    }

    /// Every control character, the two that JSON always escapes, the solidus (left alone), DEL
    /// and characters beyond ASCII, alone and between other text.
    static let strings: [String] =
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
            "\"", "\\", "/", "\u{7F}", "é", "🎉", "\u{2028}", "", "a\"b\\c\nd\te\u{1}f", "Café — naïve 📅",
        ]

    @Test("strings are escaped as RFC 8259 asks, byte for byte as JSONEncoder escapes them", arguments: strings)
    func escapesLikeTheEncoder(text: String) throws {
        #expect(Self.written(text) == (try Self.encoderOutput(["value": text])))
        let parsed = try JSONSerialization.jsonObject(with: Data(Self.written(text).utf8)) as? [String: String]
        #expect(parsed == ["value": text])
    }

    @Test("a string prepared once is written as the same string written in place", arguments: strings)
    func preparedStringsLikeStrings(text: String) {
        var json = JSONWriter()
        json.beginObject()
        json.member("value", JSONString(text))
        json.endObject()
        #expect(json.output.string == Self.written(text))
    }

    struct Sample: Encodable {
        struct Inner: Encodable {
            let a: Int64
            let b: String?
        }
        let empty: [String]
        let items: [Inner]
        let nested: Inner
        let title: String
    }

    @Test("nested objects, arrays, empty arrays and left-out nils are laid out as JSONEncoder lays them out")
    func layoutLikeTheEncoder() throws {
        let sample = Sample(
            empty: [], items: [.init(a: 1, b: "x"), .init(a: -2, b: nil)], nested: .init(a: 3, b: "y"), title: "t")
        var json = JSONWriter()
        json.beginObject()
        json.key("empty")
        json.beginArray()
        json.endArray()
        json.key("items")
        json.beginArray()
        for item in sample.items {
            json.beginObject()
            json.member("a", item.a)
            json.member("b", item.b)
            json.endObject()
        }
        json.endArray()
        json.key("nested")
        json.beginObject()
        json.member("a", sample.nested.a)
        json.member("b") { $0.append("y") }
        json.endObject()
        json.member("title", sample.title)
        json.endObject()
        #expect(json.output.string == (try Self.encoderOutput(sample)))
    }
}
