import Foundation

/// The time a meeting has against the time its submitted items ask for: what a chair checks
/// before the meeting, and what the agenda, `rhythm agenda list` and the console show.
///
/// Standing items carry no minutes in the configuration, so the budget is the submitted
/// items' alone. An item without minutes counts as none and is named, since the plan is only
/// as good as the items that say how long they need.
public struct AgendaTimeBudget: Hashable, Sendable {
    /// An item that asked for no time.
    public struct UnsizedItem: Hashable, Sendable {
        public var id: Int64
        public var title: String

        public init(id: Int64, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// How long the meeting lasts, in whole minutes.
    public var meetingMinutes: Int
    /// The minutes the items on the agenda ask for, added up.
    public var plannedMinutes: Int
    /// How many items are on the agenda, with or without minutes.
    public var itemCount: Int
    /// The items that give no minutes, in agenda order.
    public var unsizedItems: [UnsizedItem]

    public init(meetingMinutes: Int, plannedMinutes: Int, itemCount: Int, unsizedItems: [UnsizedItem]) {
        self.meetingMinutes = meetingMinutes
        self.plannedMinutes = plannedMinutes
        self.itemCount = itemCount
        self.unsizedItems = unsizedItems
    }

    /// The budget of `occurrence` with the items on its agenda among `items` (items of other
    /// meetings and withdrawn ones are ignored), as the console's pages show it.
    public init(for occurrence: Occurrence, items: [AgendaItem]) {
        let mine = items.filter { $0.isOnAgenda && $0.isFor(occurrence) }.sorted(by: AgendaItem.listedBefore)
        self.init(
            meetingMinutes: occurrence.lengthInMinutes,
            plannedMinutes: mine.reduce(0) { $0 + max($1.minutes ?? 0, 0) },
            itemCount: mine.count,
            unsizedItems: mine.filter { $0.minutes == nil }.map { UnsizedItem(id: $0.id, title: $0.title) })
    }

    /// The meeting's minutes less the planned ones: positive when there is time to spare,
    /// negative when the items need more than the meeting has.
    public var balance: Int { meetingMinutes - plannedMinutes }

    /// Whether the items need more time than the meeting has.
    public var isOverfull: Bool { balance < 0 }

    /// `100 of 90 minutes planned, 10 over. 1 item without minutes: "Placements plan".`
    public var summary: String {
        guard itemCount > 0 else { return "No items yet; the meeting has \(meetingMinutes) minutes." }
        let standing =
            switch balance {
            case 0: "no time to spare"
            case 1...: "\(balance) to spare"
            default: "\(-balance) over"
            }
        var text = "\(plannedMinutes) of \(meetingMinutes) minutes planned, \(standing)."
        if !unsizedItems.isEmpty {
            let titles = unsizedItems.map { "\"\($0.title)\"" }.joined(separator: ", ")
            text += " \(Plural.phrase(unsizedItems.count, "item")) without minutes: \(titles)."
        }
        return text
    }
}

extension AgendaItem {
    /// Whether the item is for `occurrence`: same series, stored under its original date.
    public func isFor(_ occurrence: Occurrence) -> Bool {
        seriesID == occurrence.series.id && occurrenceDate == occurrence.originalStart.date
    }
}

extension Occurrence {
    /// How long the meeting lasts, in whole minutes.
    public var lengthInMinutes: Int { Int(end.timeIntervalSince(start) / 60) }
}
