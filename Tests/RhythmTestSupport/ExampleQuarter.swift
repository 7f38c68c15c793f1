import Foundation
import RhythmCore
import RhythmStore

/// A scripted quarter of life in an initiative, written through the store's ordinary
/// methods (so with its audit trail): answers for every meeting held in the 26 weeks before
/// `end` (two quarters, so that the attendance chart's last six monthly meetings all have
/// answers), actions opened and closed over six months, indicator values for the last four
/// periods, agenda items for each series' next meeting, and an outbox with pending, held and
/// dead entries and one bouncing address.
///
/// Deterministic: the same initiative and `end` always give the same rows, so tests can
/// count on them and the benchmark measures the same page each time. Made for the example
/// configuration (`config/rhythm.yaml`), it works with any initiative.
public enum ExampleQuarter {
    /// How far back the answers go.
    public static let days = 182
    /// The actor every row is recorded by.
    public static let actor = "script:example-quarter"

    /// Fills `store` for `initiative` up to `end`.
    public static func fill(store: AppDatabase, initiative: Initiative, endingAt end: Date) throws {
        var random = SplitMix(seed: 13)
        let schedule = Schedule(initiative: initiative)
        let zone = initiative.timeZone
        let today = zone.wallClock(at: end).date
        let period = DateInterval(start: end.addingTimeInterval(-Double(days) * 86_400), end: end)
        try fillAnswers(store: store, initiative: initiative, schedule: schedule, period: period, random: &random)
        try fillActions(store: store, initiative: initiative, end: end, random: &random)
        try fillIndicators(store: store, initiative: initiative, today: today, end: end, random: &random)
        try fillAgendaItems(store: store, initiative: initiative, schedule: schedule, end: end)
        try fillOutbox(store: store, initiative: initiative, end: end)
    }

    /// Each invited person answers each meeting held in the period, two days before it:
    /// mostly attending, some apologies and maybes, a few not at all. People of the first
    /// partner are less keen, so the chart has something to show.
    static func fillAnswers(
        store: AppDatabase, initiative: Initiative, schedule: Schedule, period: DateInterval,
        random: inout SplitMix
    ) throws {
        let reluctant = initiative.partners.first?.id
        for occurrence in schedule.occurrences(in: period) where occurrence.end <= period.end {
            if case .cancelled = occurrence.status { continue }
            for personID in initiative.attendeeIDs(of: occurrence.series) {
                let person = initiative.people.first { $0.id == personID }
                let roll = random.next(100) + (person?.partnerID == reluctant ? 25 : 0)
                let response: Attendance.Response
                switch roll {
                case ..<70: response = .attending
                case ..<80: response = .tentative
                case ..<92: response = .apologies
                default: continue
                }
                _ = try store.setAttendance(
                    seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date, personID: personID,
                    response: response, note: response == .apologies ? "Another commitment" : nil, delegateID: nil,
                    actor: actor, now: occurrence.start.addingTimeInterval(-2 * 86_400))
            }
        }
    }

    /// Forty actions over the last six months, each raised at a series by one of its
    /// attendees and due two to six weeks later; about two in three are done or dropped
    /// within a few weeks, the rest stay open, some of them overdue.
    static func fillActions(store: AppDatabase, initiative: Initiative, end: Date, random: inout SplitMix) throws {
        let series = initiative.series.filter { !initiative.attendeeIDs(of: $0).isEmpty }
        guard !series.isEmpty else { return }
        let zone = initiative.timeZone
        for index in 0..<40 {
            let created = end.addingTimeInterval(-Double(180 - index * 4 - random.next(3)) * 86_400)
            let raisedAt = series[index % series.count]
            let attendees = initiative.attendeeIDs(of: raisedAt)
            let owner = attendees[random.next(attendees.count)]
            let createdDate = zone.wallClock(at: created).date
            let action = try store.createAction(
                NewAction(
                    title: "Follow-up \(index + 1) from \(raisedAt.title)", ownerID: owner,
                    partnerID: initiative.people.first { $0.id == owner }?.partnerID, seriesID: raisedAt.id,
                    raisedOn: createdDate, due: createdDate.adding(days: 14 + random.next(29))),
                actor: actor, now: created)
            let closing = created.addingTimeInterval(Double(7 + random.next(40)) * 86_400)
            guard random.next(3) < 2, closing < end else { continue }
            _ = try store.updateAction(
                id: action.id, ActionChanges(status: random.next(5) == 0 ? .dropped : .done), actor: actor,
                now: closing)
        }
    }

