import Foundation
import RhythmCore

/// Output built as UTF-8 bytes and written to a file descriptor in few, large writes.
///
/// Long listings (`rhythm upcoming` over years of meetings) would otherwise build a `String`
/// per line, join them and copy the result again on the way out; dates, times and offsets
/// are written digit by digit from the wall clock instead of through formatters.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []
    /// Where `writeIfFull()` passes the bytes on, and when; nil keeps every byte until `flush()`.
    private let destination: (fileDescriptor: Int32, chunkSize: Int)?

    /// A buffer that keeps everything written to it, for `string` or one write at the end.
    init(capacity: Int = 0) {
        destination = nil
        bytes.reserveCapacity(capacity)
    }

    /// A buffer that passes its bytes on to `fileDescriptor` whenever `writeIfFull()` finds
    /// `chunkSize` or more: output of any length then needs only the memory of one chunk, and
    /// the chunk's pages are reused instead of the whole output being faulted in and copied.
    init(writingTo fileDescriptor: Int32, chunkSize: Int) {
        destination = (fileDescriptor, chunkSize)
        bytes.reserveCapacity(chunkSize + chunkSize / 4)
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

    mutating func append(_ prepared: [UInt8]) {
        bytes.append(contentsOf: prepared)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A literal of the caller's code, copied as it is: no string to open on the way.
    mutating func append(literal text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `value` (0 or more) in decimal.
    mutating func append(digitsOf value: Int) {
        let start = bytes.count
        var remaining = value
        repeat {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10))
            remaining /= 10
        } while remaining > 0
        bytes.withUnsafeMutableBufferPointer { $0[start...].reverse() }
    }

    /// `value` (0 to 99) as two decimal digits, with a leading zero below 10: the fields of
    /// dates, times and offsets, written without a loop.
    mutating func append(twoDigits value: Int) {
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
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
        append(twoDigits: date.year / 100)
        append(twoDigits: date.year % 100)
        bytes.append(UInt8(ascii: "-"))
        append(twoDigits: date.month)
        bytes.append(UInt8(ascii: "-"))
        append(twoDigits: date.day)
    }

    /// `10:00:00`, as `LocalTime.description` writes it.
    mutating func append(_ time: LocalTime) {
        appendHourAndMinute(time)
        bytes.append(UInt8(ascii: ":"))
        append(twoDigits: time.second)
    }

    /// `10:00`.
    mutating func appendHourAndMinute(_ time: LocalTime) {
        append(twoDigits: time.hour)
        bytes.append(UInt8(ascii: ":"))
        append(twoDigits: time.minute)
    }

    /// `2027-04-06T10:00:00`, as `LocalDateTime.description` writes it. Laid out on the stack
    /// and appended at once: three of these go into every JSON occurrence.
    mutating func append(_ reading: LocalDateTime) {
        let date = reading.date
        let time = reading.time
        guard (0...9999).contains(date.year) else {
            append(date)
            bytes.append(UInt8(ascii: "T"))
            append(time)
            return
        }
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { field in
            func put(_ value: Int, at offset: Int) {
                field[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
                field[offset + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            }
            put(date.year / 100, at: 0)
            put(date.year % 100, at: 2)
            field[4] = UInt8(ascii: "-")
            put(date.month, at: 5)
            field[7] = UInt8(ascii: "-")
            put(date.day, at: 8)
            field[10] = UInt8(ascii: "T")
            put(time.hour, at: 11)
            field[13] = UInt8(ascii: ":")
            put(time.minute, at: 14)
            field[16] = UInt8(ascii: ":")
            put(time.second, at: 17)
        }
        withUnsafeBytes(of: &text) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<19])) }
    }

    /// A UTC offset as ISO 8601 writes it, as `TimeZone.offsetText(at:)` does: `+10:00`, `-04:00`.
    mutating func append(offsetSeconds seconds: Int) {
        bytes.append(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(seconds) / 60
        append(twoDigits: minutes / 60)
        bytes.append(UInt8(ascii: ":"))
        append(twoDigits: minutes % 60)
    }

    /// Writes the bytes so far to the buffer's file descriptor and empties it, when it has one
    /// and holds a chunk's worth; callers call it between records.
    mutating func writeIfFull() {
        guard let destination, bytes.count >= destination.chunkSize else { return }
        write(to: destination.fileDescriptor)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the bytes to the buffer's file descriptor, or to standard output when it has none,
    /// and empties it.
    mutating func flush() {
        write(to: destination?.fileDescriptor ?? STDOUT_FILENO)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes every byte to `fileDescriptor`, straight from the buffer, resuming after partial
    /// writes and interruptions; stops at the first error (a closed pipe), as there is no one
    /// left to read the rest.
    private func write(to fileDescriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(fileDescriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    guard errno == EINTR else { return }
                    continue
                }
                offset += written
            }
        }
    }
}
