import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// `quorum:` on a series: read with its default check, and every mistake reported at its
/// place with what to do.
@Suite struct QuorumConfigurationTests {
    /// The base document's series with `quorum` after its rule (line 29), so the quorum is on
    /// line 30 and its keys, in block form, from line 31.
    static func withQuorum(_ quorum: String) -> String {
        ConfigurationMistake.base.replacingOccurrences(
            of: "    rule: FREQ=WEEKLY;BYDAY=TU\n", with: "    rule: FREQ=WEEKLY;BYDAY=TU\n" + quorum)
    }

    static func mistake(
        _ name: String, _ quorum: String, line: Int, column: Int?, keyPath: String, _ fragment: String
    ) -> ConfigurationMistake {
        ConfigurationMistake(
            name: name, yaml: withQuorum(quorum), line: line, column: column, keyPath: keyPath, fragment: fragment)
    }

    static let mistakes: [ConfigurationMistake] = [
        mistake(
            "a quorum of both partners and people", "    quorum:\n      people: 1\n      partners: 1\n", line: 31,
            column: 7, keyPath: "series[0].quorum.people", "either partners: or people:, not both"),
        mistake(
            "a quorum with neither partners nor people", "    quorum:\n      check: 2d\n", line: 31, column: 7,
            keyPath: "series[0].quorum", "a quorum needs partners: (how many partners"),
        mistake(
            "a quorum of zero", "    quorum: { people: 0 }\n", line: 30, column: 23, keyPath: "series[0].quorum.people",
            "a quorum of 0 people is always met"),
        mistake(
            "a quorum of a word", "    quorum: { people: many }\n", line: 30, column: 23,
            keyPath: "series[0].quorum.people", "expected a whole number of people who must confirm"),
        mistake(
            "more people than the series invites", "    quorum: { people: 2 }\n", line: 30, column: 23,
            keyPath: "series[0].quorum.people",
            "a quorum of 2 people can never be met: the series invites 1 person; lower it to at most 1"),
        mistake(
            "more partners than its invitees belong to", "    quorum: { partners: 2 }\n", line: 30, column: 25,
            keyPath: "series[0].quorum.partners", "can never be met: the series invites 1 partner"),
        mistake(
            "a misspelt key in a quorum", "    quorum: { people: 1, chek: 2d }\n", line: 30, column: 26,
            keyPath: "series[0].quorum.chek", "unknown key \"chek\"; did you mean \"check\"?"),
        mistake(
            "a check that is not a span of time", "    quorum: { people: 1, check: soon }\n", line: 30, column: 33,
            keyPath: "series[0].quorum.check", "write it like 3 business-days"),
        ConfigurationMistake(
            name: "a quorum without an organiser",
            yaml: withQuorum("    quorum: { people: 1 }\n").replacingOccurrences(of: "    organizer: ann\n", with: ""),
            line: 29, column: 13, keyPath: "series[0].quorum",
            fragment: "add organizer: with a person's id, or remove quorum:"),
    ]

    @Test("each quorum mistake is reported at its line and column with what to do", arguments: mistakes)
    func mistakeIsReported(_ mistake: ConfigurationMistake) {
        let diagnostics = ConfigurationMistakeTests.diagnostics(loading: mistake.yaml)
        let match = diagnostics.first { $0.keyPath == mistake.keyPath && $0.message.contains(mistake.fragment) }
        guard let match else {
            Issue.record("no diagnostic under \(mistake.keyPath) with \"\(mistake.fragment)\"; got \(diagnostics)")
            return
        }
        #expect(match.line == mistake.line, "\(match)")
        if let column = mistake.column { #expect(match.column == column, "\(match)") }
        #expect(match.severity == .error)
    }

    @Test("a quorum is read with its check, which defaults to two days at the meeting's time")
    func parsed() throws {
        let explicit = try ConfigurationLoader().load(
            yaml: Self.withQuorum("    quorum: { partners: 1, check: 36h }\n"), path: "q.yaml")
        #expect(
            explicit.initiative.series.first?.quorum
                == Quorum(count: .partners(1), check: ReminderOffset(amount: 36, unit: .hours)))
        let defaulted = try ConfigurationLoader().load(
            yaml: Self.withQuorum("    quorum:\n      people: 1\n"), path: "q.yaml")
        #expect(
            defaulted.initiative.series.first?.quorum
                == Quorum(count: .people(1), check: ReminderOffset(amount: 2, unit: .days)))
    }
}
