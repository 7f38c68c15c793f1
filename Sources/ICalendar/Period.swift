import Foundation

/// A PERIOD value (RFC 5545 §3.3.9): a UTC start with either an end or a duration.
///
/// Periods appear in FREEBUSY, where RFC 5545 requires UTC, and in `RDATE;VALUE=PERIOD`;
/// keeping them UTC-only means a period never needs a TZID to be understood.
public struct Period: Hashable, Sendable {
    /// How the period ends.
    public enum End: Hashable, Sendable {
        /// An explicit end instant, written `20270406T000000Z/20270406T010000Z`.
        case at(Date)
        /// A length after the start, written `20270406T000000Z/PT1H`.
        case after(DurationValue)
    }

    /// The first instant of the period.
    public let start: Date
    /// The end instant or the length.
    public let end: End

    /// Creates a period from a start and an end or length.
    public init(start: Date, end: End) {
        self.start = start
        self.end = end
    }

    /// The text `start/end` or `start/duration`.
    public var rfc5545Text: String {
        let tail: String
        switch end {
        case .at(let date): tail = DateTime.utc(date).rfc5545Text
        case .after(let duration): tail = duration.rfc5545Text
        }
        return DateTime.utc(start).rfc5545Text + "/" + tail
    }
}
