import Foundation
import RhythmCore

/// The meetings of every series from two weeks ago to eight weeks ahead, in time order, each
/// with the live change behind it, if any: the console's list of meetings as data.
public struct MeetingList: Sendable {
    /// One meeting and where its status comes from.
    public struct Entry: Sendable {
        /// The meeting as the layered schedule has it (cancelled ones included).
        public let occurrence: Occurrence
        /// The live change that made it cancelled, moved or extra; nil when the configuration
        /// file alone gives its status.
        public let liveChange: LiveChange?

        /// The meeting's page.
        public var path: String { ConsolePaths.meeting(occurrence) }
    }

    /// How many days back the list starts.
    public static let daysBack = 14
    /// How many weeks ahead it reaches.
    public static let weeksAhead = 8

    /// Today in the initiative's zone.
    public let today: LocalDate
    /// Meetings that started before `now`, oldest first.
    public let past: [Entry]
    /// Meetings that start at or after `now`, soonest first.
    public let coming: [Entry]

    /// The list at `now` of the file's initiative with the live changes laid over it
    /// (`layering`); days are those of the initiative's zone.
    public init(layering: LiveLayering, now: Date) {
        let initiative = layering.initiative
        let zone = initiative.timeZone
        today = zone.wallClock(at: now).date
        let midnight = { (date: LocalDate) in zone.instant(for: LocalDateTime(date: date, time: .midnight)) }
        let window = DateInterval(
            start: midnight(today.adding(days: -Self.daysBack)),
            end: midnight(today.adding(days: 7 * Self.weeksAhead + 1)))
        let entries = Schedule(initiative: initiative).occurrences(in: window).map {
            Entry(occurrence: $0, liveChange: layering.liveChange(for: $0))
        }
        past = entries.filter { $0.occurrence.start < now }
        coming = entries.filter { $0.occurrence.start >= now }
    }
}