    /// Values for the four periods before the current one, drifting towards the target; the
    /// last indicator's latest value is left out, so a review waits for it.
    static func fillIndicators(
        store: AppDatabase, initiative: Initiative, today: LocalDate, end: Date, random: inout SplitMix
    ) throws {
        for (position, indicator) in initiative.indicators.enumerated() {
            let current = ReportingPeriod.containing(today, kind: indicator.reportingPeriod)
            var periods: [ReportingPeriod] = []
            var period = current.previous
            for _ in 0..<4 {
                periods.insert(period, at: 0)
                period = period.previous
            }
            let target = indicator.target ?? 50
            let start = indicator.direction == .higherIsBetter ? target * 0.85 : target * 1.3
            for (step, period) in periods.enumerated() {
                if position == initiative.indicators.count - 1, step == periods.count - 1 { continue }
                let value = start + (target - start) * Double(step) / 4 + Double(random.next(5)) - 2
                _ = try store.recordIndicatorResult(
                    indicatorID: indicator.id, period: period, value: (value * 10).rounded() / 10, note: nil,
                    actor: actor, now: min(end, end.addingTimeInterval(-Double(3 - step) * 30 * 86_400)))
            }
        }
    }

    /// Two or three items for each series' next meeting, asking for 20 minutes each.
    static func fillAgendaItems(store: AppDatabase, initiative: Initiative, schedule: Schedule, end: Date) throws {
        for (position, series) in initiative.series.enumerated() {
            guard let next = schedule.nextMeeting(of: series, after: end) else { continue }
            let attendees = initiative.attendeeIDs(of: series)
            for item in 0..<(2 + position % 2) {
                _ = try store.createAgendaItem(
                    NewAgendaItem(
                        seriesID: series.id, occurrenceDate: next.originalStart.date, title: "Item \(item + 1)",
                        presenterID: attendees.isEmpty ? nil : attendees[item % attendees.count], minutes: 20),
                    actor: actor, now: end.addingTimeInterval(-Double(item + 1) * 3600))
            }
        }
    }

    /// Five reminders waiting, one held for a configuration error, two dead with the server's
    /// reply, and the third person's address bouncing.
    static func fillOutbox(store: AppDatabase, initiative: Initiative, end: Date) throws {
        let people = initiative.people.map(\.id)
        guard people.count >= 3, let channel = initiative.channels.first?.id else { return }
        let entries = (0..<8).map { index in
            OutboxEntry(
                key: "example-quarter|\(index)", channelID: channel,
                recipient: "person:\(people[index % people.count])",
                due: end.addingTimeInterval(Double(index < 3 ? -3600 : 86_400 * (index + 1))),
                usefulUntil: end.addingTimeInterval(30 * 86_400), kind: .reminder, subject: "Reminder \(index + 1)")
        }
        _ = try store.enqueue(entries, plannedWindow: nil, now: end.addingTimeInterval(-7200))
        var random = SplitMix(seed: 7)
        try store.recordOutcome(
            key: entries[0].key, outcome: .configuration(message: "the SMTP password file cannot be read"),
            now: end.addingTimeInterval(-3000), using: &random)
        for index in 1...2 {
            try store.recordOutcome(
                key: entries[index].key, outcome: .permanent(reply: "550 5.1.1 <\(people[index])>: mailbox unknown"),
                now: end.addingTimeInterval(-Double(2000 - index)), using: &random)
        }
        if let person = initiative.people.dropFirst(2).first {
            try store.recordPermanentFailure(
                AddressFailure(
                    address: person.email, personID: person.id, outboxMessageID: entries[2].messageID,
                    statusCode: "5.1.1", diagnostic: "550 5.1.1 user unknown"),
                now: end.addingTimeInterval(-1800))
        }
    }
}

/// SplitMix64: a tiny deterministic generator, so that the scripted data is the same on every
/// machine and every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 up to `bound` (exclusive).
    mutating func next(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}
