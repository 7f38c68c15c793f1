import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// A random source that always returns the same bits, so backoff jitter is predictable.
struct FixedRandom: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

/// The durable outbox: enqueueing, claiming, outcomes, recovery and housekeeping.
@Suite struct OutboxTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    static let now = Date.reference
    static func minutes(_ count: Double) -> Date { now.addingTimeInterval(count * 60) }

    static func entry(_ key: String, due: Date = minutes(10), usefulUntil: Date = minutes(24 * 60)) -> OutboxEntry {
        OutboxEntry(key: key, channelID: "email", recipient: "person:\(key)", due: due, usefulUntil: usefulUntil)
    }

    /// A generator whose jitter fraction is exactly one half.
    static var half: FixedRandom { FixedRandom(value: 1 << 63) }

    @Test("an entry keeps its kind and subject; planning it again with a new subject updates it")
    func kindAndSubject() throws {
        var entry = Self.entry("a")
        entry.kind = .agenda
        entry.subject = "Agenda: Leadership Table, Tue 9 Mar 10:00"
        #expect(try database.enqueue([entry], plannedWindow: nil, now: Self.now) == 1)
        let stored = try #require(try database.outboxEntry(key: "a"))
        #expect(stored.kind == .agenda)
        #expect(stored.subject == "Agenda: Leadership Table, Tue 9 Mar 10:00")
        entry.subject = "Agenda: Leadership Table (renamed), Tue 9 Mar 10:00"
        #expect(try database.enqueue([entry], plannedWindow: nil, now: Self.now) == 0)
        #expect(try database.outboxEntry(key: "a")?.subject == "Agenda: Leadership Table (renamed), Tue 9 Mar 10:00")
    }

    @Test("enqueueing the same plan twice creates nothing the second time")
    func enqueueIdempotent() throws {
        let entries = [Self.entry("a"), Self.entry("b")]
        #expect(try database.enqueue(entries, plannedWindow: nil, now: Self.now) == 2)
        #expect(try database.enqueue(entries, plannedWindow: nil, now: Self.now) == 0)
        let stored = try database.outboxEntries()
        #expect(stored.map(\.key) == ["a", "b"])
        #expect(stored.allSatisfy { $0.status == .pending && $0.attempts == 0 && !$0.isHeld })
        #expect(stored.first?.messageID == OutboxEntry.messageID(forKey: "a"))
        #expect(stored.first?.nextAttemptAt == Self.minutes(10))
        #expect(stored.first?.createdAt == Self.now)
        #expect(OutboxEntry.messageID(forKey: "a") != OutboxEntry.messageID(forKey: "b"))
        #expect(OutboxEntry.messageID(forKey: "a").count == 39)
    }

    @Test("a pending entry missing from a new plan of the same window is withdrawn; others are left alone")
    func withdrawal() throws {
        let window = DateInterval(start: Self.now, end: Self.minutes(60))
        try database.enqueue(
            [Self.entry("kept"), Self.entry("cancelled"), Self.entry("later", due: Self.minutes(120))],
            plannedWindow: window, now: Self.now)
        try database.enqueue([Self.entry("sent")], plannedWindow: nil, now: Self.now)
        let claimed = try database.claimDue(now: Self.minutes(10), limit: 10)
        #expect(claimed.count == 3)
        try database.recordOutcome(key: "sent", outcome: .delivered, now: Self.minutes(11))
        try database.recoverAbandoned(now: Self.minutes(11))
        #expect(try database.enqueue([Self.entry("kept")], plannedWindow: window, now: Self.minutes(12)) == 0)
        #expect(try database.outboxEntry(key: "kept")?.status == .pending)
        #expect(try database.outboxEntry(key: "cancelled")?.status == .withdrawn)
        #expect(try database.outboxEntry(key: "later")?.status == .pending)
        #expect(try database.outboxEntry(key: "sent")?.status == .sent)
    }

    @Test("a re-planned entry not yet attempted takes the new due instant")
    func replannedDue() throws {
        try database.enqueue([Self.entry("a")], plannedWindow: nil, now: Self.now)
        try database.enqueue([Self.entry("a", due: Self.minutes(30))], plannedWindow: nil, now: Self.now)
        #expect(try database.outboxEntry(key: "a")?.due == Self.minutes(30))
        #expect(try database.outboxEntry(key: "a")?.nextAttemptAt == Self.minutes(30))
    }

    @Test("claiming takes only due entries, earliest first, marks them sending and counts the attempt")
    func claimDue() throws {
        try database.enqueue(
            [
                Self.entry("late", due: Self.minutes(5)), Self.entry("early", due: Self.minutes(1)),
                Self.entry("future", due: Self.minutes(30)),
            ], plannedWindow: nil, now: Self.now)
        let claimed = try database.claimDue(now: Self.minutes(10), limit: 10)
        #expect(claimed.map(\.key) == ["early", "late"])
        #expect(claimed.allSatisfy { $0.status == .sending && $0.attempts == 1 })
        #expect(try database.claimDue(now: Self.minutes(10), limit: 10).isEmpty)
        #expect(try database.outboxEntry(key: "future")?.status == .pending)
        #expect(try database.claimDue(now: Self.minutes(40), limit: 1).map(\.key) == ["future"])
    }

    @Test("claiming skips due entries that are no longer useful")
    func claimSkipsUseless() throws {
        try database.enqueue(
            [Self.entry("stale", due: Self.minutes(1), usefulUntil: Self.minutes(5)), Self.entry("fresh")],
            plannedWindow: nil, now: Self.now)
        let claimed = try database.claimDue(now: Self.minutes(20), limit: 10)
        #expect(claimed.map(\.key) == ["fresh"])
        #expect(try database.outboxEntry(key: "stale")?.status == .skipped)
    }

    @Test("two processes claiming at once never get the same entry")
    func concurrentClaims() async throws {
        let entries = (0..<200).map { Self.entry(String(format: "k%03d", $0), due: Self.minutes(1)) }
        try database.enqueue(entries, plannedWindow: nil, now: Self.now)
        let first = try directory.open()
        let second = try directory.open()
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for database in [first, second, first, second] {
                group.addTask {
                    var keys: [String] = []
                    while true {
                        let batch = try database.claimDue(now: Self.minutes(5), limit: 7)
                        if batch.isEmpty { return keys }
                        keys += batch.map(\.key)
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claims.count == 200)
        #expect(Set(claims).count == 200)
    }

    @Test("transient failures back off exponentially with jitter, capped at an hour, honouring Retry-After")
    func backoff() throws {
        try database.enqueue([Self.entry("a", due: Self.now)], plannedWindow: nil, now: Self.now)
        var generator = Self.half
        var now = Self.now
        var delays: [TimeInterval] = []
        for _ in 0..<9 {
            let claimed = try database.claimDue(now: now, limit: 1)
            #expect(claimed.map(\.key) == ["a"])
            let entry = try #require(
                try database.recordOutcome(
                    key: "a", outcome: .transient(reply: "451 try later"), now: now, using: &generator))
            #expect(entry.status == .pending)
            #expect(entry.lastReply == "451 try later")
            delays.append(entry.nextAttemptAt.timeIntervalSince(now))
            now = entry.nextAttemptAt
        }
        #expect(delays == [22.5, 45, 90, 180, 360, 720, 1440, 2700, 2700])
        _ = try database.claimDue(now: now, limit: 1)
        let unknown = try database.recordOutcome(
            key: "a", outcome: .unknown(reply: "timeout"), now: now, using: &generator)
        #expect(unknown?.nextAttemptAt == now.addingTimeInterval(2700))
        #expect(unknown?.attempts == 10)
        #expect(unknown?.messageID == OutboxEntry.messageID(forKey: "a"))
        now = now.addingTimeInterval(2700)
        _ = try database.claimDue(now: now, limit: 1)
        let limited = try database.recordOutcome(
            key: "a", outcome: .transient(reply: "429", retryAfter: 5000), now: now, using: &generator)
        #expect(limited?.nextAttemptAt == now.addingTimeInterval(5000))
    }

    @Test("the jitter spans half to all of the backoff")
    func jitterRange() {
        let policy = OutboxRetryPolicy.standard
        var zero = FixedRandom(value: 0)
        var top = FixedRandom(value: .max)
        #expect(policy.delay(afterAttempt: 3, fraction: OutboxRetryPolicy.fraction(using: &zero)) == 60)
        #expect(policy.delay(afterAttempt: 3, fraction: OutboxRetryPolicy.fraction(using: &top)) == 120)
        #expect(policy.delay(afterAttempt: 3, fraction: 0, retryAfter: 10) == 60)
    }

    @Test("a retry that would fall after useful-until makes a dead letter with the reply")
    func deadAfterUsefulUntil() throws {
        try database.enqueue(
            [Self.entry("a", due: Self.now, usefulUntil: Self.minutes(1))], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.now, limit: 1)
        var generator = Self.half
        let entry = try database.recordOutcome(
            key: "a", outcome: .transient(reply: "421 closing"), now: Self.minutes(0.75), using: &generator)
        #expect(entry?.status == .dead)
        #expect(entry?.lastReply?.contains("421 closing") == true)
    }

    @Test("delivered is sent, permanent is dead, configuration is held until retried")
    func outcomes() throws {
        try database.enqueue(
            [Self.entry("ok"), Self.entry("bad"), Self.entry("cfg")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 10)
        #expect(try database.recordOutcome(key: "ok", outcome: .delivered, now: Self.minutes(11))?.status == .sent)
        let dead = try database.recordOutcome(
            key: "bad", outcome: .permanent(reply: "550 no such user"), now: Self.minutes(11))
        #expect(dead?.status == .dead)
        #expect(dead?.lastReply == "550 no such user")
        let held = try database.recordOutcome(
            key: "cfg", outcome: .configuration(message: "SMTP login refused"), now: Self.minutes(11))
        #expect(held?.status == .pending && held?.isHeld == true)
        #expect(try database.claimDue(now: Self.minutes(600), limit: 10).isEmpty)
        #expect(try database.nextDueInstant() == nil)
        #expect(try database.recordOutcome(key: "missing", outcome: .delivered, now: Self.now) == nil)
        // A finished entry is not changed by a late report.
        #expect(try database.recordOutcome(key: "ok", outcome: .permanent(reply: "x"), now: Self.now)?.status == .sent)
    }

    @Test("delivered marks a claimed entry sent and keeps its reply; a late report leaves a finished one alone")
    func deliveredAfterRetries() throws {
        try database.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 10)
        let waiting = try #require(
            try database.recordOutcome(
                key: "a", outcome: .transient(reply: "421 busy", retryAfter: nil), now: Self.minutes(11)))
        _ = try database.claimDue(now: Self.minutes(600), limit: 10)
        let sent = try database.recordOutcome(key: "a", outcome: .delivered, now: Self.minutes(601))
        #expect(sent?.status == .sent && sent?.isHeld == false && sent?.attempts == 2)
        #expect(sent?.lastReply == "421 busy" && sent?.nextAttemptAt == waiting.nextAttemptAt)
        #expect(sent?.updatedAt == Self.minutes(601))
        try database.recordOutcome(key: "b", outcome: .permanent(reply: "550 no such user"), now: Self.minutes(11))
        let late = try database.recordOutcome(key: "b", outcome: .delivered, now: Self.minutes(12))
        #expect(late?.status == .dead && late?.updatedAt == Self.minutes(11))
    }

    @Test("retry makes dead and held entries pending now, and leaves sent ones alone")
    func retry() throws {
        try database.enqueue(
            [Self.entry("bad"), Self.entry("cfg"), Self.entry("ok")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 10)
        try database.recordOutcome(key: "bad", outcome: .permanent(reply: "550"), now: Self.minutes(11))
        try database.recordOutcome(key: "cfg", outcome: .configuration(message: "bad password"), now: Self.minutes(11))
        try database.recordOutcome(key: "ok", outcome: .delivered, now: Self.minutes(11))
        for key in ["bad", "cfg"] {
            let entry = try database.retry(key: key, now: Self.minutes(20))
            #expect(entry?.status == .pending && entry?.isHeld == false && entry?.attempts == 0)
            #expect(entry?.nextAttemptAt == Self.minutes(20))
        }
        #expect(try database.retry(key: "ok", now: Self.minutes(20))?.status == .sent)
        #expect(try database.retry(key: "missing", now: Self.minutes(20)) == nil)
        #expect(try database.claimDue(now: Self.minutes(20), limit: 10).map(\.key) == ["bad", "cfg"])
    }

    @Test("after a crash, entries left sending go back to pending with the same message id")
    func recovery() throws {
        do {
            let crashed = try directory.open()
            try crashed.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: nil, now: Self.now)
            _ = try crashed.claimDue(now: Self.minutes(10), limit: 1)
        }
        let restarted = try directory.open()
        #expect(try restarted.outboxEntries(status: .sending).map(\.key) == ["a"])
        #expect(try restarted.recoverAbandoned(now: Self.minutes(30)) == 1)
        let entry = try #require(try restarted.outboxEntry(key: "a"))
        #expect(entry.status == .pending && entry.nextAttemptAt == Self.minutes(30) && entry.attempts == 1)
        let again = try restarted.claimDue(now: Self.minutes(30), limit: 10)
        // "b" was due earlier than the recovered "a", so it comes first.
        #expect(again.map(\.key) == ["b", "a"])
        #expect(again.last?.messageID == OutboxEntry.messageID(forKey: "a"))
        #expect(again.last?.attempts == 2)
    }

    @Test("purge removes finished entries older than the cut-off, only in the given statuses")
    func purge() throws {
        try database.enqueue([Self.entry("a"), Self.entry("b"), Self.entry("c")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 2)
        try database.recordOutcome(key: "a", outcome: .delivered, now: Self.minutes(11))
        try database.recordOutcome(key: "b", outcome: .permanent(reply: "550"), now: Self.minutes(11))
        #expect(try database.purge(olderThan: Self.minutes(11)) == 0)
        #expect(try database.purge(olderThan: Self.minutes(12), statuses: [.sent]) == 1)
        #expect(try database.purge(olderThan: Self.minutes(12)) == 1)
        #expect(try database.outboxEntries().map(\.key) == ["c"])
    }

    @Test("the next due instant is the earliest attempt of an unheld pending entry")
    func nextDue() throws {
        #expect(try database.nextDueInstant() == nil)
        try database.enqueue(
            [Self.entry("a", due: Self.minutes(30)), Self.entry("b", due: Self.minutes(20))], plannedWindow: nil,
            now: Self.now)
        #expect(try database.nextDueInstant() == Self.minutes(20))
        _ = try database.claimDue(now: Self.minutes(20), limit: 1)
        #expect(try database.nextDueInstant() == Self.minutes(30))
        #expect(try database.outboxEntries(status: .sending).map(\.key) == ["b"])
    }

    @Test("planning a window twice enqueues nothing new; cancelling the meeting withdraws its reminders")
    func planEnqueueCancel() throws {
        let zone = TimeZone(identifier: "Australia/Melbourne")!
        var series = MeetingSeries(
            id: "table", title: "Table", kind: .leadership,
            start: LocalDateTime(year: 2027, month: 3, day: 9, hour: 10)!, duration: .seconds(3600), timeZone: zone,
            attendees: Attendees(personIDs: ["ana", "ben"]))
        let initiative = { (series: MeetingSeries) in
            Initiative(
                name: "T", timeZone: zone, domain: "example.org",
                people: [
                    Person(id: "ana", name: "Ana", email: "ana@example.org", timeZone: zone),
                    Person(id: "ben", name: "Ben", email: "ben@example.org", timeZone: zone),
                ],
                series: [series],
                channels: [Channel(id: "email", kind: .email(EmailSettings(from: "b@example.org")))],
                reminderRules: [
                    ReminderRule(
                        id: "r", subject: .meetings(seriesIDs: []),
                        trigger: .before(ReminderOffset(amount: 1, unit: .days)), channelID: "email",
                        audience: .attendees)
                ])
        }
        let window = DateInterval(
            start: zone.instant(for: LocalDateTime(year: 2027, month: 3, day: 1)!), duration: 30 * 86_400)
        func plan() -> [OutboxEntry] {
            ReminderPlanner.plan(
                initiative: initiative(series), window: window, actions: [], results: [], now: window.start
            )
            .map { OutboxEntry(reminder: $0) }
        }
        let planned = plan()
        #expect(planned.map(\.recipient) == ["person:ana", "person:ben"])
        #expect(try database.enqueue(planned, plannedWindow: window, now: Self.now) == 2)
        #expect(try database.enqueue(plan(), plannedWindow: window, now: Self.now) == 0)
        series.exceptions = [.cancel(LocalDate(year: 2027, month: 3, day: 9)!, reason: "Clash")]
        #expect(try database.enqueue(plan(), plannedWindow: window, now: Self.now) == 0)
        #expect(try database.outboxEntries(status: .withdrawn).count == 2)
        #expect(try database.outboxEntries(status: .pending).isEmpty)
    }
}
