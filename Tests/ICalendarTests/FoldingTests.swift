import Foundation
import Testing

@testable import ICalendar

@Suite struct FoldingTests {
    /// The physical lines of `text` without their CRLF.
    static func physicalLines(_ text: String) -> [Substring] {
        Substring(text).split(separator: "\r\n", omittingEmptySubsequences: true)
    }

    /// An event whose only property is a SUMMARY of `value`.
    static func summary(_ value: String) -> Component {
        Component("VEVENT", properties: [.text("SUMMARY", value)])
    }

    @Test("a line of exactly 75 octets is not folded and one of 76 is")
    func exactBoundary() {
        let fits = Property("X-A", value: String(repeating: "a", count: 71))
        #expect(fits.contentLine.utf8.count == 75)
        #expect(LineFolding.folded(fits.contentLine) == fits.contentLine)
        let over = Property("X-A", value: String(repeating: "a", count: 72))
        #expect(LineFolding.folded(over.contentLine) == "X-A:" + String(repeating: "a", count: 71) + "\r\n a")
    }

    @Test(
        "a multi-octet character that would straddle octet 75 moves whole to the next line",
        arguments: ["😀", "日", "é", "e\u{301}", "🇦🇺", "👩‍👩‍👧‍👦"])
    func straddlingCharacter(character: String) throws {
        let size = character.utf8.count
        // 74 octets of ASCII leave one octet free on the first line, too few for any of these.
        let line = "X-A:" + String(repeating: "a", count: 70) + character + "b"
        let folded = LineFolding.folded(line)
        let lines = Self.physicalLines(folded)
        try #require(lines.count == 2)
        #expect(lines[0].utf8.count == 74)
        #expect(lines[1] == " " + character + "b")
        #expect(lines[1].utf8.count == 1 + size + 1)
    }

    @Test("a character that ends exactly at octet 75 stays on the first line")
    func characterEndingAtBoundary() throws {
        let line = "X-A:" + String(repeating: "a", count: 67) + "😀" + "b"
        let lines = Self.physicalLines(LineFolding.folded(line))
        try #require(lines.count == 2)
        #expect(lines[0].utf8.count == 75)
        #expect(lines[0].hasSuffix("😀"))
        #expect(lines[1] == " b")
    }

    @Test(
        "long text in any script folds into lines of at most 75 octets and unfolds byte for byte",
        arguments: [
            String(repeating: "Planning 😀 session, café; ", count: 20),
            String(repeating: "会議の議題と資料について", count: 30),
            String(repeating: "e\u{301}a\u{308}o\u{302}", count: 80),
            String(repeating: "🇦🇺👩‍👩‍👧‍👦🏳️‍🌈", count: 25),
            String(repeating: "x", count: 1000),
        ])
    func foldAndUnfold(value: String) throws {
        let calendar = Component("VCALENDAR", components: [Self.summary(value)])
        let text = calendar.serialized()
        for line in Self.physicalLines(text) {
            #expect(line.utf8.count <= 75)
            #expect(String(decoding: Array(line.utf8), as: UTF8.self).utf8.elementsEqual(line.utf8))
        }
        let parsed = try Component.parse(text)
        let summary = try #require(parsed.first?.components.first?.property("SUMMARY"))
        #expect(Array(summary.textValue.utf8) == Array(value.utf8))
        #expect(parsed == [calendar])
    }

    @Test("every continuation line starts with exactly one space and no line ends in a split UTF-8 sequence")
    func continuationLines() throws {
        let value = String(repeating: "ñ日😀", count: 60)
        let text = Component("VEVENT", properties: [.text("DESCRIPTION", value)]).serialized()
        let bytes = Array(text.utf8)
        var lineStart = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            let line = Array(bytes[lineStart..<(index - 1)])
            // Each physical line on its own must be valid UTF-8: no sequence was split.
            #expect(String(validating: line, as: UTF8.self) != nil)
            lineStart = index + 1
        }
        let lines = Self.physicalLines(text)
        #expect(lines.dropFirst(2).dropLast().allSatisfy { $0.first == " " && $0.dropFirst().first != " " })
    }

    @Test("a grapheme cluster longer than a line is split between scalars, never inside one")
    func oversizedCluster() throws {
        let cluster = "a" + String(repeating: "\u{301}", count: 60)
        let line = "X-A:" + cluster
        let folded = LineFolding.folded(line)
        for physical in Self.physicalLines(folded) {
            #expect(physical.utf8.count <= 75)
            #expect(String(validating: Array(physical.utf8), as: UTF8.self) != nil)
        }
        // Unfold on bytes: a space followed by a combining mark is one Character to Swift.
        let parsed = try Component.parse("BEGIN:X\r\n" + folded + "\r\nEND:X\r\n")
        #expect(parsed.first?.property("X-A")?.value.utf8.elementsEqual(cluster.utf8) == true)
    }

    @Test("a fold never separates a TEXT escape's backslash from the character it escapes")
    func escapesStayWhole() throws {
        for padding in 60...75 {
            let value = String(repeating: "a", count: padding) + ";,\\\n" + String(repeating: "b", count: 80)
            let text = Component("VEVENT", properties: [.text("SUMMARY", value)]).serialized()
            for line in Self.physicalLines(text) {
                let trailingBackslashes = line.reversed().prefix { $0 == "\\" }.count
                #expect(trailingBackslashes % 2 == 0, "line ends inside an escape: \(line)")
                #expect(line.utf8.count <= 75)
            }
            #expect(try Component.parse(text).first?.property("SUMMARY")?.textValue == value)
        }
    }
}
