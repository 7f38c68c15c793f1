import Foundation

/// One meeting of a series: when and where it happens, and whether it was changed.
///
/// The series is shared by reference between its occurrences: a schedule of thousands of
/// meetings holds each series once, and copying or sorting occurrences moves one pointer
/// instead of the whole series with its lists of attendees, exceptions and standing items.
public struct Occurrence: Hashable, Sendable {
    /// What became of the occurrence the rule produced.
    public enum Status: Hashable, Sendable {
        /// Happens as the rule says.
        case scheduled
        /// Happens at another time or place; `from` is the local start the rule gave.
        case moved(from: LocalDateTime, reason: String?)
        /// Does not happen, and people should see that it was cancelled.
        case cancelled(reason: String?)
        /// Does not happen and is left out: a skip exception or a holiday.
        case skipped(reason: String?)

        /// A one-word label for lists: `scheduled`, `moved`, `cancelled` or `skipped`.
        public var label: String {
            switch self {
            case .scheduled: "scheduled"
            case .moved: "moved"
            case .cancelled: "cancelled"
            case .skipped: "skipped"
            }
        }

        /// Whether the occurrence is left out altogether.
        public var isSkipped: Bool {
            if case .skipped = self { return true }
            return false
        }

        /// Why the occurrence differs from the rule, when it does and someone said why.
        public var reason: String? {
            switch self {
            case .scheduled: nil
            case .moved(_, let reason), .cancelled(let reason), .skipped(let reason): reason
            }
        }
    }

    /// The series the occurrence belongs to.
    @inlinable public var series: MeetingSeries { seriesReference.series }
    @usableFromInline let seriesReference: SeriesReference
    /// The local start the rule produced; it identifies the occurrence (RECURRENCE-ID) even
    /// when the meeting is moved.
    public let originalStart: LocalDateTime
    /// The wall-clock start in the series' zone, after any move and any DST gap shift.
    public let localStart: LocalDateTime
    /// The instant the meeting starts.
    public let start: Date
    /// The instant the meeting ends.
    public let end: Date
    public let location: String?
    public let onlineMeetingURL: URL?
    public let status: Status

    public init(
        series: MeetingSeries,
        originalStart: LocalDateTime,
        localStart: LocalDateTime,
        start: Date,
        end: Date,
        location: String?,
        onlineMeetingURL: URL?,
        status: Status
    ) {
        self.init(
            series: SeriesReference(series), originalStart: originalStart, localStart: localStart, start: start,
            end: end, location: location, onlineMeetingURL: onlineMeetingURL, status: status)
    }

    /// An occurrence of the series `series` refers to, sharing it with its siblings.
    init(
        series: SeriesReference,
        originalStart: LocalDateTime,
        localStart: LocalDateTime,
        start: Date,
        end: Date,
        location: String?,
        onlineMeetingURL: URL?,
        status: Status
    ) {
        self.seriesReference = series
        self.originalStart = originalStart
        self.localStart = localStart
        self.start = start
        self.end = end
        self.location = location
        self.onlineMeetingURL = onlineMeetingURL
        self.status = status
    }

    /// The zone the meeting's wall-clock times are read in.
    @inlinable public var timeZone: TimeZone { seriesReference.series.timeZone }

    /// Names the series value the occurrence shares with its siblings from the same expansion:
    /// a caller writing thousands of occurrences prepares each series' text once under it.
    /// Equal for occurrences that share the value, and unique among live values.
    @inlinable public var seriesIdentity: ObjectIdentifier { ObjectIdentifier(seriesReference) }
}

/// A series held once and shared by the occurrences expanded from it. Two references are
/// equal when their series are, so occurrences compare and hash as if they held the value.
@usableFromInline
final class SeriesReference: Hashable, Sendable {
    @usableFromInline let series: MeetingSeries

    init(_ series: MeetingSeries) {
        self.series = series
    }

    @usableFromInline
    static func == (lhs: SeriesReference, rhs: SeriesReference) -> Bool {
        lhs === rhs || lhs.series == rhs.series
    }

    @usableFromInline
    func hash(into hasher: inout Hasher) {
        hasher.combine(series)
    }
}
