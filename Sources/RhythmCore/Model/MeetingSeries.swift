import Foundation

/// A recurring meeting: the leadership table on the second Tuesday of each month, a
/// fortnightly working-group check-in, a weekly stand-up.
public struct MeetingSeries: Hashable, Sendable, Identifiable {
    /// What kind of meeting this is; feeds carry it as a category and agendas use it to
    /// decide, for example, whether a scorecard belongs on the agenda.
    public enum Kind: Hashable, Sendable {
        case leadership
        case workingGroup
        case indicatorReview
        case communityForum
        case team
        case other(String)

        /// The built-in kinds, for suggestions.
        public static let named: [Kind] = [.leadership, .workingGroup, .indicatorReview, .communityForum, .team]

        /// The configuration spelling, such as `indicator-review`.
        public var name: String {
            switch self {
            case .leadership: "leadership"
            case .workingGroup: "working-group"
            case .indicatorReview: "indicator-review"
            case .communityForum: "community-forum"
            case .team: "team"
            case .other(let name): name
            }
        }

        /// Reads the configuration spelling; anything not built in becomes `.other`.
        public init(name: String) {
            self = Kind.named.first { $0.name == name } ?? .other(name)
        }
    }

    /// What happens to an occurrence that falls on a holiday or in a shutdown period.
    public enum HolidayPolicy: String, CaseIterable, Hashable, Sendable {
        /// The occurrence does not take place.
        case skip
        /// The occurrence moves to the next business day (Monday to Friday, not a holiday),
        /// at the same local time.
        case nextBusinessDay = "next-business-day"
        /// Holidays do not affect this series.
        case ignore
    }

    public let id: String
    public var title: String
    public var kind: Kind
    public var description: String?
    /// The local date and time of the first meeting (DTSTART).
    public var start: LocalDateTime
    /// How long each meeting lasts.
    public var duration: Duration
    /// The zone the meeting's wall-clock time is kept in.
    public var timeZone: TimeZone
    public var location: String?
    public var onlineMeetingURL: URL?
    /// The person who runs the meeting.
    public var organizerID: String?
    public var attendees: Attendees
    /// The RRULE; nil for a meeting that happens once (plus any extra dates).
    public var recurrence: RecurrenceRule?
    /// Extra occurrences outside the rule (RDATE), as local date-times.
    public var extraDates: [LocalDateTime]
    /// Changes to single occurrences: skipped, cancelled or moved.
    public var exceptions: [SeriesException]
    public var holidayPolicy: HolidayPolicy
    /// The items every agenda of the series starts with ("Welcome and apologies", ...).
    public var standingItems: [String]
    /// How many must confirm, and when to check; nil when the series has no quorum.
    public var quorum: Quorum?

    public init(
        id: String,
        title: String,
        kind: Kind,
        description: String? = nil,
        start: LocalDateTime,
        duration: Duration,
        timeZone: TimeZone,
        location: String? = nil,
        onlineMeetingURL: URL? = nil,
        organizerID: String? = nil,
        attendees: Attendees = Attendees(),
        recurrence: RecurrenceRule? = nil,
        extraDates: [LocalDateTime] = [],
        exceptions: [SeriesException] = [],
        holidayPolicy: HolidayPolicy = .skip,
        standingItems: [String] = [],
        quorum: Quorum? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.description = description
        self.start = start
        self.duration = duration
        self.timeZone = timeZone
        self.location = location
        self.onlineMeetingURL = onlineMeetingURL
        self.organizerID = organizerID
        self.attendees = attendees
        self.recurrence = recurrence
        self.extraDates = extraDates
        self.exceptions = exceptions
        self.holidayPolicy = holidayPolicy
        self.standingItems = standingItems
        self.quorum = quorum
    }
}

/// Who is invited to a series: whole groups, whole partners and individual people.
public struct Attendees: Hashable, Sendable {
    public var groupIDs: [String]
    public var partnerIDs: [String]
    public var personIDs: [String]

    public init(groupIDs: [String] = [], partnerIDs: [String] = [], personIDs: [String] = []) {
        self.groupIDs = groupIDs
        self.partnerIDs = partnerIDs
        self.personIDs = personIDs
    }
}
