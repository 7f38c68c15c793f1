import ArgumentParser
import Foundation
import RhythmCore

/// What `rhythm upcoming` was asked for, checked against the initiative: the window of
/// instants and the series in it.
struct UpcomingQuery {
    let window: DateInterval
    let series: [MeetingSeries]
    /// The person whose zone the times are also shown in, when one was named.
    let person: Person?

    init(
        initiative: Initiative,
        from: LocalDate?,
        until: LocalDate?,
        days: Int?,
        seriesIDs: [String],
        partnerID: String?,
        groupID: String?,
        personID: String?,
        now: Date
    ) throws {
        let zone = initiative.timeZone
        let start = from.map { zone.instant(for: LocalDateTime(date: $0, time: .midnight)) } ?? now
        let end: Date
        if let until {
            end = zone.instant(for: LocalDateTime(date: until.adding(days: 1), time: .midnight))
        } else {
            let startDay = zone.wallClock(at: start)
            end = zone.instant(for: startDay.adding(seconds: (days ?? 28) * 86_400))
        }
        guard start < end else {
            throw ValidationError("--until (\(until.map(\.description) ?? "")) is before the window's start.")
        }
        window = DateInterval(start: start, end: end)

        for id in seriesIDs where !initiative.series.contains(where: { $0.id == id }) {
            throw ValidationError(Self.unknown("series", id, among: initiative.series.map(\.id)))
        }
        if let partnerID, !initiative.partners.contains(where: { $0.id == partnerID }) {
            throw ValidationError(Self.unknown("partner", partnerID, among: initiative.partners.map(\.id)))
        }
        if let groupID, !initiative.groups.contains(where: { $0.id == groupID }) {
            throw ValidationError(Self.unknown("group", groupID, among: initiative.groups.map(\.id)))
        }
        person = try personID.map { id in
            guard let person = initiative.people.first(where: { $0.id == id }) else {
                throw ValidationError(Self.unknown("person", id, among: initiative.people.map(\.id)))
            }
            return person
        }
        series = initiative.series.filter { series in
            (seriesIDs.isEmpty || seriesIDs.contains(series.id))
                && (partnerID.map { initiative.isAttending(partnerID: $0, series: series) } ?? true)
                && (groupID.map { initiative.isAttending(groupID: $0, series: series) } ?? true)
                && (personID.map { initiative.isAttending(personID: $0, series: series) } ?? true)
        }
    }

    /// "No series \"x\"; did you mean \"y\"?" or the list of valid ids.
    static func unknown(_ kind: String, _ id: String, among ids: [String]) -> String {
        if let suggestion = Suggestion.closest(to: id, in: ids) {
            return "There is no \(kind) \"\(id)\"; did you mean \"\(suggestion)\"?"
        }
        return "There is no \(kind) \"\(id)\". Known: \(ids.joined(separator: ", "))."
    }
}
