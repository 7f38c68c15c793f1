import Foundation
import RhythmCore
import RhythmStore
import Testing

@testable import RhythmDaemon

/// Filling the outbox: from where the last run stopped, and with what is due but still useful.
@Suite struct OutboxPlannerTests {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let email = Channel(id: "email", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))

    /// Daily at 10:00 in Melbourne, reminded an hour before by e-mail to Ana.
    static let initiative = Initiative(
        name: "Thriving Futures", timeZone: melbourne, domain: "example.org",
        people: [Person(id: "ana", name: "Ana", email: "ana@example.org", timeZone: melbourne)],
        series: [
            MeetingSeries(
                id: "standup", title: "Stand-up", kind: .team, start: LocalDateTime(iso: "2027-03-01T10:00")!,
                duration: .seconds(900), timeZone: melbourne, attendees: Attendees(personIDs: ["ana"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=DAILY"), holidayPolicy: .ignore)
        ],
        channels: [email],
        reminderRules: [
            ReminderRule(
                id: "hour-before", subject: .meetings(seriesIDs: []),
                trigger: .before(ReminderOffset(amount: 1, unit: .hours)), channelID: "email", audience: .attendees)
        ])

    static func melbourne(_ text: String) -> Date { melbourne.instant(for: LocalDateTime(iso: text)!) }

    @Test("a first run plans the next two days, and what is due now but still useful; not what is past")
    func firstRun() throws {
        let store = try AppDatabase.inMemory()
        // 09:30: today's reminder (09:00) is due and useful until 10:00; yesterday's is not.
        let now = Self.melbourne("2027-03-05T09:30")
        try OutboxPlanner(initiative: Self.initiative, store: store).run(sequences: [:], now: now)
        let dues = try store.outboxEntries().map(\.due)
        #expect(dues == ["2027-03-05T09:00", "2027-03-06T09:00", "2027-03-07T09:00"].map(Self.melbourne))
        #expect(try store.plannedUntil() == now + OutboxPlanner.horizon)
    }

    @Test("after downtime every reminder since the last run is planned, so the useless ones are recorded as skipped")
    func afterDowntime() throws {
        let store = try AppDatabase.inMemory()
        try OutboxPlanner(initiative: Self.initiative, store: store).run(
            sequences: [:], now: Self.melbourne("2027-03-01T08:00"))
        // Down from the 1st to the 6th at 09:30: the horizon ended on the 3rd at 08:00.
        let now = Self.melbourne("2027-03-06T09:30")
        try OutboxPlanner(initiative: Self.initiative, store: store).run(sequences: [:], now: now)
        let entries = try store.outboxEntries()
        #expect(entries.count == 8)  // the 1st to the 8th
        _ = try store.claimDue(now: now, limit: 100)
        #expect(try store.outboxCounts() == [.skipped: 5, .sending: 1, .pending: 2])
    }
}
