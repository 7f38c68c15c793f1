import Foundation
import ICalendar
import RhythmCore

/// Turns the initiative into the iCalendar feeds partners subscribe to.
///
/// Pure: the same initiative, revisions and year give the same bytes, so that an unchanged
/// feed keeps its ETag and polling clients get 304s. One builder serves every audience; it
/// works out each series' exceptions once, when it is created.
public struct FeedBuilder: Sendable {
    /// PRODID: who made the calendar, as RFC 5545 asks.
    public static let productID = "-//Rhythm//Rhythm calendar feeds//EN"

    public let initiative: Initiative
    public let settings: FeedSettings
    /// Each series as iCalendar expresses it, in configuration order; invitations reuse them.
    let plans: [SeriesCalendarPlan]

    public init(initiative: Initiative, settings: FeedSettings) {
        self.initiative = initiative
        self.settings = settings
        let schedule = Schedule(initiative: initiative)
        plans = initiative.series.map {
            SeriesCalendarPlan(series: $0, schedule: schedule, cancelled: settings.cancelledOccurrences)
        }
    }

    /// Each series' fingerprint, by series id; store it to know when to raise SEQUENCE.
    public func fingerprints() -> [String: String] {
        Dictionary(uniqueKeysWithValues: plans.map { ($0.series.id, SeriesFingerprint.of($0)) })
    }

    /// The feed for `audience`. A series missing from `revisions` is written as new at `now`.
    /// `notes` (by series id) add text, such as the agenda, to one occurrence of a series.
    ///
    /// `now` only decides how far ahead the time-zone definitions reach (to the start of
    /// the third year from now), so the output changes at most once a year on its own.
    public func calendar(
        for audience: FeedAudience, revisions: [String: FeedRevision], now: Date,
        notes: [String: OccurrenceNote] = [:]
    ) -> Component {
        let visible = Set(audience.series(in: initiative).map(\.id))
        let included = plans.filter { visible.contains($0.series.id) }
        let writer = EventWriter(initiative: initiative, audience: audience)
        var events: [Component] = []
        for plan in included {
            let revision = revisions[plan.series.id] ?? FeedRevision(sequence: 0, created: now, lastModified: now)
            events.append(writer.master(plan, revision: revision))
            let note = notes[plan.series.id]
            var overrides = plan.overrides
            if let note, note.occurrence.series.id == plan.series.id,
                !overrides.contains(where: { $0.originalStart == note.occurrence.originalStart })
            {
                overrides.append(note.occurrence)
                overrides.sort { $0.originalStart < $1.originalStart }
            }
            events.append(
                contentsOf: overrides.map { occurrence in
                    let matching = note?.occurrence.originalStart == occurrence.originalStart ? note : nil
                    return writer.override(occurrence, revision: revision, note: matching)
                })
        }
        return Component(
            Component.Name.calendar,
            properties: calendarProperties(name: audience.calendarName(in: initiative)),
            components: timeZones(for: included, now: now) + events
        )
    }

    /// The properties every calendar Rhythm writes starts with; `method` is PUBLISH for feeds
    /// and REQUEST or CANCEL for invitations (iTIP, RFC 5546).
    static func headerProperties(method: String) -> [Property] {
        [
            Property("VERSION", value: "2.0"),
            Property.text("PRODID", productID),
            Property("CALSCALE", value: "GREGORIAN"),
            Property("METHOD", value: method),
        ]
    }

    private func calendarProperties(name: String) -> [Property] {
        let refresh = DurationValue(seconds: Int(settings.refreshInterval.components.seconds))
        return Self.headerProperties(method: "PUBLISH") + [
            Property.text("NAME", name),
            Property.text("X-WR-CALNAME", name),
            Property.text("X-WR-TIMEZONE", initiative.timeZone.identifier),
            Property.duration("REFRESH-INTERVAL", refresh, parameters: [Parameter("VALUE", "DURATION")]),
            Property.duration("X-PUBLISHED-TTL", refresh),
        ]
    }

    /// One VTIMEZONE per zone the events use, covering the years from the earliest meeting.
    func timeZones(for plans: [SeriesCalendarPlan], now: Date) -> [Component] {
        var zones: [TimeZone] = []
        for plan in plans where !zones.contains(where: { $0.identifier == plan.series.timeZone.identifier }) {
            zones.append(plan.series.timeZone)
        }
        let firstYear = plans.map(\.series.start.date.year).min() ?? 1970
        let lastYear = TimeZone.gmt.wallClock(at: now).date.year + 3
        let spanStart = TimeZone.gmt.instant(for: LocalDateTime(year: firstYear - 1, month: 1, day: 1)!)
        let spanEnd = TimeZone.gmt.instant(for: LocalDateTime(year: lastYear, month: 1, day: 1)!)
        return zones.map { VTimeZoneBuilder(timeZone: $0).component(from: spanStart, to: spanEnd) }
    }
}
