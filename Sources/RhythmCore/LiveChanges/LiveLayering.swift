import Foundation

/// The configuration file's initiative with the live changes laid over it: cancellations
/// and moves become exceptions, extra meetings extra dates (RDATE), so that every part of
/// Rhythm that reads an `Initiative` (feeds, invitations, reminders, agendas) sees them
/// without knowing they came from the database.
///
/// The file wins: a live change for an occurrence the file itself changes (an exception
/// for the same date, or the extra meeting written in `extra_dates`) is not applied but
/// reported as superseded, so the coordinator who pasted `rhythm changes export` into the
/// file sees the live changes retire themselves.
public struct LiveLayering: Sendable {
    /// The file's initiative with the applied changes in it.
    public let initiative: Initiative
    /// The live changes in force in `initiative`, in the order given.
    public let applied: [LiveChange]
    /// Live changes the file now makes itself.
    public let superseded: [LiveChange]
    /// Live changes whose series is no longer in the file, or whose occurrence the file's
    /// rule no longer produces: kept in the store, applied to nothing.
    public let orphaned: [LiveChange]

    /// Lays the current ones of `changes` over `file`; ended changes are history and ignored.
    public init(file: Initiative, changes: [LiveChange]) {
        var initiative = file
        var applied: [LiveChange] = []
        var superseded: [LiveChange] = []
        var orphaned: [LiveChange] = []
        let schedule = Schedule(initiative: file)
        for change in changes where change.isCurrent {
            guard let index = initiative.series.firstIndex(where: { $0.id == change.seriesID }) else {
                orphaned.append(change)
                continue
            }
            let fileSeries = file.series[index]
            switch Self.fate(of: change, in: fileSeries, schedule: schedule) {
            case .superseded: superseded.append(change)
            case .orphaned: orphaned.append(change)
            case .applies:
                Self.apply(change.kind, to: &initiative.series[index])
                applied.append(change)
            }
        }
        self.initiative = initiative
        self.applied = applied
        self.superseded = superseded
        self.orphaned = orphaned
    }

    /// The initiative unchanged: what a command without a database, or a store with no live
    /// changes, runs on.
    public init(unchanged initiative: Initiative) {
        self.initiative = initiative
        self.applied = []
        self.superseded = []
        self.orphaned = []
    }

    /// The applied live change behind an occurrence of the layered initiative, if any.
    public func liveChange(for occurrence: Occurrence) -> LiveChange? {
        applied.first { change in
            guard change.seriesID == occurrence.series.id else { return false }
            switch change.kind {
            case .cancel(let date, _), .move(let date, _): return occurrence.originalStart.date == date
            case .extra(let start, _, _): return occurrence.originalStart == start
            }
        }
    }

    /// Where a live change stands; the raw value is the word the API and `rhythm changes
    /// list --format json` use.
    public enum Standing: String, Sendable {
        /// Laid over the file.
        case inForce = "in-force"
        /// The file now changes the same meeting itself.
        case superseded
        /// Its series or meeting is no longer in the file.
        case orphaned
        /// Ended: kept as history only.
        case restored
    }

    /// Where `change` stands in this layering.
    public func standing(of change: LiveChange) -> Standing {
        if !change.isCurrent { return .restored }
        if superseded.contains(change) { return .superseded }
        return orphaned.contains(change) ? .orphaned : .inForce
    }

    private enum Fate {
        case applies, superseded, orphaned
    }

    private static func fate(of change: LiveChange, in series: MeetingSeries, schedule: Schedule) -> Fate {
        let fileChangesDate = series.exceptions.contains { $0.originalDate == change.kind.date }
        switch change.kind {
        case .cancel(let date, _), .move(let date, _):
            if fileChangesDate { return .superseded }
            let occurrence = schedule.occurrence(of: series, originalDate: date, includingSkipped: true)
            return occurrence == nil ? .orphaned : .applies
        case .extra(let start, _, _):
            return series.extraDates.contains(start) || fileChangesDate ? .superseded : .applies
        }
    }

    private static func apply(_ kind: LiveChange.Kind, to series: inout MeetingSeries) {
        switch kind {
        case .cancel(let date, let reason):
            series.exceptions.append(.cancel(date, reason: reason))
        case .move(let date, let change):
            series.exceptions.append(.move(date, change))
        case .extra(let start, let location, _):
            series.extraDates.append(start)
            series.extraDates.sort()
            // An exception names a date; validation keeps every other meeting off this one's.
            if let location {
                series.exceptions.append(.move(start.date, OccurrenceChange(location: location)))
            }
        }
    }
}
