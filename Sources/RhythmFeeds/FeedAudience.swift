import RhythmCore

/// Who a feed is for, which decides what it holds.
///
/// The public feed shows titles, times and places of every series and nothing about
/// people; a private feed shows only the series its subject attends, with full details.
public enum FeedAudience: Hashable, Sendable {
    case everyone
    case partner(String)
    case person(String)
    case group(String)

    /// Whether the feed may show people, online-meeting links and the reasons for changes.
    public var isPrivate: Bool { self != .everyone }

    /// The series this audience sees, in configuration order.
    public func series(in initiative: Initiative) -> [MeetingSeries] {
        switch self {
        case .everyone:
            initiative.series
        case .partner(let id):
            initiative.series.filter { initiative.isAttending(partnerID: id, series: $0) }
        case .person(let id):
            initiative.series.filter { initiative.isAttending(personID: id, series: $0) }
        case .group(let id):
            initiative.series.filter { initiative.isAttending(groupID: id, series: $0) }
        }
    }

    /// The calendar's name as clients show it in their list of calendars.
    public func calendarName(in initiative: Initiative) -> String {
        let subject: String? =
            switch self {
            case .everyone: nil
            case .partner(let id): initiative.partners.first { $0.id == id }?.name
            case .person(let id): initiative.people.first { $0.id == id }?.name
            case .group(let id): initiative.groups.first { $0.id == id }?.name
            }
        return subject.map { "\(initiative.name): \($0)" } ?? initiative.name
    }

    /// Whether the subject still exists in `initiative` (a feed for a removed partner is gone).
    public func exists(in initiative: Initiative) -> Bool {
        switch self {
        case .everyone: true
        case .partner(let id): initiative.partners.contains { $0.id == id }
        case .person(let id): initiative.people.contains { $0.id == id }
        case .group(let id): initiative.groups.contains { $0.id == id }
        }
    }
}
