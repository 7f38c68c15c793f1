import Foundation
import ICalendar
import RhythmCore

/// Writes the VEVENTs of one feed, with exactly the details its audience may see.
struct EventWriter {
    let initiative: Initiative
    let audience: FeedAudience
    /// Set when the events go out by e-mail (iMIP) instead of in a feed; nil for feeds.
    var invitation: Invitation?

    /// The series itself: its first meeting, its rule, and the dates it adds or drops.
    func master(_ plan: SeriesCalendarPlan, revision: FeedRevision) -> Component {
        let series = plan.series
        let zone = series.timeZone.identifier
        let start = series.timeZone.instant(for: series.start)
        let end = start.addingTimeInterval(TimeInterval(series.duration.components.seconds))
        var properties = identity(series, revision: revision)
        properties.append(.dateTime("DTSTART", .zoned(WallClock(series.start), timeZoneID: zone)))
        properties.append(Self.end(writtenStart: series.start, start: start, end: end, in: series.timeZone))
        if let rule = plan.rule {
            properties.append(.recurrenceRule(rule.rfc5545Text))
        }
        if !series.extraDates.isEmpty {
            properties.append(.dateTimes("RDATE", series.extraDates.sorted().map(WallClock.init), timeZoneID: zone))
        }
        if !plan.excludedStarts.isEmpty {
            properties.append(.dateTimes("EXDATE", plan.excludedStarts.map(WallClock.init), timeZoneID: zone))
        }
        properties.append(.text("SUMMARY", series.title))
        properties.append(contentsOf: details(series, location: series.location, onlineURL: series.onlineMeetingURL))
        properties.append(Property("STATUS", value: "CONFIRMED"))
        properties.append(contentsOf: people(series))
        return Component(Component.Name.event, properties: properties)
    }

    /// One occurrence that differs from the rule (moved, or shown as cancelled) or that
    /// carries a note such as its agenda.
    func override(_ occurrence: Occurrence, revision: FeedRevision, note agenda: OccurrenceNote? = nil) -> Component {
        let series = occurrence.series
        let zone = series.timeZone
        var properties = identity(series, revision: revision)
        properties.append(
            .dateTime("RECURRENCE-ID", .zoned(WallClock(occurrence.originalStart), timeZoneID: zone.identifier)))
        properties.append(
            .dateTime("DTSTART", .zoned(WallClock(occurrence.localStart), timeZoneID: zone.identifier)))
        properties.append(
            Self.end(writtenStart: occurrence.localStart, start: occurrence.start, end: occurrence.end, in: zone))
        var note: String?
        var status = "CONFIRMED"
        switch occurrence.status {
        case .cancelled(let reason):
            status = "CANCELLED"
            properties.append(.text("SUMMARY", "Cancelled: \(series.title)"))
            note = audience.isPrivate ? reason.map { "Cancelled: \($0)" } : nil
        case .moved(let from, let reason):
            properties.append(.text("SUMMARY", series.title))
            let origin = "Moved from \(from.date.weekday.name) \(from.date) \(String(from.time.description.prefix(5)))"
            note = audience.isPrivate ? ([origin] + [reason].compactMap { $0 }).joined(separator: ": ") : origin
        case .scheduled, .skipped:
            properties.append(.text("SUMMARY", series.title))
        }
        properties.append(
            contentsOf: details(
                series, location: occurrence.location, onlineURL: occurrence.onlineMeetingURL, note: note,
                agenda: agenda))
        properties.append(Property("STATUS", value: status))
        properties.append(contentsOf: people(series))
        return Component(Component.Name.event, properties: properties)
    }

    /// DTEND on the zone's clock, or DURATION when the start or the end is a reading that the
    /// clocks skip or show twice on a night they change.
    ///
    /// RFC 5545 takes a repeated reading as the first of the two, but clients differ (python's
    /// icalendar takes the second), so a meeting from 02:30 to the second 02:30 would be read as
    /// lasting nothing, or two hours. An exact DURATION (`PT1H`) gives every client the right
    /// length from the start it reads; Outlook, Google and Apple all accept it in place of DTEND.
    /// Other events keep DTEND, so that feeds do not change where no clock change is involved.
    private static func end(writtenStart: LocalDateTime, start: Date, end: Date, in zone: TimeZone) -> Property {
        let endReading = zone.wallClock(at: end)
        guard zone.clockChange(at: writtenStart) == nil, zone.clockChange(at: endReading) == nil else {
            return .duration("DURATION", DurationValue(seconds: Int(end.timeIntervalSince(start))))
        }
        return .dateTime("DTEND", .zoned(WallClock(endReading), timeZoneID: zone.identifier))
    }

    /// UID, stamps and SEQUENCE: the same on a series and all its overrides.
    private func identity(_ series: MeetingSeries, revision: FeedRevision) -> [Property] {
        [
            .text("UID", "\(series.id)@\(initiative.domain)"),
            .dateTime("DTSTAMP", .utc(invitation?.stamp ?? revision.lastModified)),
            .dateTime("CREATED", .utc(revision.created)),
            .dateTime("LAST-MODIFIED", .utc(revision.lastModified)),
            .integer("SEQUENCE", revision.sequence),
        ]
    }

