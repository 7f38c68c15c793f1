import Foundation
import RhythmConfig

/// One mistake a coordinator might make, and the diagnostic that must point at it.
struct ConfigurationMistake: Sendable, CustomStringConvertible {
    /// The header every case starts with, so that the case's own lines start at line 5.
    static let header = """
        initiative:
          name: Test initiative
          time_zone: Australia/Melbourne
          domain: example.org

        """

    /// A partner, a person, a group, a weekly Tuesday series (its rule on line 29, column 11)
    /// and an e-mail channel, for cases to refer to or edit; starts at line 5.
    static let base =
        header + """
            partners:
              - id: council
                name: Brightwater Council
                sector: government
            people:
              - id: ann
                name: Ann Lee
                email: ann@example.org
                partner: council
            groups:
              - id: table
                name: Leadership Table
                kind: leadership-table
                members:
                  people: [ann]
            series:
              - id: weekly
                title: Weekly check-in
                kind: team
                start: 2027-01-05T10:00
                duration: 1h
                organizer: ann
                attendees:
                  groups: [table]
                rule: FREQ=WEEKLY;BYDAY=TU
            channels:
              - id: email
                type: email
                from: Test <backbone@example.org>

            """

    let name: String
    let yaml: String
    let line: Int
    let column: Int?
    let keyPath: String
    let fragment: String
    var severity: Diagnostic.Severity = .error

    var description: String { name }

    /// A case whose text follows the standard header.
    static func afterHeader(
        _ name: String, _ body: String, line: Int, column: Int? = nil, keyPath: String, _ fragment: String,
        severity: Diagnostic.Severity = .error
    ) -> ConfigurationMistake {
        ConfigurationMistake(
            name: name, yaml: header + body, line: line, column: column, keyPath: keyPath, fragment: fragment,
            severity: severity)
    }

    /// A case whose text follows the base document; its own lines start at line 34.
    static func afterBase(
        _ name: String, _ body: String, line: Int, column: Int? = nil, keyPath: String, _ fragment: String,
        severity: Diagnostic.Severity = .error
    ) -> ConfigurationMistake {
        ConfigurationMistake(
            name: name, yaml: base + body, line: line, column: column, keyPath: keyPath, fragment: fragment,
            severity: severity)
    }

    /// A case made by replacing one piece of the base document.
    static func editingBase(
        _ name: String, replacing original: String, with replacement: String, line: Int, column: Int? = nil,
        keyPath: String, _ fragment: String, severity: Diagnostic.Severity = .error
    ) -> ConfigurationMistake {
        precondition(base.contains(original), "the base document has no \(original)")
        return ConfigurationMistake(
            name: name, yaml: base.replacingOccurrences(of: original, with: replacement), line: line, column: column,
            keyPath: keyPath, fragment: fragment, severity: severity)
    }
}
