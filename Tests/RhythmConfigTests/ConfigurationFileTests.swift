import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// Reading from disk: a file that cannot be read is a diagnostic like any other.
@Suite struct ConfigurationFileTests {
    @Test("a missing file is reported with its path")
    func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-\(UUID()).yaml").path
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(path: path)
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.file == path)
        #expect(diagnostic.line == 0)
        #expect(diagnostic.message.contains("there is no file here"))
        #expect(diagnostic.description == "\(path): error: \(diagnostic.message)")
    }

    @Test("a file on disk is loaded and its warnings returned")
    func fileOnDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-\(UUID()).yaml").path
        let text =
            ConfigurationMistake.base + """
                holidays:
                  - id: long-break
                    name: Long break
                    from: 2027-01-01
                    to: 2027-12-31

                """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try ConfigurationLoader().load(path: path)
        #expect(loaded.initiative.holidays.count == 1)
        #expect(loaded.warnings.map(\.keyPath) == ["holidays[0].to"])
        #expect(loaded.warnings.first?.severity == .warning)
        #expect(
            loaded.warnings.first?.description.hasPrefix(
                "\(path):38:9: warning: holidays[0].to: this period lasts 365 days") == true)
    }

    @Test("the base document of the mistake table is itself valid")
    func baseIsValid() throws {
        let loaded = try ConfigurationLoader().load(yaml: ConfigurationMistake.base, path: "base.yaml")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.initiative.series.first?.recurrence?.byDay == [.init(.tuesday)])
    }
}
