import Foundation
import ICalendar
import RhythmCore

/// Someone named in ORGANIZER or ATTENDEE.
public struct CalendarUser: Hashable, Sendable {
    /// The CN parameter: the name clients show next to the address.
    public var name: String
    /// The address behind `mailto:`; for ORGANIZER it must be the e-mail's sender, because
    /// Google matches updates and cancellations by UID and organiser.
    public var email: String

    /// Creates a calendar user from a display name and an e-mail address.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// Turns a series into the `text/calendar` body of an e-mailed invitation (iMIP, RFC 6047):
/// METHOD:REQUEST to invite or update, METHOD:CANCEL to call off one meeting or all of them.
///
/// Built on the feed's own writer and plans, so an invitation and the recipient's private feed
/// describe each meeting the same way: same UID, SEQUENCE, rule, overrides, details and
/// VTIMEZONE. What differs is what iTIP (RFC 5546) asks of a message: ORGANIZER is the sender,
/// the recipient is asked to reply, and DTSTAMP is when the message was made. Pure, like
/// `FeedBuilder`: the same arguments give the same bytes.
public struct InvitationBuilder: Sendable {
    private let feeds: FeedBuilder

    /// Creates a builder; `settings` decides, as in feeds, whether cancelled occurrences are
    /// sent as STATUS:CANCELLED overrides or left out with EXDATE.
    public init(initiative: Initiative, settings: FeedSettings) {
        feeds = FeedBuilder(initiative: initiative, settings: settings)
    }

    /// METHOD:REQUEST with the whole series (master VEVENT with RRULE/RDATE/EXDATE plus every override
    /// the feed would have: moved occurrences, and cancelled ones per settings), to one attendee.
    /// nil when the series or the person is not in the initiative.
    ///
    /// Also nil when the person does not attend the series (as attendee or organiser), since their
    /// private feed would not show it either. The whole series goes out every time, because some
    /// receivers drop the other occurrences when an update holds an override alone. RFC 5546 3.2.2
    /// lists only TENTATIVE and CONFIRMED for STATUS in a REQUEST: with `cancelledOccurrences`
    /// set to `.hide`, cancelled meetings become EXDATEs and are announced by `cancelOccurrence`.
    public func request(
        seriesID: String, attendeeID: String, organizer: CalendarUser, revision: FeedRevision, stamp: Date
    ) -> Component? {
        guard let plan = plan(seriesID, attendedBy: attendeeID) else { return nil }
        let writer = writer(to: attendeeID, from: organizer, stamp: stamp)
        let events =
            [writer.master(plan, revision: revision)]
            + plan.overrides.map { writer.override($0, revision: revision) }
        return Self.calendar(method: "REQUEST", timeZones: feeds.timeZones(for: [plan], now: stamp), events: events)
    }

    /// METHOD:CANCEL for one occurrence: same UID and SEQUENCE as `revision`, RECURRENCE-ID = originalStart
    /// (with TZID), STATUS:CANCELLED. nil when the series or person is unknown.
    ///
    /// Also nil when the person does not attend the series. The event keeps the meeting's time
    /// (its new one if it had moved), place and every attendee, as RFC 5546 3.2.5 asks when a
    /// whole instance is cancelled, so that clients can show which meeting is off.
    public func cancelOccurrence(
        seriesID: String, originalStart: LocalDateTime, attendeeID: String, organizer: CalendarUser,
        revision: FeedRevision, stamp: Date
    ) -> Component? {
        guard let plan = plan(seriesID, attendedBy: attendeeID) else { return nil }
        let event = writer(to: attendeeID, from: organizer, stamp: stamp)
            .override(cancelled(plan.series, originalStart: originalStart), revision: revision)
        return Self.calendar(method: "CANCEL", timeZones: feeds.timeZones(for: [plan], now: stamp), events: [event])
    }

    /// METHOD:CANCEL for a whole series (no RECURRENCE-ID), for an attendee who no longer attends or no longer
    /// wants invitations, or for a series removed from the configuration.
    ///
    /// While the series is in the initiative, the event carries its DTSTART, end, RRULE, RDATE and EXDATE as
    /// the feed writes them, with the VTIMEZONE they refer to: RFC 5546 3.2.5 allows them, and several clients
    /// match a cancellation to the series they hold more reliably with them than by UID alone. A series that is
    /// gone from the configuration has left nothing to write them from, so its cancellation is the bare form
    /// of `cancelSeries(uid:title:sequence:organizer:attendee:stamp:)`. `revision` gives the SEQUENCE.
    public func cancelSeries(
        seriesID: String, title: String, attendee: CalendarUser, organizer: CalendarUser, revision: FeedRevision,
        stamp: Date
    ) -> Component {
        let uid = "\(seriesID)@\(feeds.initiative.domain)"
        guard let plan = feeds.plans.first(where: { $0.series.id == seriesID }) else {
            return Self.cancelSeries(
                uid: uid, title: title, sequence: revision.sequence, organizer: organizer, attendee: attendee,
                stamp: stamp)
        }
        let master = EventWriter(initiative: feeds.initiative, audience: .everyone).master(plan, revision: revision)
        let timing = master.properties.filter { Self.seriesTiming.contains($0.name) }
        let event = Self.seriesCancellation(
            uid: uid, title: title, sequence: revision.sequence, timing: timing, organizer: organizer,
            attendee: attendee, stamp: stamp)
        return Self.calendar(method: "CANCEL", timeZones: feeds.timeZones(for: [plan], now: stamp), events: [event])
    }

