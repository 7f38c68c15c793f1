import Foundation

/// Splits raw bytes into unfolded logical lines, remembering where each one started.
///
/// Unfolding works on bytes before decoding UTF-8, so a fold that another generator placed in
/// the middle of a multi-octet sequence still yields the right character.
enum ContentLineSplitter {
    /// One unfolded content line and the 1-based physical line it started on.
    struct Line {
        /// The line's text, without its line end.
        var text: String
        /// The physical line number where the line started, for error messages.
        var number: Int
    }

    /// The logical lines of `data`: CRLF or LF ends a line, a following line starting with a
    /// space or tab continues it, a leading BOM and blank lines are ignored.
    static func logicalLines(of data: Data) -> [Line] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [Line] = []
        var pending: [UInt8] = []
        var pendingNumber = 0
        func flush() {
            if !pending.isEmpty {
                lines.append(Line(text: String(decoding: pending, as: UTF8.self), number: pendingNumber))
            }
            pending.removeAll(keepingCapacity: true)
        }
        var number = 0
        for var physical in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if physical.last == 0x0D { physical = physical.dropLast() }
            if let first = physical.first, first == 0x20 || first == 0x09, !pending.isEmpty {
                pending.append(contentsOf: physical.dropFirst())
            } else {
                flush()
                pending.append(contentsOf: physical)
                pendingNumber = number
            }
        }
        flush()
        return lines
    }
}
