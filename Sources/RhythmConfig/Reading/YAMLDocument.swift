import Yams

/// The YAML text composed into nodes that remember their line and column.
///
/// libyaml stops at the first duplicate key of a mapping. So that one duplicate does not
/// hide every other mistake, each duplicate is reported, renamed in a private copy of the
/// text, and the text composed again; the decoder then skips the renamed keys and reports
/// each under the key path of its mapping. A file without duplicates is composed once, from
/// the text as it is.
///
/// Scalars keep Yams' basic resolver, which takes every plain scalar as text: the decoder
/// reads each value as text itself, and Yams' default resolver would otherwise match seven
/// regular expressions against every key it hashes to look for duplicates (most of the time
/// of composing a large file). Keys are therefore duplicates when their text is the same, as
/// the decoder compares them.
struct YAMLDocument {
    /// A key written a second time in one mapping.
    struct DuplicateKey {
        let name: String
        let firstLine: Int

        var message: String {
            "the key \"\(name)\" appears twice in the same mapping (first on line \(firstLine)); "
                + "YAML keeps only one of them, so remove or rename the other"
        }
    }

    private(set) var root: Node?
    /// The renamed second occurrences of duplicate keys, by their position.
    private(set) var duplicateKeys: [Position: DuplicateKey] = [:]

    /// Enough for any real file; a bound so that a pathological one cannot loop for long.
    private static let maximumDuplicates = 50

    /// Composes `text`; syntax errors go to `log`, duplicate keys to `duplicateKeys`.
    init(text: String, log: DiagnosticLog) {
        var lines: [String]?
        for attempt in 0...Self.maximumDuplicates {
            do {
                root = try Yams.compose(yaml: lines?.joined(separator: "\n") ?? text, .basic)
                return
            } catch let error as YamlError {
                guard case .duplicatedKeysInMapping(let keys, let context) = error,
                    attempt < Self.maximumDuplicates,
                    let key = keys.first,
                    let first = Position(context.mark)
                else {
                    Self.report(error, log: log)
                    return
                }
                var renamed = lines ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard let second = Self.repeatedKey(key, after: first, in: renamed) else {
                    Self.report(error, log: log)
                    return
                }
                duplicateKeys[second.mark] = DuplicateKey(name: key, firstLine: first.line)
                Self.rename(second, attempt: attempt, in: &renamed)
                lines = renamed
            } catch {
                log.error("the file cannot be read as YAML: \(error)", at: nil, path: ConfigPath())
                return
            }
        }
    }

    private struct KeyLocation {
        let mark: Position
        /// The key's characters on its line, quotes excluded.
        let range: Range<Int>
    }

    /// Finds the second occurrence of `key` in the mapping whose first occurrence is at `first`:
    /// a later line indented to the same column in a block mapping, or a later `, key:` in a
    /// flow mapping.
    private static func repeatedKey(_ key: String, after first: Position, in lines: [String]) -> KeyLocation? {
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        let before = firstLine.prefix(first.column - 1).filter { $0 != " " }
        if before.last == "{" || before.last == "," {
            return flowKey(key, after: first, in: lines)
        }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard let start = scalars.firstIndex(where: { $0 != " " }), scalars[start] != "#" else { continue }
            if start < first.column - 1 { return nil }
            if start == first.column - 1, let range = keyRange(key, in: scalars, at: start) {
                return KeyLocation(mark: Position(line: index + 1, column: start + 1), range: range)
            }
        }
        return nil
    }

    private static func flowKey(_ key: String, after first: Position, in lines: [String]) -> KeyLocation? {
        var skipFirst = true
        for index in (first.line - 1)..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            for position in scalars.indices where scalars[position] == "," || scalars[position] == "{" {
                if index == first.line - 1, position < first.column - 1 { continue }
                var start = position + 1
                while start < scalars.count, scalars[start] == " " { start += 1 }
                guard let range = keyRange(key, in: scalars, at: start) else { continue }
                if skipFirst, index == first.line - 1, start == first.column - 1 {
                    skipFirst = false
                    continue
                }
                return KeyLocation(mark: Position(line: index + 1, column: start + 1), range: range)
            }
        }
        return nil
    }

    /// The range of `key` when the line holds `key:`, `"key":` or `'key':` at `start`.
    private static func keyRange(_ key: String, in scalars: [Unicode.Scalar], at start: Int) -> Range<Int>? {
        let keyScalars = Array(key.unicodeScalars)
        for quote in [nil, "\"", "'"] as [Unicode.Scalar?] {
            var position = start
            if let quote {
                guard position < scalars.count, scalars[position] == quote else { continue }
                position += 1
            }
            let keyStart = position
            guard scalars.count >= position + keyScalars.count,
                Array(scalars[position..<position + keyScalars.count]) == keyScalars
            else { continue }
            position += keyScalars.count
            if let quote {
                guard position < scalars.count, scalars[position] == quote else { continue }
                position += 1
            }
            while position < scalars.count, scalars[position] == " " { position += 1 }
            if position < scalars.count, scalars[position] == ":" {
                return keyStart..<keyStart + keyScalars.count
            }
        }
        return nil
    }

    /// Replaces the key with one no configuration uses, keeping its length where it can so
    /// that columns further along the line stay true.
    private static func rename(_ location: KeyLocation, attempt: Int, in lines: inout [String]) {
        var scalars = Array(lines[location.mark.line - 1].unicodeScalars)
        let marker = Array("\u{1C2}\(attempt)".unicodeScalars)
        let filler = [Unicode.Scalar](repeating: "\u{1C2}", count: max(0, location.range.count - marker.count))
        scalars.replaceSubrange(location.range, with: marker + filler)
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        lines[location.mark.line - 1] = String(line)
    }

    private static func report(_ error: YamlError, log: DiagnosticLog) {
        let root = ConfigPath()
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let around = context.map { " (\($0.text) on line \($0.mark.line), column \($0.mark.column))" } ?? ""
            log.error(
                "this is not valid YAML: \(problem)\(around); check the indentation and quoting near here",
                at: Position(mark), path: root
            )
        case .reader(let problem, _, _, _):
            log.error("the file cannot be read as YAML text: \(problem)", at: nil, path: root)
        case .duplicatedKeysInMapping(let keys, let context):
            log.error(
                "the key \"\(keys.joined(separator: "\", \""))\" appears twice in the same mapping; "
                    + "remove or rename one of them",
                at: Position(context.mark), path: root
            )
        default:
            log.error("the file cannot be read as YAML: \(error)", at: nil, path: root)
        }
    }
}