    /// The properties that say when a series meets, as the feed's master event writes them.
    private static let seriesTiming: Set<String> = ["DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE"]

    /// METHOD:CANCEL for a whole series known only by UID: one no longer in the configuration.
    ///
    /// RFC 5546 3.2.5 gives DTSTART "0 or 1" in a CANCEL and requires a VTIMEZONE only when a
    /// date-time refers to one, so the message has neither: UID and SEQUENCE identify the series.
    /// Only `attendee` is listed: the message removes the series from that one person's calendar.
    /// STATUS:CANCELLED is written even when only this attendee is removed (where RFC 5546 would
    /// leave STATUS out): to the recipient it is the same, and Exchange needs it to delete the event.
    public static func cancelSeries(
        uid: String, title: String, sequence: Int, organizer: CalendarUser, attendee: CalendarUser, stamp: Date
    ) -> Component {
        let event = seriesCancellation(
            uid: uid, title: title, sequence: sequence, timing: [], organizer: organizer, attendee: attendee,
            stamp: stamp)
        return calendar(method: "CANCEL", timeZones: [], events: [event])
    }

    /// The VEVENT of a whole-series cancellation, with the series' timing when it is known.
    private static func seriesCancellation(
        uid: String, title: String, sequence: Int, timing: [Property], organizer: CalendarUser,
        attendee: CalendarUser, stamp: Date
    ) -> Component {
        Component(
            Component.Name.event,
            properties: [.text("UID", uid), .dateTime("DTSTAMP", .utc(stamp)), .integer("SEQUENCE", sequence)]
                + timing
                + [
                    .text("SUMMARY", "Cancelled: \(title)"),
                    Property("STATUS", value: "CANCELLED"),
                    organizer.organizerProperty,
                    attendee.attendeeProperty(rsvp: true),
                ])
    }

    /// The series' plan when `personID` may see it: what `.person(personID)`'s feed holds.
    private func plan(_ seriesID: String, attendedBy personID: String) -> SeriesCalendarPlan? {
        let audience = FeedAudience.person(personID)
        guard audience.exists(in: feeds.initiative),
            audience.series(in: feeds.initiative).contains(where: { $0.id == seriesID })
        else { return nil }
        return feeds.plans.first { $0.series.id == seriesID }
    }

    /// The feed's writer with the private feed's details, as a message from `organizer`.
    private func writer(to personID: String, from organizer: CalendarUser, stamp: Date) -> EventWriter {
        EventWriter(
            initiative: feeds.initiative, audience: .person(personID),
            invitation: EventWriter.Invitation(organizer: organizer, recipientID: personID, stamp: stamp))
    }

    /// The occurrence at `originalStart`, marked cancelled: where the schedule has it (moved, or
    /// already cancelled with a reason), else where the series' own time would put it.
    private func cancelled(_ series: MeetingSeries, originalStart: LocalDateTime) -> Occurrence {
        let schedule = Schedule(initiative: feeds.initiative)
        if let found = schedule.occurrence(of: series, originalDate: originalStart.date, includingSkipped: true),
            found.originalStart == originalStart
        {
            var reason: String?
            if case .cancelled(let given) = found.status { reason = given }
            return Occurrence(
                series: series, originalStart: originalStart, localStart: found.localStart, start: found.start,
                end: found.end, location: found.location, onlineMeetingURL: found.onlineMeetingURL,
                status: .cancelled(reason: reason))
        }
        let start = series.timeZone.instant(for: originalStart)
        return Occurrence(
            series: series, originalStart: originalStart, localStart: originalStart, start: start,
            end: start.addingTimeInterval(TimeInterval(series.duration.components.seconds)),
            location: series.location, onlineMeetingURL: series.onlineMeetingURL, status: .cancelled(reason: nil))
    }

    /// The VCALENDAR of a message: the feed's header with `method`, then zones, then events.
    private static func calendar(method: String, timeZones: [Component], events: [Component]) -> Component {
        Component(
            Component.Name.calendar, properties: FeedBuilder.headerProperties(method: method),
            components: timeZones + events)
    }
}
