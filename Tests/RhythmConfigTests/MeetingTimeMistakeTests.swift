import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// Rules and local times that calendars would get wrong or that would cost without bound:
/// refused, or warned about, at the place they are written.
@Suite struct MeetingTimeMistakeTests {
    static let rule = "    rule: FREQ=WEEKLY;BYDAY=TU"
    static let start = "    start: 2027-01-05T10:00"

    static let mistakes: [ConfigurationMistake] = [
        .editingBase(
            "a secondly rule is refused: meetings recur at most daily", replacing: rule,
            with: "    rule: FREQ=SECONDLY", line: 29, column: 11, keyPath: "series[0].rule",
            "FREQ=SECONDLY repeats the meeting every second, but meetings recur at most daily"),
        .editingBase(
            "an hourly rule is refused at its FREQ part", replacing: rule, with: "    rule: BYDAY=TU;FREQ=HOURLY",
            line: 29, column: 20, keyPath: "series[0].rule", "write FREQ=DAILY for every day"),
        .editingBase(
            "several times of day are refused: meetings recur at most daily", replacing: rule,
            with: "    rule: FREQ=DAILY;BYHOUR=9,17", line: 29, column: 22, keyPath: "series[0].rule",
            "BYHOUR has 2 values, which would hold the meeting 2 times a day"),
        .editingBase(
            "BYWEEKNO without BYDAY is a warning that suggests the start's weekday", replacing: rule,
            with: "    rule: FREQ=YEARLY;BYWEEKNO=1", line: 29, column: 23, keyPath: "series[0].rule",
            "add BYDAY=TU to say so", severity: .warning),
        .editingBase(
            "a 31st of the month is a warning for Outlook users", replacing: rule,
            with: "    rule: FREQ=MONTHLY;BYMONTHDAY=31", line: 29, column: 11, keyPath: "series[0].rule",
            "Outlook moves a meeting on day 31 of the month to the last day of shorter months",
            severity: .warning),
        .editingBase(
            "a series starting before 1970 is refused", replacing: start, with: "    start: 1969-12-30T10:00",
            line: 24, column: 12, keyPath: "series[0].start", "Rhythm plans meetings from 1970 on"),
        .editingBase(
            "a start the clocks skip says which time Rhythm uses", replacing: start,
            with: "    start: 2027-10-03T02:30", line: 24, column: 12, keyPath: "series[0].start",
            "2027-10-03 02:30 does not exist in Australia/Melbourne: the clocks go forward 1 hour then, so "
                + "Rhythm uses 03:30 +11:00",
            severity: .warning),
        .editingBase(
            "an extra date in the repeated hour says which of the two Rhythm uses", replacing: rule,
            with: rule + "\n    extra_dates: [2027-04-04T02:30]", line: 30, column: 19,
            keyPath: "series[0].extra_dates[0]",
            "2027-04-04 02:30 happens twice in Australia/Melbourne: the clocks go back 1 hour then, so Rhythm "
                + "uses the first, 02:30 +11:00, not 02:30 +10:00",
            severity: .warning),
        .editingBase(
            "a move to a time the clocks skip says which time Rhythm uses", replacing: rule,
            with: rule + "\n    exceptions:\n      - move: 2027-09-28\n        to: 2027-10-03T02:00", line: 32,
            column: 13, keyPath: "series[0].exceptions[0].to", "so Rhythm uses 03:00 +11:00", severity: .warning),
    ]

    @Test("each mistake is reported at its line and column with a helpful message", arguments: mistakes)
    func mistakeIsReported(_ mistake: ConfigurationMistake) {
        let diagnostics = ConfigurationMistakeTests.diagnostics(loading: mistake.yaml)
        let match = diagnostics.first { $0.keyPath == mistake.keyPath && $0.message.contains(mistake.fragment) }
        guard let match else {
            Issue.record("nothing under \(mistake.keyPath) says \"\(mistake.fragment)\"; got:\n\(diagnostics)")
            return
        }
        #expect(match.line == mistake.line, "\(match)")
        #expect(match.column == mistake.column, "\(match)")
        #expect(match.severity == mistake.severity, "\(match)")
    }

    @Test("an extra date the clocks skip becomes the time Rhythm uses, the same as a move to it")
    func skippedExtraDateIsShifted() throws {
        let yaml = ConfigurationMistake.base.replacingOccurrences(
            of: Self.rule,
            with: Self.rule + "\n    extra_dates: [2027-10-03T02:30]\n    exceptions:\n      - move: 2027-09-28\n"
                + "        to: 2027-10-03T02:15")
        let series = try #require(try ConfigurationLoader().load(yaml: yaml, path: "test.yaml").initiative.series.first)
        #expect(series.extraDates == [try #require(LocalDateTime(iso: "2027-10-03T03:30"))])
    }

    @Test("a file larger than 4 MiB is refused before it is parsed, also when it never ends")
    func oversizedFile() throws {
        let big = ConfigurationMistake.base + "# " + String(repeating: "x", count: 60_000) + "\n"
        let yaml = String(repeating: big, count: 80)
        let diagnostics = ConfigurationMistakeTests.diagnostics(loading: yaml)
        #expect(diagnostics.map(\.message).contains { $0.contains("larger than the 4 MiB a configuration may have") })
        let endless = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(path: "/dev/zero")
        }
        #expect(endless.diagnostics.map(\.message).contains { $0.contains("larger than the 4 MiB") })
    }

    @Test("a line or a value longer than 64 KiB is refused at its place")
    func oversizedValues() {
        let long = String(repeating: "a", count: 70_000)
        let line = ConfigurationMistakeTests.diagnostics(
            loading: ConfigurationMistake.base.replacingOccurrences(
                of: "    title: Weekly check-in", with: "    title: \(long)"))
        #expect(line.contains { $0.line == 22 && $0.column == 1 && $0.message.contains("longer than 64 KiB") })

        let block = (0..<2_000).map { _ in "      " + String(repeating: "b", count: 40) }.joined(separator: "\n")
        let value = ConfigurationMistakeTests.diagnostics(
            loading: ConfigurationMistake.base.replacingOccurrences(
                of: "    title: Weekly check-in", with: "    title: Weekly check-in\n    description: |\n\(block)"))
        #expect(value.contains { $0.line == 23 && $0.message.contains("more than the 64 KiB any value may have") })
    }

    @Test("every zone name of the system database is accepted as a time zone")
    func everyZoneName() {
        for name in TimeZoneDatabase.system.names {
            let yaml = ConfigurationMistake.base.replacingOccurrences(
                of: "  time_zone: Australia/Melbourne", with: "  time_zone: \"\(name)\"")
            let errors = ConfigurationMistakeTests.diagnostics(loading: yaml).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name): \(errors)")
        }
    }
}
