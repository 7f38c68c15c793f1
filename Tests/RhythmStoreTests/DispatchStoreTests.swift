import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// What the dispatcher keeps besides the outbox rows: lanes per channel, withdrawals,
/// disabled channels, the planning horizon and invitation states.
@Suite struct DispatchStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    static let now = Date.reference
    static func minutes(_ count: Double) -> Date { now.addingTimeInterval(count * 60) }

    static func entry(_ key: String, channel: String = "email", due: Date = minutes(10)) -> OutboxEntry {
        OutboxEntry(
            key: key, channelID: channel, recipient: "person:\(key)", due: due, usefulUntil: minutes(24 * 60))
    }

    @Test("each channel's due entries can be claimed on their own, so one lane never waits for another")
    func lanes() throws {
        try database.enqueue(
            [
                Self.entry("a"), Self.entry("b", channel: "slack"),
                Self.entry("c", channel: "slack", due: Self.minutes(90)),
            ],
            plannedWindow: nil, now: Self.now)
        #expect(try database.channelsWithDueEntries(now: Self.minutes(20)) == ["email", "slack"])
        #expect(try database.claimDue(now: Self.minutes(20), limit: 10, channelID: "slack").map(\.key) == ["b"])
        #expect(try database.channelsWithDueEntries(now: Self.minutes(20)) == ["email"])
        #expect(try database.outboxEntry(key: "a")?.status == .pending)
    }

    @Test("a withdrawn entry planned again comes back; a sent one never does")
    func revival() throws {
        let window = DateInterval(start: Self.now, end: Self.minutes(60))
        try database.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: window, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 1)
        try database.recordOutcome(key: "a", outcome: .delivered, now: Self.minutes(11))
        try database.enqueue([], plannedWindow: window, now: Self.minutes(12))
        #expect(try database.outboxEntry(key: "b")?.status == .withdrawn)
        #expect(
            try database.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: window, now: Self.minutes(13)) == 0)
        #expect(try database.outboxEntry(key: "a")?.status == .sent)
        #expect(try database.outboxEntry(key: "b")?.status == .pending)
    }

    @Test("a lazily built plan is read once, entry by entry, and what it lacks in its window is withdrawn")
    func lazyPlan() throws {
        let window = DateInterval(start: Self.now, end: Self.minutes(60))
        try database.enqueue([Self.entry("a"), Self.entry("b"), Self.entry("c")], plannedWindow: window, now: Self.now)
        var built: [String] = []
        let plan = ["a", "c", "d"].lazy.map { key in
            built.append(key)
            return Self.entry(key)
        }
        #expect(try database.enqueue(plan, plannedWindow: window, now: Self.minutes(1)) == 1)
        #expect(built == ["a", "c", "d"])
        #expect(try database.outboxEntry(key: "b")?.status == .withdrawn)
        #expect(
            try ["a", "c", "d"].map { try database.outboxEntry(key: $0)?.status } == [.pending, .pending, .pending])
    }

    @Test("a claim reads its batch off the outbox's index in claim order, with or without a channel, never sorting")
    func claimUsesTheIndex() throws {
        for byChannel in [true, false] {
            let arguments: StatementArguments = [Self.now, Self.now] + (byChannel ? ["email"] : []) + [32]
            let plan: [String] = try database.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.claimSQL(byChannel: byChannel), arguments: arguments
                ).map { $0["detail"] }
            }
            #expect(plan.contains { $0.contains("outbox_entry_on_status_next_key") })
            #expect(!plan.contains { $0.contains("TEMP B-TREE") })
        }
    }

    @Test("invitations are left alone when a reminder plan of the same window lacks them")
    func invitationsKept() throws {
        let window = DateInterval(start: Self.now, end: Self.minutes(60))
        let invitation = Self.entry("imip:request|s|seq0-g0|person:a|email")
        try database.enqueueInvitations([invitation], states: [], now: Self.now)
        try database.enqueue([], plannedWindow: window, now: Self.now)
        #expect(try database.outboxEntry(key: invitation.key)?.status == .pending)
        #expect(try database.outboxEntry(key: invitation.key)?.isInvitation == true)
    }

    @Test("withdrawing a claimed entry records why; a finished one is not touched")
    func withdraw() throws {
        try database.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 2)
        try database.recordOutcome(key: "b", outcome: .delivered, now: Self.minutes(11))
        let withdrawn = try database.withdraw(key: "a", reason: "the meeting was cancelled", now: Self.minutes(11))
        #expect(withdrawn?.status == .withdrawn)
        #expect(withdrawn?.lastReply == "the meeting was cancelled")
        #expect(try database.withdraw(key: "b", reason: "late", now: Self.minutes(12))?.status == .sent)
    }

    @Test("a disabled channel's held entries are released when it is enabled again")
    func disabledChannel() throws {
        try database.enqueue([Self.entry("a", channel: "slack")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 1)
        try database.disableChannel(id: "slack", reason: "410 Gone", now: Self.minutes(10))
        try database.recordOutcome(key: "a", outcome: .configuration(message: "410 Gone"), now: Self.minutes(10))
        #expect(try database.disabledChannels() == ["slack": "410 Gone"])
        #expect(try database.claimDue(now: Self.minutes(30), limit: 1).isEmpty)
        #expect(try database.enableChannel(id: "slack", now: Self.minutes(40)) == 1)
        #expect(try database.disabledChannels().isEmpty)
        #expect(try database.claimDue(now: Self.minutes(40), limit: 1).map(\.key) == ["a"])
    }

    @Test("dead entries can be retried all at once; counts by status add up")
    func retryDead() throws {
        try database.enqueue([Self.entry("a"), Self.entry("b")], plannedWindow: nil, now: Self.now)
        _ = try database.claimDue(now: Self.minutes(10), limit: 2)
        try database.recordOutcome(key: "a", outcome: .permanent(reply: "550 no"), now: Self.minutes(11))
        try database.recordOutcome(key: "b", outcome: .permanent(reply: "550 no"), now: Self.minutes(11))
        #expect(try database.outboxCounts() == [.dead: 2])
        #expect(try database.retryDead(now: Self.minutes(12)) == 2)
        #expect(try database.outboxCounts() == [.pending: 2])
        let entry = try #require(try database.outboxEntry(key: "a"))
        #expect(try database.outboxEntry(messageID: entry.messageID)?.key == "a")
        #expect(try database.outboxEntries(channelID: "slack").isEmpty)
    }

    @Test("the planning horizon and invitation states survive a reopen")
    func persistence() throws {
        #expect(try database.plannedUntil() == nil)
        try database.setPlannedUntil(Self.minutes(60))
        try database.setPlannedUntil(Self.minutes(120))
        let state = InvitationState(
            seriesID: "leadership", personID: "ana", title: "Leadership", feedSequence: 2, generation: 1,
            isInvited: true)
        try database.enqueueInvitations([], states: [state], now: Self.now)
        let reopened = try directory.open()
        #expect(try reopened.plannedUntil() == Self.minutes(120))
        #expect(try reopened.invitationStates() == [state])
    }
}
