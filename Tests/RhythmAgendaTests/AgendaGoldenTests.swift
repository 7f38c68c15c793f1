import Foundation
import RhythmAgenda
import Testing

/// The sample agenda in each format, byte for byte.
///
/// To accept a deliberate change, regenerate the files and review the diff:
///
///     RHYTHM_REGENERATE_GOLDENS=1 swift test --filter AgendaGoldenTests
@Suite struct AgendaGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("the sample agenda renders as the golden file", arguments: AgendaFormat.allCases)
    func golden(format: AgendaFormat) throws {
        let rendered = try AgendaRenderer().render(SampleAgenda.agenda, format: format)
        let file = Self.fixtures.appendingPathComponent("sample-agenda.\(format == .text ? "txt" : format.rawValue)")
        if ProcessInfo.processInfo.environment["RHYTHM_REGENERATE_GOLDENS"] == "1" {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "regenerate with RHYTHM_REGENERATE_GOLDENS=1 and review the diff")
    }
}
