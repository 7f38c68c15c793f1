import Foundation
import Testing

@testable import RhythmAgenda

/// A name no agenda has renders as nothing; the renderer lists each such name with its place
/// and a likely correction, for `rhythm check`.
@Suite struct TemplateNameCheckTests {
    /// A template directory holding `files`, removed after `body`.
    static func warnings(_ files: [String: String]) throws -> [AgendaTemplateWarning] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try AgendaRenderer(directory: directory).warnings.map {
            AgendaTemplateWarning(
                file: URL(fileURLWithPath: $0.file).lastPathComponent, line: $0.line, column: $0.column, tag: $0.tag,
                message: $0.message)
        }
    }

    @Test("the built-in templates use only names an agenda has")
    func builtInTemplatesAreClean() throws {
        #expect(try AgendaRenderer.checkBuiltInTemplates() == [])
    }

    @Test(
        "a misspelt name is a warning at its tag with a did-you-mean",
        arguments: [
            ("# {{series.titel}}\n", 1, 3, "\"titel\" is not a name Rhythm gives templates inside series", "\"title\""),
            (
                "Hello\n  {{initiatve}}\n", 2, 3, "\"initiatve\" is not a name Rhythm gives templates here",
                "\"initiative\""
            ),
            ("{{#items}}\n- {{titel}}\n{{/items}}\n", 2, 3, "\"titel\"", "\"title\""),
            (
                "{{#scorecard}}{{#indicators}}{{#trend}}{{arow}}{{/trend}}{{/indicators}}{{/scorecard}}", 1, 40,
                "\"arow\"", "\"arrow\""
            ),
            ("{{date.day}}", 1, 1, "inside date, which is a plain value", "use {{date}}"),
        ])
    func misspeltNameWarns(_ text: String, _ line: Int, _ column: Int, _ what: String, _ suggestion: String) throws {
        let warnings = try Self.warnings(["agenda.md.mustache": text])
        let warning = try #require(warnings.first, "no warning for \(text)")
        #expect(warnings.count == 1)
        #expect(warning.file == "agenda.md.mustache")
        #expect((warning.line, warning.column) == (line, column), "\(warning)")
        #expect(warning.message.contains(what), "\(warning.message)")
        #expect(warning.message.contains(suggestion), "\(warning.message)")
        #expect(warning.description.hasPrefix("agenda.md.mustache:\(line):\(column): warning: "))
    }

    @Test("outer names inside sections, transforms, comments and {{.}} are not warned about")
    func validNamesPass() throws {
        let text = """
            {{! a comment naming nothing }}
            {{#items}}{{initiative}}: {{title}} {{#presenter}}{{.}}{{/presenter}}{{/items}}
            {{count(items)}} {{#first(items)}}{{title}}{{/first(items)}} {{^hasItems}}{{series.title}}{{/hasItems}}
            {{#owners}}{{name}}{{#actions}}{{title}} {{name}}{{/actions}}{{/owners}}

            """
        #expect(try Self.warnings(["agenda.md.mustache": text]) == [])
    }

    @Test("a partial is checked against every name an agenda has, wherever it may be included")
    func partialNames() throws {
        let warnings = try Self.warnings([
            "agenda.md.mustache": "{{#items}}{{> item}}{{/items}}\n",
            "item.mustache": "{{title}} {{presenter}} {{presentor}}\n",
        ])
        #expect(warnings.map(\.file) == ["item.mustache"])
        #expect(warnings.first?.message.contains("did you mean \"presenter\"?") == true)
    }

    @Test("every name AgendaView gives a full agenda is known to the check")
    func keysCoverTheView() {
        let names = Self.names(in: AgendaView(agenda: SampleAgenda.agenda).dictionary)
        #expect(names.count > 40)
        #expect(names.filter { !Self.isKnown($0, in: .agenda) }.sorted() == [])
    }

    /// Every name a view gives, as dotted paths (`series.title`); a list's entries add theirs.
    static func names(in view: [String: Any]) -> Set<String> {
        func paths(_ value: Any, prefix: String) -> [String] {
            if let dictionary = value as? [String: Any] {
                return dictionary.flatMap { key, child in [prefix + key] + paths(child, prefix: prefix + key + ".") }
            }
            if let list = value as? [Any] { return list.flatMap { paths($0, prefix: prefix) } }
            return []
        }
        return Set(paths(view, prefix: ""))
    }

    /// Whether the dotted `path` is a name `keys` knows.
    static func isKnown(_ path: String, in keys: TemplateKeys) -> Bool {
        var found: TemplateKeys? = keys
        for part in path.split(separator: ".") { found = found?.children[String(part)] }
        return found != nil
    }
}
