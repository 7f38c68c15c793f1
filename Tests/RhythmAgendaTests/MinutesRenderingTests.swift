import Foundation
import RhythmCore
import Testing

@testable import RhythmAgenda

/// Minutes through the `minutes.*.mustache` templates: byte for byte, and checked like the
/// agenda templates.
///
/// To accept a deliberate change, regenerate the files and review the diff:
///
///     RHYTHM_REGENERATE_GOLDENS=1 swift test --filter MinutesRenderingTests
@Suite struct MinutesRenderingTests {
    @Test("the sample minutes render as the golden file", arguments: AgendaFormat.allCases)
    func golden(format: AgendaFormat) throws {
        let rendered = try AgendaRenderer().render(SampleMinutes.content, format: format)
        let file = AgendaGoldenTests.fixtures.appendingPathComponent(
            "sample-minutes.\(format == .text ? "txt" : format.rawValue)")
        if ProcessInfo.processInfo.environment["RHYTHM_REGENERATE_GOLDENS"] == "1" {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "regenerate with RHYTHM_REGENERATE_GOLDENS=1 and review the diff")
    }

    @Test("a draft says so and has no decision numbers")
    func draft() throws {
        var content = SampleMinutes.content
        content.revision = 0
        content.publishedAt = nil
        content.minutes.decisions = content.minutes.decisions.map {
            Minutes.Decision(text: $0.text, agendaItemID: $0.agendaItemID)
        }
        let text = try AgendaRenderer().render(content, format: .text)
        #expect(text.hasPrefix("MINUTES: Quarterly indicator review"))
        #expect(text.contains("DRAFT: not published yet."))
        #expect(text.contains("  Adopt the shared intake form (on Attendance data <draft>)"))
        #expect(!text.contains("D4."))
    }

    @Test("a decision under an item with no notes is named by the item's title")
    func decisionOnItemWithoutNotes() throws {
        var content = SampleMinutes.content
        content.minutes.itemNotes = []
        content.minutes.decisions = [Minutes.Decision(number: 7, text: "Fund the forum", agendaItemID: 12)]
        content.agendaItems = [
            AgendaItem(
                id: 12, seriesID: "review", occurrenceDate: content.minutes.occurrenceDate, position: 1,
                title: "Youth forum",
                submittedBy: "test", createdAt: SampleAgenda.created, updatedAt: SampleAgenda.created)
        ]
        let text = try AgendaRenderer().render(content, format: .text)
        #expect(text.contains("  D7. Fund the forum (on Youth forum)\n"), "\(text)")
    }

    @Test("a minutes template in the template directory overrides the built-in one")
    func override() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Decided: {{#decisions}}D{{number}} {{text}}; {{/decisions}}\n".write(
            to: directory.appendingPathComponent("minutes.txt.mustache"), atomically: true, encoding: .utf8)
        let renderer = try AgendaRenderer(directory: directory)
        #expect(
            renderer.render(SampleMinutes.content, format: .text)
                == "Decided: D4 Adopt the shared intake form; D6 Invite the health partners; \n")
        #expect(renderer.render(SampleMinutes.content, format: .markdown).hasPrefix("# Corrected minutes:"))
    }

    @Test("a misspelt name in a minutes template is a warning checked against the minutes' names")
    func nameCheck() throws {
        let warnings = try TemplateNameCheckTests.warnings([
            "minutes.md.mustache": "{{#decisions}}{{nummer}} {{text}}{{/decisions}}\n{{attendanceSummary}}\n"
        ])
        #expect(warnings.map(\.file) == ["minutes.md.mustache"])
        #expect(warnings.map(\.line) == [1])
        #expect(warnings.first?.message.contains("did you mean \"number\"?") == true)
    }

    @Test("a minutes template that does not parse is refused with its file, line and column")
    func brokenTemplate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Minutes\n{{#decisions}}{{text}}\n".write(
            to: directory.appendingPathComponent("minutes.html.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try AgendaRenderer(directory: directory)
        } throws: { error in
            let description = (error as? AgendaTemplateError)?.description ?? ""
            return description.contains("minutes.html.mustache:")
        }
    }

    @Test("every name MinutesView gives full minutes is known to the check")
    func keysCoverTheView() {
        var draft = SampleMinutes.content
        draft.revision = 0
        let names = TemplateNameCheckTests.names(in: MinutesView(content: SampleMinutes.content).dictionary)
            .union(TemplateNameCheckTests.names(in: MinutesView(content: draft).dictionary))
        #expect(names.count > 25)
        #expect(names.filter { !TemplateNameCheckTests.isKnown($0, in: .minutes) }.sorted() == [])
    }
}
