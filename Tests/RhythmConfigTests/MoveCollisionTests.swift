import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// A `move` must not land on a time the series already has: that yields two identical
/// meetings in every feed, agenda and reminder.
@Suite struct MoveCollisionTests {
    /// The base document's weekly Tuesday 10:00 series, with `extra` after its rule (line 30 on).
    static func series(_ extra: String) -> String {
        ConfigurationMistake.base.replacingOccurrences(
            of: "    rule: FREQ=WEEKLY;BYDAY=TU\n", with: "    rule: FREQ=WEEKLY;BYDAY=TU\n" + extra)
    }

    static let collisions: [ConfigurationMistake] = [
        .editingBase(
            "a move onto the next week's meeting", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with: "    rule: FREQ=WEEKLY;BYDAY=TU\n    exceptions:\n      - move: 2027-01-12\n"
                + "        to: 2027-01-19T10:00\n",
            line: 32, column: 13, keyPath: "series[0].exceptions[0].to",
            "where the series already meets (the occurrence of 2027-01-19)"),
        .editingBase(
            "a move onto an extra date", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with: "    rule: FREQ=WEEKLY;BYDAY=TU\n    extra_dates: [2027-01-21T15:00]\n    exceptions:\n"
                + "      - move: 2027-01-12\n        to: 2027-01-21T15:00\n",
            line: 33, column: 13, keyPath: "series[0].exceptions[0].to",
            "where the series already meets (the occurrence of 2027-01-21)"),
        .editingBase(
            "two moves onto the same time", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with: "    rule: FREQ=WEEKLY;BYDAY=TU\n    exceptions:\n      - move: 2027-01-12\n"
                + "        to: 2027-01-14T10:00\n      - move: 2027-01-19\n        to: 2027-01-14T10:00\n",
            line: 34, column: 13, keyPath: "series[0].exceptions[1].to",
            "where the move of the occurrence of 2027-01-12 (line 32) already puts it"),
        .editingBase(
            "a move of a day that also has an extra date", replacing: "    rule: FREQ=WEEKLY;BYDAY=TU\n",
            with: "    rule: FREQ=WEEKLY;BYDAY=TU\n    extra_dates: [2027-01-12T15:00]\n    exceptions:\n"
                + "      - move: 2027-01-12\n        to: 2027-01-13T10:00\n",
            line: 33, column: 13, keyPath: "series[0].exceptions[0].to",
            "meets 2 times on 2027-01-12 (at 10:00 and 15:00"),
    ]

    @Test("a move onto a time the series already has is refused at its to:", arguments: collisions)
    func collisionIsRefused(_ mistake: ConfigurationMistake) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: mistake.yaml, path: "test.yaml")
        }
        let match = try #require(
            error.diagnostics.first { $0.keyPath == mistake.keyPath && $0.message.contains(mistake.fragment) },
            "\(error)")
        #expect(match.severity == .error)
        #expect((match.line, match.column) == (mistake.line, mistake.column ?? 0), "\(match)")
    }

    @Test(
        "a move onto a time that is free is accepted",
        arguments: [
            "the meeting there is skipped": "      - skip: 2027-01-19\n",
            "the meeting there is cancelled": "      - cancel: 2027-01-19\n",
            "the meeting there moves away": "      - move: 2027-01-19\n        to: 2027-01-20T10:00\n",
        ])
    func freeTimeIsAccepted(_ reason: String, _ otherException: String) throws {
        let yaml = Self.series(
            "    exceptions:\n      - move: 2027-01-12\n        to: 2027-01-19T10:00\n" + otherException)
        let loaded = try ConfigurationLoader().load(yaml: yaml, path: "test.yaml")
        #expect(loaded.initiative.series.first?.exceptions.count == 2, "\(reason)")
    }
}