    /// Description, place, link and category. Online-meeting links let anyone join, so the
    /// public feed leaves them out; so are the reasons people gave for changes.
    private func details(
        _ series: MeetingSeries, location: String?, onlineURL: URL?, note: String? = nil,
        agenda: OccurrenceNote? = nil
    ) -> [Property] {
        var properties: [Property] = []
        let link = audience.isPrivate ? onlineURL : nil
        // With an agenda, the agenda replaces the series' standing description.
        let body =
            agenda.map { [$0.text, $0.link.map { "Full agenda: \($0.absoluteString)" }] } ?? [series.description]
        let paragraphs = ([note] + body + [link.map { "Join online: \($0.absoluteString)" }]).compactMap { $0 }
        if !paragraphs.isEmpty {
            properties.append(.text("DESCRIPTION", paragraphs.joined(separator: "\n\n")))
        }
        if let location {
            properties.append(.text("LOCATION", location))
        } else if let link {
            properties.append(.text("LOCATION", link.absoluteString))
        }
        if let link {
            properties.append(.uri("URL", link.absoluteString))
        }
        properties.append(.text("CATEGORIES", series.kind.name))
        properties.append(Property("CLASS", value: audience.isPrivate ? "PRIVATE" : "PUBLIC"))
        properties.append(Property("TRANSP", value: "OPAQUE"))
        return properties
    }

    /// ORGANIZER and ATTENDEE, in private feeds only. RSVP=FALSE: a subscribed feed is not
    /// an invitation, and clients should not offer to reply to it. An invitation names its
    /// sender instead and asks its recipient to reply.
    private func people(_ series: MeetingSeries) -> [Property] {
        guard audience.isPrivate else { return [] }
        if let invitation { return invitation.people(of: series, in: initiative) }
        var properties: [Property] = []
        let byID = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
        if let organizerID = series.organizerID, let organizer = byID[organizerID] {
            properties.append(CalendarUser(organizer).organizerProperty)
        }
        for id in initiative.attendeeIDs(of: series) where id != series.organizerID {
            guard let person = byID[id] else { continue }
            properties.append(CalendarUser(person).attendeeProperty(rsvp: false))
        }
        return properties
    }
}

extension EventWriter {
    /// What changes when the events are an e-mailed invitation (iTIP over iMIP) rather than a feed.
    struct Invitation {
        /// ORGANIZER: the sender of the e-mail, so that Gmail and Outlook match it to From.
        let organizer: CalendarUser
        /// The person the message goes to: the one ATTENDEE asked to reply (RSVP=TRUE).
        let recipientID: String
        /// DTSTAMP: with a METHOD, RFC 5545 3.8.7.2 makes it the time the message was created.
        let stamp: Date

        /// ORGANIZER, then every attendee of the series and the recipient (who may only be its
        /// organiser). Whoever ORGANIZER already names is left out, as feeds leave out the organiser.
        func people(of series: MeetingSeries, in initiative: Initiative) -> [Property] {
            let invited = Set(initiative.attendeeIDs(of: series) + [recipientID])
            let attendees = initiative.people.filter { person in
                invited.contains(person.id)
                    && (person.id == recipientID || person.email.lowercased() != organizer.email.lowercased())
            }
            return [organizer.organizerProperty]
                + attendees.map { CalendarUser($0).attendeeProperty(rsvp: $0.id == recipientID) }
        }
    }
}

extension CalendarUser {
    /// The name and address of a person in the configuration.
    init(_ person: Person) {
        self.init(name: person.name, email: person.email)
    }

    /// `ORGANIZER;CN=...:mailto:...`.
    var organizerProperty: Property {
        .uri("ORGANIZER", "mailto:\(email)", parameters: [Parameter("CN", name)])
    }

    /// `ATTENDEE` as a required individual who has not answered yet; `rsvp` says whether a
    /// reply is wanted, which only an invitation's own recipient is asked for.
    func attendeeProperty(rsvp: Bool) -> Property {
        .uri(
            "ATTENDEE", "mailto:\(email)",
            parameters: [
                Parameter("CN", name), Parameter("CUTYPE", "INDIVIDUAL"), Parameter("ROLE", "REQ-PARTICIPANT"),
                Parameter("PARTSTAT", "NEEDS-ACTION"), Parameter("RSVP", rsvp ? "TRUE" : "FALSE"),
            ])
    }
}

extension WallClock {
    /// The same reading in ICalendar's own type (which knows nothing of Rhythm).
    init(_ local: LocalDateTime) {
        self.init(
            year: local.date.year, month: local.date.month, day: local.date.day,
            hour: local.time.hour, minute: local.time.minute, second: local.time.second)!
    }
}
