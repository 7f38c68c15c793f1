import Foundation
import RhythmCore

/// `series:`, the recurring meetings.
extension ConfigurationDecoder {
    static let seriesKeys = [
        "id", "title", "kind", "description", "start", "duration", "time_zone", "location", "online_url", "organizer",
        "attendees", "rule", "extra_dates", "on_holiday", "exceptions", "standing_items", "quorum",
    ]

    func decodeSeries(_ value: ConfigValue, defaultZone: TimeZone) -> MeetingSeries? {
        guard let fields = fields(of: value, allowed: Self.seriesKeys) else { return nil }
        let id = identifier(fields, kind: .series)
        let title = fields.required("title").flatMap(text)
        let kind = fields.required("kind", "such as leadership, working-group or indicator-review").flatMap {
            openChoice($0, builtIn: MeetingSeries.Kind.named.map(\.name), noun: "series kind")
        }
        let description = fields.optional("description").map(text)
        let start = fields.required("start", "the local date and time of the first meeting, like 2027-02-09T10:00")
            .flatMap(seriesStart)
        let duration = fields.required("duration", "how long each meeting lasts, like 90m").flatMap(duration)
        let zone = fields.optional("time_zone").map(timeZone)
        let location = fields.optional("location").map(text)
        let onlineURL = fields.optional("online_url").map(webAddress)
        let organizer = fields.optional("organizer").map { reference($0, to: .person) }
        let attendees = fields.optional("attendees").map(attendees)
        let rule = fields.optional("rule").map(recurrenceRule)
        let extraDates = fields.optional("extra_dates").map(extraDates)
        let policy = fields.optional("on_holiday").map { choice($0, MeetingSeries.HolidayPolicy.self) }
        let standingItems = fields.optional("standing_items").map(standingItems)
        let quorum = fields.optional("quorum").map(quorum)
        let optionals: [Bool] = [
            description == .some(nil), zone == .some(nil), location == .some(nil), onlineURL == .some(nil),
            organizer == .some(nil), attendees == .some(nil), rule == .some(nil), extraDates == .some(nil),
            policy == .some(nil), standingItems == .some(nil), quorum == .some(nil),
        ]
        guard let start, !optionals.contains(true) else {
            if let exceptions = fields.optional("exceptions") { _ = self.exceptions(exceptions, occurrences: nil) }
            return nil
        }
        let timeZone = (zone ?? nil) ?? defaultZone
        warnAboutClockChanges(in: fields, zone: timeZone)
        // An extra date the clocks skip is held at the time they show instead, and written so in feeds.
        let occurrences = SeriesOccurrences(
            start: start, zone: timeZone, rule: rule??.rule,
            extraDates: ((extraDates ?? nil) ?? []).map(timeZone.existingReading))
        if let ruleValue = fields.optional("rule"), let parsed = rule ?? nil {
            checkRule(parsed, of: occurrences, at: ruleValue)
        }
        let exceptions = fields.optional("exceptions").map { self.exceptions($0, occurrences: occurrences) }
        let invited = (attendees ?? nil) ?? Attendees()
        if invited.groupIDs.isEmpty, invited.partnerIDs.isEmpty, invited.personIDs.isEmpty {
            log.warning(
                "the series has no attendees, so only its organiser sees it; add attendees: groups: [...], partners: [...] or people: [...]",
                at: fields.keyMark("attendees") ?? value.mark, path: value.path.appending("attendees"))
        }
        guard let id, let title, let kind, let duration, exceptions != .some(nil) else { return nil }
        return MeetingSeries(
            id: id, title: title, kind: MeetingSeries.Kind(name: kind), description: description ?? nil,
            start: start, duration: duration, timeZone: timeZone, location: location ?? nil,
            onlineMeetingURL: onlineURL ?? nil, organizerID: organizer ?? nil, attendees: invited,
            recurrence: rule??.rule, extraDates: occurrences.extraDates, exceptions: (exceptions ?? nil) ?? [],
            holidayPolicy: (policy ?? nil) ?? .skip, standingItems: (standingItems ?? nil) ?? [],
            quorum: quorum ?? nil
        )
    }

    /// The items every agenda of the series opens with, as a list of short texts.
    private func standingItems(_ value: ConfigValue) -> [String]? {
        guard let items = list(value, of: "agenda items (short texts)") else { return nil }
        let texts = items.map(text)
        return texts.contains(nil) ? nil : texts.compactMap { $0 }
    }

    private func attendees(_ value: ConfigValue) -> Attendees? {
        guard let fields = fields(of: value, allowed: ["groups", "partners", "people"]) else { return nil }
        return Attendees(
            groupIDs: fields.optional("groups").map { references($0, to: .group) } ?? [],
            partnerIDs: fields.optional("partners").map { references($0, to: .partner) } ?? [],
            personIDs: fields.optional("people").map { references($0, to: .person) } ?? []
        )
    }

    private func extraDates(_ value: ConfigValue) -> [LocalDateTime]? {
        guard let items = list(value, of: "local date-times") else { return nil }
        let dates = items.map(dateTime)
        guard !dates.contains(where: { $0 == nil }) else { return nil }
        return dates.compactMap { $0 }
    }
}
