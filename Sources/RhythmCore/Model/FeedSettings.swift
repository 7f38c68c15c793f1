/// How calendar feeds present the schedule to calendar clients.
public struct FeedSettings: Hashable, Sendable {
    /// What a feed does with a single cancelled occurrence.
    public enum CancelledOccurrences: String, CaseIterable, Hashable, Sendable {
        /// Keep it, marked STATUS:CANCELLED and titled "Cancelled: …" with the reason, so
        /// people see that it is off rather than wondering where it went. Google Calendar
        /// hides cancelled events whatever the title says, which is still correct.
        case show
        /// Leave it out of the feed as if it were skipped (EXDATE).
        case hide
    }

    /// How often clients should poll (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    public var refreshInterval: Duration
    public var cancelledOccurrences: CancelledOccurrences

    public init(refreshInterval: Duration = .seconds(3600), cancelledOccurrences: CancelledOccurrences = .show) {
        self.refreshInterval = refreshInterval
        self.cancelledOccurrences = cancelledOccurrences
    }
}
