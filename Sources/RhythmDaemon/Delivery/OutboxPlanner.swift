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

    /// What one planning run would write, worked out without writing: `run` enqueues it, and
    /// `rhythm simulate` shows it, so the two cannot disagree.
    public struct Plan: Sendable {
        /// The reminders to enqueue: those still useful from the look-back, those that fell
        /// due since the last run (which the dispatcher records as skipped when no longer
        /// useful), and the coming `horizon`'s.
        public var reminders: [Reminder]
        /// The calendar invitations and cancellations the series' SEQUENCE numbers call for.
        public var invitations: [PlannedInvitation]
        /// The invitation states to keep once the invitations are enqueued.
        var invitationStates: [InvitationState]
        /// The window the reminders were planned for, from where the last run stopped.
        var plannedWindow: DateInterval
    }

    /// Works out what `run` would enqueue; reads the store and writes nothing.
    public func plan(sequences: [String: Int], now: Date) throws(StoreError) -> Plan {
        // Everything from where the last run stopped: sent if still useful, else skipped.
        let catchUpStart = max(min(try store.plannedUntil() ?? now, now), now - Self.catchUp)
        let window = DateInterval(start: min(catchUpStart, now - Self.lookback), end: now + Self.horizon)
        var reminders = try ReminderPlanner.plan(initiative: initiative, window: window, store: store, now: now)
        reminders.removeAll { $0.due < catchUpStart && $0.usefulUntil <= now }
        let (invitations, states) = InvitationPlanner.plan(
            initiative: initiative, sequences: sequences, states: try store.invitationStates(), now: now)
        return Plan(
            reminders: reminders, invitations: invitations, invitationStates: states,
            plannedWindow: DateInterval(start: catchUpStart, end: window.end))
    }

    /// Plans and enqueues; `sequences` are the series' feed SEQUENCE numbers as just published.
    @discardableResult
    public func run(sequences: [String: Int], now: Date) throws(StoreError) -> Summary {
        let plan = try plan(sequences: sequences, now: now)
        // Mapped lazily: each entry is built as it is written, never all of them at once.
        let inserted = try store.enqueue(
            plan.reminders.lazy.map { reminder in
                OutboxEntry(
                    reminder: reminder,
                    subject: ReminderContent(reminder: reminder, initiative: initiative, now: now).subject)
            },
            plannedWindow: plan.plannedWindow, now: now)
        try store.setPlannedUntil(plan.plannedWindow.end)
        let entries = plan.invitations.map(OutboxEntry.init(invitation:))
        let invited = try store.enqueueInvitations(entries, states: plan.invitationStates, now: now)
        return Summary(reminders: inserted, invitations: invited)
    }
}

extension OutboxEntry {
    /// The outbox entry of a planned invitation, its payload saying what to compose.
    init(invitation: PlannedInvitation) {
        let payload = InvitationPayload(invitation)
        self.init(
            key: invitation.key, channelID: invitation.channelID, recipient: "person:\(invitation.personID)",
            due: invitation.due, usefulUntil: invitation.usefulUntil, payload: payload.json, kind: payload.entryKind,
            subject: payload.subject)
    }
}
