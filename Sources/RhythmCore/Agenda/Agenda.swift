import Foundation

/// Everything that belongs on the agenda of one meeting, gathered from the configuration and
/// the live data (actions, submitted items, indicator results) and ready to render.
///
/// A plain value with no formatting decisions: renderers turn it into Markdown, HTML or
/// text, so the same agenda reads the same in an e-mail, a calendar entry and a terminal.
public struct Agenda: Hashable, Sendable {
    /// When, where and with whom.
    public var header: AgendaHeader
    /// The items every meeting of the series opens with.
    public var standingItems: [String]
    /// What people submitted for this meeting, in agenda order (their positions), each with
    /// its running start time.
    public var items: [AgendaEntry]
    /// The minutes the submitted items asked for, added up.
    public var scheduledMinutes: Int
    /// How long the meeting lasts, in whole minutes.
    public var meetingMinutes: Int
    /// The open actions the meeting should look at: overdue ones first, then by owner.
    public var actions: ActionsToReview
    /// For an indicator review: each indicator it looks at. Nil for other meetings.
    public var scorecard: [IndicatorStanding]?

    public init(
        header: AgendaHeader,
        standingItems: [String],
        items: [AgendaEntry],
        scheduledMinutes: Int,
        meetingMinutes: Int,
        actions: ActionsToReview,
        scorecard: [IndicatorStanding]?
    ) {
        self.header = header
        self.standingItems = standingItems
        self.items = items
        self.scheduledMinutes = scheduledMinutes
        self.meetingMinutes = meetingMinutes
        self.actions = actions
        self.scorecard = scorecard
    }

    /// Whether the submitted items need more time than the meeting has: the chair then
    /// has to defer something, and the agenda says so.
    public var isOverfull: Bool { scheduledMinutes > meetingMinutes }

    /// The meeting's time against the items' minutes, naming the items that give none.
    public var budget: AgendaTimeBudget {
        AgendaTimeBudget(
            meetingMinutes: meetingMinutes, plannedMinutes: scheduledMinutes, itemCount: items.count,
            unsizedItems: items.filter { $0.minutes == nil }.map { .init(id: $0.id, title: $0.title) })
    }

    /// Whether there is nothing on the agenda beyond the standing items.
    public var isEmpty: Bool { items.isEmpty && actions.isEmpty && (scorecard ?? []).isEmpty }
}
