import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// The forms the example's comments promise are all accepted, and mean what they say.
@Suite struct ValueFormTests {
    static let durations: [(String, Int)] = [
        ("90m", 5400), ("1h30m", 5400), ("2h", 7200), ("PT1H30M", 5400), ("45 minutes", 2700),
        ("1 hour 30 minutes", 5400), ("2h30m", 9000), ("24h", 86400),
    ]

    @Test("meeting durations in every documented form", arguments: durations)
    func duration(_ text: String, _ seconds: Int) throws {
        let yaml = ConfigurationMistake.base.replacingOccurrences(of: "duration: 1h", with: "duration: \(text)")
        let series = try #require(ConfigurationLoader().load(yaml: yaml, path: "d.yaml").initiative.series.first)
        #expect(series.duration == .seconds(seconds))
    }

    static let offsets: [(String, ReminderOffset)] = [
        ("3 business-days", ReminderOffset(amount: 3, unit: .businessDays)),
        ("1 business day", ReminderOffset(amount: 1, unit: .businessDays)),
        ("1 hour", ReminderOffset(amount: 1, unit: .hours)),
        ("2 hours", ReminderOffset(amount: 2, unit: .hours)),
        ("2 days", ReminderOffset(amount: 2, unit: .days)),
        ("30 minutes", ReminderOffset(amount: 30, unit: .minutes)),
    ]

    @Test("reminder offsets in every documented form", arguments: offsets)
    func offset(_ text: String, _ offset: ReminderOffset) throws {
        let yaml =
            ConfigurationMistake.base + """
                reminders:
                  - id: soon
                    for: meetings
                    before: \(text)
                    channel: email

                """
        let rule = try #require(ConfigurationLoader().load(yaml: yaml, path: "o.yaml").initiative.reminderRules.first)
        #expect(rule.trigger == .before(offset))
        #expect(rule.audience == .attendees)
        #expect(rule.content == .reminder)
        #expect(rule.subject == .meetings(seriesIDs: []))
    }

    static let mailboxes = [
        "backbone@example.org", "Backbone <backbone@example.org>",
        "\"Backbone, Brightwater\" <b.team+rhythm@example.org>",
    ]

    @Test("senders as a bare address or a named mailbox", arguments: mailboxes)
    func mailbox(_ text: String) throws {
        let yaml = ConfigurationMistake.base.replacingOccurrences(
            of: "from: Test <backbone@example.org>", with: "from: '\(text)'")
        let channel = try #require(ConfigurationLoader().load(yaml: yaml, path: "m.yaml").initiative.channels.first)
        #expect(channel.kind == .email(EmailSettings(from: text)))
    }

    @Test("a single-day holiday and a period")
    func holidays() throws {
        let yaml =
            ConfigurationMistake.base + """
                holidays:
                  - id: day
                    name: A day
                    date: 2027-01-26
                  - id: period
                    name: A period
                    from: 2026-12-21
                    to: 2027-01-08

                """
        let holidays = try ConfigurationLoader().load(yaml: yaml, path: "h.yaml").initiative.holidays
        #expect(
            holidays.map(\.firstDay) == [
                LocalDate(year: 2027, month: 1, day: 26)!, LocalDate(year: 2026, month: 12, day: 21)!,
            ])
        #expect(
            holidays.map(\.lastDay) == [
                LocalDate(year: 2027, month: 1, day: 26)!, LocalDate(year: 2027, month: 1, day: 8)!,
            ])
    }
}
