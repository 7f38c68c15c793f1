import RhythmCore
import Yams

/// The keys of one YAML mapping, checked against the keys that are allowed there.
///
/// Building one reports every unknown key (with a "did you mean" hint) at once; `required`
/// reports a missing key; the decoder then reads values by name.
struct MappingFields {
    let mapping: ConfigValue
    private let log: DiagnosticLog
    private var entries: [String: (key: Node, value: Node)] = [:]
    /// The duplicate keys of this mapping, which it has reported.
    private(set) var reportedDuplicates: [Position] = []

    /// Reads `mapping`; keys in `forbidden` get their own message instead of "unknown key"
    /// (used for literal secrets, whose value must never be echoed).
    init(
        _ mapping: ConfigValue, pairs: Node.Mapping, allowed: [String], forbidden: [String: String],
        duplicateKeys: [Position: YAMLDocument.DuplicateKey], log: DiagnosticLog
    ) {
        self.mapping = mapping
        self.log = log
        for (key, value) in pairs {
            if let mark = Position(key.mark), let duplicate = duplicateKeys[mark] {
                log.error(duplicate.message, at: mark, path: mapping.path.appending(duplicate.name))
                reportedDuplicates.append(mark)
                continue
            }
            guard let scalar = key.scalar, !scalar.string.isEmpty else {
                log.error(
                    "a key must be a plain word such as \"name\"; found \(ConfigValue(node: key, path: mapping.path).kindDescription)",
                    at: Position(key.mark), path: mapping.path)
                continue
            }
            let name = scalar.string
            if allowed.contains(name) {
                entries[name] = (key, value)
            } else if let message = forbidden[name] {
                log.error(message, at: Position(key.mark), path: mapping.path.appending(name))
            } else {
                log.error(
                    "unknown key \"\(name)\"; \(Suggestion.hint(for: name, in: allowed, noun: "one of the keys"))",
                    at: Position(key.mark), path: mapping.path.appending(name))
            }
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The value under `key`, or nil when the key is absent.
    func optional(_ key: String) -> ConfigValue? {
        entries[key].map { ConfigValue(node: $0.value, path: mapping.path.appending(key)) }
    }

    /// Where `key` itself is written, for messages about the key rather than its value.
    func keyMark(_ key: String) -> Position? { Position(entries[key]?.key.mark) }

    /// The value under `key`, reporting it as missing when absent.
    func required(_ key: String, _ explanation: String = "") -> ConfigValue? {
        if let value = optional(key) { return value }
        let why = explanation.isEmpty ? "" : " (\(explanation))"
        log.error("missing required key \"\(key)\"\(why)", at: mapping.mark, path: mapping.path)
        return nil
    }
}
