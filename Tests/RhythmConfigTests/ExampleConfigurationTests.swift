import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// The commented example in config/rhythm.yaml is what coordinators copy, so it must load
/// cleanly and mean what its comments say.
@Suite struct ExampleConfigurationTests {
    static let examplePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/rhythm.yaml").path

    private func loadExample() throws -> LoadedConfiguration {
        do {
            return try ConfigurationLoader().load(path: Self.examplePath)
        } catch {
            Issue.record("the example did not load:\n\(error)")
            throw error
        }
    }

    @Test("the example configuration loads without errors or warnings")
    func loadsCleanly() throws {
        let loaded = try loadExample()
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description).joined(separator: "\n"))")
    }

    @Test("the example's sections are all read")
    func counts() throws {
        let initiative = try loadExample().initiative
        #expect(initiative.name == "Brightwater Youth Futures")
        #expect(initiative.timeZone.identifier == "Australia/Melbourne")
        #expect(initiative.domain == "brightwater-futures.org.au")
        #expect(initiative.partners.count == 8)
        #expect(initiative.people.count == 13)
        #expect(initiative.groups.count == 4)
        #expect(initiative.holidays.count == 4)
        #expect(initiative.series.count == 6)
        #expect(initiative.indicators.count == 4)
        #expect(initiative.channels.count == 2)
        #expect(initiative.reminderRules.count == 6)
        #expect(
            initiative.quietHours
                == QuietHours(start: LocalTime(hour: 20, minute: 0)!, end: LocalTime(hour: 7, minute: 30)!))
    }

    @Test("a series keeps its rule, start, duration and moved occurrence")
    func leadershipTable() throws {
        let initiative = try loadExample().initiative
        let series = try #require(initiative.series.first { $0.id == "leadership-table" })
        #expect(series.recurrence == RecurrenceRule(frequency: .monthly, byDay: [.init(.tuesday, ordinal: 2)]))
        #expect(series.start == LocalDateTime(year: 2026, month: 2, day: 10, hour: 10))
        #expect(series.duration == .seconds(2 * 3600))
        #expect(series.kind == .leadership)
        #expect(series.organizerID == "priya-natarajan")
        #expect(series.attendees.groupIDs == ["leadership-table"])
        let exception = try #require(series.exceptions.first)
        guard case .move(let date, let change) = exception else {
            Issue.record("expected a move, got \(exception)")
            return
        }
        #expect(date == LocalDate(year: 2027, month: 3, day: 9))
        #expect(change.start == LocalDateTime(year: 2027, month: 3, day: 11, hour: 10))
        #expect(change.location?.hasPrefix("Northgate Secondary College") == true)
    }

    @Test("other series keep their holiday policy, zone and cancellations")
    func otherSeries() throws {
        let initiative = try loadExample().initiative
        let transitions = try #require(initiative.series.first { $0.id == "transitions-wg" })
        #expect(transitions.holidayPolicy == .nextBusinessDay)
        #expect(transitions.timeZone.identifier == "Australia/Melbourne")
        let attendance = try #require(initiative.series.first { $0.id == "attendance-wg" })
        guard case .cancel(let date, let reason)? = attendance.exceptions.first else {
            Issue.record("expected a cancellation, got \(attendance.exceptions)")
            return
        }
        #expect(date == LocalDate(year: 2026, month: 12, day: 9))
        #expect(reason?.hasPrefix("Most members are at the regional education summit") == true)
        let review = try #require(initiative.series.first { $0.id == "indicator-review" })
        #expect(review.duration == .seconds(2 * 3600 + 30 * 60))
        #expect(review.recurrence?.bySetPosition == [-1])
    }

    @Test("people keep their own zone, quiet hours, chat handles and preferences")
    func people() throws {
        let initiative = try loadExample().initiative
        let fiona = try #require(initiative.people.first { $0.id == "fiona-mcallister" })
        #expect(fiona.timeZone.identifier == "Europe/London")
        #expect(fiona.quietHours?.start == LocalTime(hour: 19, minute: 0))
        let priya = try #require(initiative.people.first { $0.id == "priya-natarajan" })
        #expect(priya.timeZone.identifier == "Australia/Melbourne")
        #expect(priya.chatHandles.slack == "U02PRIYA")
        #expect(initiative.people.first { $0.id == "mei-lin-chen" }?.wantsDailyDigest == true)
        #expect(initiative.people.first { $0.id == "helen-nguyen" }?.wantsInvitations == true)
    }

    @Test("channels keep secret references, never secrets")
    func channels() throws {
        let initiative = try loadExample().initiative
        let slack = try #require(initiative.channels.first { $0.id == "backbone-slack" })
        #expect(slack.kind == .slack(webhook: .environment("RHYTHM_BACKBONE_SLACK_WEBHOOK")))
        let email = try #require(initiative.channels.first { $0.id == "email" })
        #expect(
            email.kind == .email(EmailSettings(from: "Brightwater Youth Futures <backbone@brightwater-futures.org.au>"))
        )
    }

    @Test("reminder rules keep subject, trigger, audience and content")
    func reminders() throws {
        let rules = try loadExample().initiative.reminderRules
        let agenda = try #require(rules.first { $0.id == "agenda-by-email" })
        #expect(
            agenda.subject
                == .meetings(seriesIDs: ["leadership-table", "indicator-review", "attendance-wg", "transitions-wg"]))
        #expect(agenda.trigger == .before(ReminderOffset(amount: 3, unit: .businessDays)))
        #expect(agenda.audience == .attendees)
        #expect(agenda.content == .agenda)
        let late = try #require(rules.first { $0.id == "indicator-data-late" })
        #expect(late.subject == .indicators)
        #expect(late.trigger == .overdue(repeatEvery: ReminderOffset(amount: 2, unit: .businessDays), maximumCount: 3))
        #expect(late.audience == .owner)
        // Without on_non_business_days: meeting reminders keep their time, nags wait for a working day.
        #expect(agenda.onNonBusinessDays == .send)
        #expect(late.onNonBusinessDays == .nextBusinessDay)
    }
}
