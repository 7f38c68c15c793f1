import Foundation
import RhythmCore
import Testing

@testable import RhythmConfig

/// A file with thousands of series is read in one pass: findings about an entry are placed
/// through an index of the sections, and the YAML is composed once.
@Suite struct LargeConfigurationTests {
    /// `count` weekly series after the base document's one, nine lines each from line 30, so
    /// that series `n` has its `rule:` on line 29 + 9n; every tenth has a rule Outlook cannot
    /// import.
    static func manySeries(_ count: Int) -> String {
        let series = (1...count).map { number in
            let rule = number % 10 == 0 ? "FREQ=MONTHLY;BYDAY=1TU,-1TU" : "FREQ=WEEKLY;BYDAY=TU"
            return """
                  - id: extra-\(number)
                    title: Extra \(number)
                    kind: team
                    start: 2027-01-05T10:00
                    duration: 1h
                    organizer: ann
                    attendees:
                      people: [ann]
                    rule: \(rule)

                """
        }
        return ConfigurationMistake.base.replacingOccurrences(of: "channels:\n", with: series.joined() + "channels:\n")
    }

    @Test("each finding about one of many series is placed at that series' own key")
    func findingsAmongManySeries() throws {
        let count = 500
        let yaml = Self.manySeries(count)
        let loaded = try ConfigurationLoader().load(yaml: yaml, path: "many.yaml")
        #expect(loaded.initiative.series.count == count + 1)
        let outlook = loaded.warnings.filter { $0.message.contains("Outlook cannot import this rule") }
        let expected = stride(from: 10, through: count, by: 10).map { number in
            "\(29 + 9 * number):11 series[\(number)].rule"
        }
        #expect(outlook.map { "\($0.line):\($0.column) \($0.keyPath)" } == expected)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for warning in outlook {
            #expect(lines[warning.line - 1] == "    rule: FREQ=MONTHLY;BYDAY=1TU,-1TU")
        }
    }

    @Test("a finding about an entry whose id is repeated goes to the first of them that has the key")
    func firstEntryWithTheKey() throws {
        let text = """
            people:
              - id: ann
                name: Ann
              - id: bob
                email: bob@example.org
              - id: ann
                'email': ann@example.org
            """
        let log = DiagnosticLog(file: "entries.yaml")
        let root = try #require(YAMLDocument(text: text, log: log).root)
        let fields = try #require(
            ConfigurationDecoder(log: log, duplicateKeys: [:]).fields(
                of: ConfigValue(node: root, path: ConfigPath()), allowed: ["people"]))
        let entries = SectionEntries(fields, sections: ["people", "series"])

        let email = try #require(entries.value(in: "people", id: "ann", key: "email"))
        #expect(email.path.description == "people[2].email")
        #expect(email.mark == Position(line: 7, column: 14))
        #expect(entries.value(in: "people", id: "ann", key: "name")?.path.description == "people[0].name")
        #expect(entries.value(in: "people", id: "carol", key: "email") == nil)
        #expect(entries.value(in: "series", id: "ann", key: "email") == nil)
        #expect(!log.hasErrors)
    }

    @Test("keys are compared as the text they are written with, so a plain and a quoted 1 are one key twice")
    func keysAreText() {
        let log = DiagnosticLog(file: "keys.yaml")
        let document = YAMLDocument(text: "mapping:\n  1: one\n  \"1\": again\n", log: log)
        #expect(document.root != nil)
        #expect(document.duplicateKeys.map(\.key) == [Position(line: 3, column: 3)])
        #expect(document.duplicateKeys.values.map(\.firstLine) == [2])
        #expect(!log.hasErrors)
    }
}
