import Foundation
import RhythmCore

/// Output built as UTF-8 bytes and written to standard output in one call.
///
/// Long listings (`rhythm upcoming` over years of meetings) would otherwise build a `String`
/// per line, join them and copy the result again on the way out; dates, times and offsets
/// are written digit by digit from the wall clock instead of through formatters.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// `value` (0 or more) in decimal, with leading zeros up to `width` digits.
    mutating func append(digitsOf value: Int, width: Int = 1) {
        let start = bytes.count
        var remaining = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        while bytes.count - start < width {
            bytes.append(UInt8(ascii: "0"))
        }
        bytes[start...].reverse()
    }

    /// `value` in decimal, with a minus sign when negative.
    mutating func append(number value: Int64) {
        guard value >= 0 else {
            append(String(value))
            return
        }
        append(digitsOf: Int(value))
    }

    /// `2027-04-06`, as `LocalDate.description` writes it.
    mutating func append(_ date: LocalDate) {
        guard (0...9999).contains(date.year) else {
            append(date.description)
            return
        }
        append(digitsOf: date.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(digitsOf: date.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(digitsOf: date.day, width: 2)
    }

    /// `10:00:00`, as `LocalTime.description` writes it.
    mutating func append(_ time: LocalTime) {
        appendHourAndMinute(time)
        bytes.append(UInt8(ascii: ":"))
        append(digitsOf: time.second, width: 2)
    }

    /// `10:00`.
    mutating func appendHourAndMinute(_ time: LocalTime) {
        append(digitsOf: time.hour, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(digitsOf: time.minute, width: 2)
    }

    /// `2027-04-06T10:00:00`, as `LocalDateTime.description` writes it.
    mutating func append(_ reading: LocalDateTime) {
        append(reading.date)
        bytes.append(UInt8(ascii: "T"))
        append(reading.time)
    }

    /// A UTC offset as ISO 8601 writes it, as `TimeZone.offsetText(at:)` does: `+10:00`, `-04:00`.
    mutating func append(offsetSeconds seconds: Int) {
        bytes.append(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(seconds) / 60
        append(digitsOf: minutes / 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(digitsOf: minutes % 60, width: 2)
    }

    /// Writes the bytes to standard output.
    func writeToStandardOutput() {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
