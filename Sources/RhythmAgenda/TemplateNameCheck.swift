import RhythmCore

/// Finds the names in a template that `AgendaView` never provides, which Mustache renders as
/// nothing, so a misspelt `{{series.titel}}` is caught by `rhythm check` instead of by the
/// people reading a blank agenda.
///
/// Names resolve as Mustache resolves them: the first part in the innermost section that has
/// it, then outwards; the rest inside what the first part names; a leading `.` only in the
/// innermost section. Transforms such as `{{count(items)}}` are checked by their argument.
/// A template included as a partial can be included anywhere, so its names are only checked
/// against every name an agenda has.
struct TemplateNameCheck {
    let keys: TemplateKeys

    func warnings(in text: String, file: String, isPartial: Bool) -> [AgendaTemplateWarning] {
        let scanner = TemplateScanner(text)
        guard !scanner.changesDelimiters else { return [] }
        var scopes: [[String: TemplateKeys]] = [keys.children]
        var warnings: [AgendaTemplateWarning] = []
        for tag in scanner.tags {
            switch tag.sigil {
            case "!", ">", "=", "%":
                continue
            case "/":
                if scopes.count > 1 { scopes.removeLast() }
                continue
            case "$", "<":
                scopes.append([:])
                continue
            default:
                break
            }
            let (name, transforms) = Self.variable(in: tag.name)
            let found: TemplateKeys?
            if isPartial {
                found = nil
                if let problem = problemInPartial(name) { warnings.append(warning(problem, tag, file)) }
            } else {
                switch resolve(name, in: scopes) {
                case .success(let keys): found = keys
                case .failure(let problem):
                    found = nil
                    warnings.append(warning(problem.message, tag, file))
                }
            }
            if tag.sigil == "#" {
                let entersValue = transforms.allSatisfy { ["reversed", "sorted", "first", "last"].contains($0) }
                scopes.append(entersValue ? found?.children ?? [:] : [:])
            } else if tag.sigil == "^" {
                scopes.append([:])
            }
        }
        return warnings
    }

    /// The variable a tag names and the transforms applied to it: `count(items)` is `items`
    /// with `count`; an empty variable (`index()`) is the list position.
    private static func variable(in name: String) -> (String, [String]) {
        var rest = Substring(name)
        var transforms: [String] = []
        while rest.hasSuffix(")"), let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]).trimmingWhitespaceOfName)
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        return (String(rest).trimmingWhitespaceOfName, transforms)
    }

    private struct Problem: Error {
        let message: String
    }

    private func resolve(_ name: String, in scopes: [[String: TemplateKeys]]) -> Result<TemplateKeys?, Problem> {
        guard !name.isEmpty, name != "." else { return .success(nil) }
        let innermostOnly = name.hasPrefix(".")
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .success(nil) }
        let searched = innermostOnly ? Array(scopes.suffix(1)) : scopes
        guard var current = searched.reversed().lazy.compactMap({ $0[first] }).first else {
            let visible = searched.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
            return .failure(Problem(message: unknown(first, in: visible, whole: name)))
        }
        var path = first
        for part in parts.dropFirst() {
            guard let child = current.children[part] else {
                let within =
                    current.children.isEmpty
                    ? "\"\(part)\" is not a name inside \(path), which is a plain value, so {{\(name)}} renders as "
                        + "nothing; use {{\(path)}}"
                    : unknown(part, in: Set(current.children.keys), whole: name, inside: path)
                return .failure(Problem(message: within))
            }
            current = child
            path += ".\(part)"
        }
        return .success(current)
    }

    private func problemInPartial(_ name: String) -> String? {
        let parts = name.split(separator: ".").map(String.init)
        let all = keys.allNames
        guard let unknown = parts.first(where: { !all.contains($0) }) else { return nil }
        return self.unknown(unknown, in: all, whole: name)
    }

    private func unknown(_ part: String, in names: Set<String>, whole: String, inside: String? = nil) -> String {
        let place = inside.map { "inside \($0)" } ?? "here"
        let hint =
            Suggestion.closest(to: part, in: names.sorted()).map { "did you mean \"\($0)\"?" }
            ?? "the names are listed in the templates' README.md"
        return "\"\(part)\" is not a name Rhythm gives templates \(place), so {{\(whole)}} renders as nothing; \(hint)"
    }

    private func warning(_ message: String, _ tag: TemplateScanner.Tag, _ file: String) -> AgendaTemplateWarning {
        AgendaTemplateWarning(file: file, line: tag.line, column: tag.column, tag: tag.text, message: message)
    }
}

extension StringProtocol {
    /// The text without the spaces Mustache allows around a name.
    fileprivate var trimmingWhitespaceOfName: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
