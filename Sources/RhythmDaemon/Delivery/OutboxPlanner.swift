import Foundation
import RhythmCore
import RhythmStore

/// Keeps the outbox filled: plans the reminders of the coming `horizon` and the calendar
/// invitations the series' current SEQUENCE numbers call for, and writes them to the outbox,
/// which refuses what it already holds.
///
/// Planning starts where the last run stopped (at most `catchUp` back), so after downtime
/// the reminders that fell due meanwhile are found: the dispatcher sends those still useful
/// and records the rest as skipped. Before that, back to `lookback`, it also takes the
/// reminders that are already due but still useful and were not planned then: an action
/// saved at noon, due tomorrow, still gets the reminder its rule put at 09:00 today.
public struct OutboxPlanner: Sendable {
    /// How far ahead reminders are planned.
    public static let horizon: TimeInterval = 2 * 86_400
    /// How far back a run after downtime looks for missed reminders.
    public static let catchUp: TimeInterval = 30 * 86_400
    /// How far back a run looks for reminders that are due and still useful; longer than any
    /// reminder stays useful after it falls due (the last overdue repetition's seven days).
    public static let lookback: TimeInterval = 8 * 86_400

    public let initiative: Initiative
    public let store: AppDatabase

    public init(initiative: Initiative, store: AppDatabase) {
        self.initiative = initiative
        self.store = store
    }

    /// What one planning run wrote.
    public struct Summary: Hashable, Sendable {
        public var reminders: Int
        public var invitations: Int
    }

    /// Plans and enqueues; `sequences` are the series' feed SEQUENCE numbers as just published.
    @discardableResult
    public func run(sequences: [String: Int], now: Date) throws(StoreError) -> Summary {
        // Everything from where the last run stopped: sent if still useful, else skipped.
        let catchUpStart = max(min(try store.plannedUntil() ?? now, now), now - Self.catchUp)
        let window = DateInterval(start: min(catchUpStart, now - Self.lookback), end: now + Self.horizon)
        let reminders = ReminderPlanner.plan(
            initiative: initiative, window: window, actions: try store.openActions(),
            results: try store.allIndicatorResults(), now: now
        ).filter { $0.due >= catchUpStart || $0.usefulUntil > now }
        let inserted = try store.enqueue(
            reminders.map { reminder in
                OutboxEntry(
                    reminder: reminder,
                    subject: ReminderContent(reminder: reminder, initiative: initiative, now: now).subject)
            },
            plannedWindow: DateInterval(start: catchUpStart, end: window.end), now: now)
        try store.setPlannedUntil(window.end)
        let (invitations, states) = InvitationPlanner.plan(
            initiative: initiative, sequences: sequences, states: try store.invitationStates(), now: now)
        let entries = invitations.map { invitation in
            let payload = InvitationPayload(invitation)
            return OutboxEntry(
                key: invitation.key, channelID: invitation.channelID, recipient: "person:\(invitation.personID)",
                due: invitation.due, usefulUntil: invitation.usefulUntil, payload: payload.json,
                kind: payload.entryKind, subject: payload.subject)
        }
        let invited = try store.enqueueInvitations(entries, states: states, now: now)
        return Summary(reminders: inserted, invitations: invited)
    }
}
