import Foundation

/// A change to one occurrence of a series, named by the local date it was due on.
public enum SeriesException: Hashable, Sendable {
    /// The occurrence does not happen and is simply left out (EXDATE).
    case skip(LocalDate, reason: String?)
    /// The occurrence still shows, marked cancelled, with the reason people will read.
    case cancel(LocalDate, reason: String?)
    /// The occurrence happens at another time and/or place.
    case move(LocalDate, OccurrenceChange)

    /// The local date of the occurrence the exception changes.
    public var originalDate: LocalDate {
        switch self {
        case .skip(let date, _), .cancel(let date, _): date
        case .move(let date, _): date
        }
    }
}

/// Where and when a moved occurrence happens instead; nil fields keep the series' value.
public struct OccurrenceChange: Hashable, Sendable {
    public var start: LocalDateTime?
    public var location: String?
    public var onlineMeetingURL: URL?
    public var reason: String?

    public init(
        start: LocalDateTime? = nil,
        location: String? = nil,
        onlineMeetingURL: URL? = nil,
        reason: String? = nil
    ) {
        self.start = start
        self.location = location
        self.onlineMeetingURL = onlineMeetingURL
        self.reason = reason
    }
}
