import Foundation
import RhythmCore
import Testing

@testable import RhythmCLI

@Suite struct OutputBufferTests {
    @Test(
        "dates, times and offsets are written as their descriptions and offsetText write them",
        arguments: [
            "0001-01-01T00:00:00", "0999-12-31T23:59:59", "2027-04-06T10:00:05", "9999-12-31T00:00:00",
        ])
    func readingsLikeTheirDescriptions(text: String) throws {
        let reading = try #require(LocalDateTime(iso: text))
        var output = OutputBuffer()
        output.append(reading)
        #expect(output.string == reading.description)
    }

    @Test(
        "UTC offsets read as ISO 8601 writes them, to the minute",
        arguments: [(0, "+00:00"), (36_000, "+10:00"), (-14_400, "-04:00"), (19_800, "+05:30"), (-9_017, "-02:30")])
    func offsets(seconds: Int, expected: String) {
        var output = OutputBuffer()
        output.append(offsetSeconds: seconds)
        #expect(output.string == expected)
    }

    @Test("numbers are written in decimal with a sign when negative")
    func numbers() {
        var output = OutputBuffer()
        for value: Int64 in [0, 7, 1_234_567_890_123, -42] {
            output.append(number: value)
            output.append(byte: UInt8(ascii: " "))
        }
        #expect(output.string == "0 7 1234567890123 -42 ")
    }

    @Test("a buffer with a destination passes its bytes on once they fill a chunk, and the rest when flushed")
    func chunks() throws {
        let pipe = Pipe()
        var output = OutputBuffer(writingTo: pipe.fileHandleForWriting.fileDescriptor, chunkSize: 8)
        output.append("1234")
        output.writeIfFull()
        #expect(output.bytes.count == 4)
        output.append("5678")
        output.writeIfFull()
        #expect(output.bytes.isEmpty)
        output.append("9")
        output.flush()
        #expect(output.bytes.isEmpty)
        try pipe.fileHandleForWriting.close()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "123456789")
    }
}
