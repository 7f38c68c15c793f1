import Yams

/// How large a configuration file and its values may be, checked before the YAML is parsed.
///
/// The largest real configuration (hundreds of people and series) is a few hundred kilobytes
/// and its longest value a paragraph of description, so the bounds leave ten times that room
/// while keeping a mistaken or hostile file (a 20 MB value, a log pasted in) from costing
/// seconds of parsing and gigabytes of memory before it is refused.
enum ConfigurationSizeLimits {
    /// The largest file Rhythm reads: 4 MiB.
    static let maximumFileBytes = 4 * 1024 * 1024
    /// The longest line and the longest single value: 64 KiB.
    static let maximumValueBytes = 64 * 1024

    /// Reports a text that is too large, or the first line that is too long; true when the
    /// text is within the bounds and may be parsed.
    static func checkText(_ text: String, log: DiagnosticLog) -> Bool {
        let bytes = text.utf8.count
        guard bytes <= maximumFileBytes else {
            log.error(tooLargeMessage(bytes: bytes), at: nil, path: ConfigPath())
            return false
        }
        var line = 1
        var lineBytes = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineBytes = 0
                continue
            }
            lineBytes += 1
            if lineBytes > maximumValueBytes {
                log.error(
                    "this line is longer than \(kibibytes(maximumValueBytes)); no configuration value needs that "
                        + "much, so Rhythm refuses it before reading the file: shorten the value or move the text "
                        + "elsewhere (a description is a paragraph)",
                    at: Position(line: line, column: 1), path: ConfigPath())
                return false
            }
        }
        return true
    }

    /// Reports every scalar longer than `maximumValueBytes` (a block scalar spread over many
    /// short lines); true when there is none.
    static func checkValues(in root: Node, log: DiagnosticLog) -> Bool {
        var withinBounds = true
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                guard scalar.string.utf8.count > maximumValueBytes else { continue }
                withinBounds = false
                log.error(
                    "this value is \(kibibytes(scalar.string.utf8.count)) long, more than the "
                        + "\(kibibytes(maximumValueBytes)) any value may have; shorten it",
                    at: Position(node.mark), path: ConfigPath())
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .alias:
                continue
            }
        }
        return withinBounds
    }

    /// The message for a file or data larger than `maximumFileBytes`.
    static func tooLargeMessage(bytes: Int?) -> String {
        let size = bytes.map { "is \(kibibytes($0)), which is " } ?? "is "
        return "the file \(size)larger than the \(kibibytes(maximumFileBytes)) a configuration may have; "
            + "is this the right file? Rhythm refuses it before reading it"
    }

    private static func kibibytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? "\(bytes / (1024 * 1024)) MiB" : "\((bytes + 1023) / 1024) KiB"
    }
}
