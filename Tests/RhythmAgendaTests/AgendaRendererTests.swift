import Foundation
import RhythmAgenda
import RhythmCore
import Testing

@Suite struct AgendaRendererTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("config/templates is an exact copy of the built-in templates")
    func shippedCopyMatches() throws {
        let builtIn = Self.repository.appendingPathComponent("Sources/RhythmAgenda/Templates")
        let copy = Self.repository.appendingPathComponent("config/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: builtIn.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path).sorted() == names)
        for name in names {
            let original = try Data(contentsOf: builtIn.appendingPathComponent(name))
            let copied = try Data(contentsOf: copy.appendingPathComponent(name))
            #expect(
                original == copied,
                "config/templates/\(name) differs: cp Sources/RhythmAgenda/Templates/* config/templates/")
        }
    }

    @Test("the installed built-in templates are the ones in the sources")
    func bundleMatchesSources() throws {
        let installed = try AgendaRenderer.builtInDirectory()
        let sources = Self.repository.appendingPathComponent("Sources/RhythmAgenda/Templates")
        for format in AgendaFormat.allCases {
            #expect(
                try Data(contentsOf: installed.appendingPathComponent(format.fileName))
                    == Data(contentsOf: sources.appendingPathComponent(format.fileName)))
        }
    }

    @Test("HTML escapes values; Markdown and text insert them as they are")
    func escaping() throws {
        let renderer = try AgendaRenderer()
        let agenda = SampleAgenda.agenda
        let html = renderer.render(agenda, format: .html)
        #expect(html.contains("Attendance &lt;Years 7 &amp; 8&gt; deep-dive"))
        #expect(html.contains("Bring the &quot;by school&quot; breakdown."))
        #expect(!html.contains("<Years 7"))
        for format in [AgendaFormat.markdown, .text] {
            let text = renderer.render(agenda, format: format)
            #expect(text.contains("Attendance <Years 7 & 8> deep-dive"))
            #expect(text.contains("Bring the \"by school\" breakdown."))
            #expect(!text.contains("&lt;"))
            #expect(!text.contains("&quot;"))
        }
    }

    @Test("a Markdown template stays unescaped even if it asks for HTML")
    func plainTextIsForced() throws {
        let directory = try Self.directory(with: [
            "agenda.md.mustache": "{{initiative}} {{#items}}{{title}}{{/items}}\n"
        ])
        let markdown = try AgendaRenderer(directory: directory).render(SampleAgenda.agenda, format: .markdown)
        #expect(
            markdown
                == "Brightwater Youth Futures Attendance <Years 7 & 8> deep-divePlacements planForum date & format\n")
    }

    @Test("a directory overrides only the templates it holds; others stay built in")
    func overridesFileByFile() throws {
        let directory = try Self.directory(with: ["agenda.txt.mustache": "Custom {{series.title}}\n"])
        let renderer = try AgendaRenderer(directory: directory)
        #expect(renderer.render(SampleAgenda.agenda, format: .text) == "Custom Quarterly indicator review\n")
        #expect(renderer.render(SampleAgenda.agenda, format: .html).hasPrefix("<!DOCTYPE html>"))
    }

    @Test("partials from the directory are available to the templates")
    func partials() throws {
        let directory = try Self.directory(with: [
            "agenda.txt.mustache": "{{> footer}}", "footer.mustache": "Sent by {{initiative}} & co\n",
        ])
        let text = try AgendaRenderer(directory: directory).render(SampleAgenda.agenda, format: .text)
        #expect(text == "Sent by Brightwater Youth Futures & co\n")
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let file: String
        let template: String
        let code: AgendaTemplateError.Code
        let line: Int
        let column: Int
        let tag: String
        let phrases: [String]
        var testDescription: String { phrases[0] }
    }

    static let broken: [Broken] = [
        Broken(
            file: "agenda.html.mustache", template: "<ul>\n{{#items}}\n<li>{{title}}</li>\n{{/actions}}\n</ul>\n",
            code: .unmatchedClosingTag, line: 4, column: 1, tag: "{{/actions}}",
            phrases: ["does not match the open section {{#items}} of line 2", "{{/items}}"]),
        Broken(
            file: "agenda.md.mustache", template: "# {{series.title}}\n\n{{#owners}}\n- {{name}}\n",
            code: .unclosedSection, line: 3, column: 1, tag: "{{#owners}}",
            phrases: ["is never closed", "Add {{/owners}}"]),
        Broken(
            file: "agenda.txt.mustache", template: "Agenda\n  {{/items}}\n",
            code: .unmatchedClosingTag, line: 2, column: 3, tag: "{{/items}}",
            phrases: ["closes no section", "{{#items}}"]),
        Broken(
            file: "agenda.txt.mustache", template: "Agenda\nWhen: {{when\n",
            code: .malformedTag, line: 2, column: 7, tag: "{{when",
            phrases: ["is not finished", "End it with }}"]),
        Broken(
            file: "agenda.html.mustache", template: "<p>{{series.title}}</p>\n<footer>{{> footer}}</footer>\n",
            code: .missingTemplate, line: 2, column: 9, tag: "{{> footer}}",
            phrases: ["names a template that does not exist", "Create footer.mustache"]),
        Broken(
            file: "agenda.html.mustache", template: "{{% CONTENT_TYPE: XML}}\n{{title}}\n",
            code: .malformedTag, line: 1, column: 1, tag: "{{% CONTENT_TYPE: XML}}",
            phrases: ["is not understood", "CONTENT_TYPE: TEXT"]),
    ]

    @Test("a broken template is named with its line, column and tag, and what to do", arguments: broken)
    func brokenTemplate(_ broken: Broken) throws {
        let directory = try Self.directory(with: [broken.file: broken.template])
        let error = try #require(throws: AgendaTemplateError.self) { try AgendaRenderer(directory: directory) }
        #expect(error.code == broken.code)
        #expect(error.file == directory.appendingPathComponent(broken.file).path)
        #expect(error.line == broken.line)
        #expect(error.column == broken.column)
        #expect(error.tag == broken.tag)
        let place = "\(directory.appendingPathComponent(broken.file).path):\(broken.line):\(broken.column): error: "
        #expect(error.description.hasPrefix(place), "\(error.description)")
        for phrase in broken.phrases {
            #expect(error.description.contains(phrase), "\(error.description)")
        }
    }

    @Test("a template directory that does not exist is an error naming it")
    func missingDirectory() throws {
        let directory = URL(fileURLWithPath: "/nonexistent/rhythm-templates")
        let error = try #require(throws: AgendaTemplateError.self) { try AgendaRenderer(directory: directory) }
        #expect(error.code == .missingTemplate)
        #expect(
            error.description.hasPrefix("/nonexistent/rhythm-templates: error: The template directory does not exist."))
    }

    @Test("the default directory is templates/ beside the configuration, when it exists")
    func defaultDirectory() throws {
        let configuration = Self.repository.appendingPathComponent("config/rhythm.yaml").path
        #expect(AgendaRenderer.defaultDirectory(forConfigurationAt: configuration)?.lastPathComponent == "templates")
        #expect(AgendaRenderer.defaultDirectory(forConfigurationAt: "/nonexistent/rhythm.yaml") == nil)
    }

    static func directory(with files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-templates-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }
}
