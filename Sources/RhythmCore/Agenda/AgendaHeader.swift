import Foundation

/// The top of an agenda: which meeting, when (with the UTC offset, so nobody guesses the
/// zone), where, whether it changed, who is invited and what they answered.
public struct AgendaHeader: Hashable, Sendable {
    public var initiativeName: String
    public var seriesID: String
    public var seriesTitle: String
    public var seriesKind: MeetingSeries.Kind
    /// The date the rule gave the occurrence; it names the occurrence even when it moved.
    public var occurrenceDate: LocalDate
    /// Start and end on the clocks of the meeting's zone.
    public var localStart: LocalDateTime
    public var localEnd: LocalDateTime
    /// The instants, for anyone who needs another zone.
    public var start: Date
    public var end: Date
    public var timeZone: TimeZone
    /// The UTC offset at the start, such as `+11:00`.
    public var utcOffset: String
    public var location: String?
    public var onlineMeetingURL: URL?
    /// Scheduled, moved (with the original start and the reason) or cancelled.
    public var status: Occurrence.Status
    public var organizerName: String?
    /// Everyone invited, by partner in the configuration's order; people with no partner
    /// come last, in a group whose `partnerName` is nil.
    public var attendees: [AttendeeGroup]
    /// The meeting's times in the other zones attendees live in, so a partner in London
    /// sees at a glance that a Melbourne 10:00 is their midnight.
    public var elsewhere: [ZoneTime]
    /// The answers so far: confirmed out of invited, apologies, maybes, no answer yet.
    public var attendance: AttendanceSummary

    public init(
        initiativeName: String,
        seriesID: String,
        seriesTitle: String,
        seriesKind: MeetingSeries.Kind,
        occurrenceDate: LocalDate,
        localStart: LocalDateTime,
        localEnd: LocalDateTime,
        start: Date,
        end: Date,
        timeZone: TimeZone,
        utcOffset: String,
        location: String?,
        onlineMeetingURL: URL?,
        status: Occurrence.Status,
        organizerName: String?,
        attendees: [AttendeeGroup],
        elsewhere: [ZoneTime],
        attendance: AttendanceSummary = AttendanceSummary()
    ) {
        self.initiativeName = initiativeName
        self.seriesID = seriesID
        self.seriesTitle = seriesTitle
        self.seriesKind = seriesKind
        self.occurrenceDate = occurrenceDate
        self.localStart = localStart
        self.localEnd = localEnd
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.utcOffset = utcOffset
        self.location = location
        self.onlineMeetingURL = onlineMeetingURL
        self.status = status
        self.organizerName = organizerName
        self.attendees = attendees
        self.elsewhere = elsewhere
        self.attendance = attendance
    }
}

/// The people a partner sends to a meeting.
public struct AttendeeGroup: Hashable, Sendable {
    /// Nil for people who belong to no partner.
    public var partnerName: String?
    public var personNames: [String]

    public init(partnerName: String?, personNames: [String]) {
        self.partnerName = partnerName
        self.personNames = personNames
    }
}

/// A meeting's start and end read in another attendee zone.
public struct ZoneTime: Hashable, Sendable {
    public var timeZone: TimeZone
    public var localStart: LocalDateTime
    public var localEnd: LocalDateTime
    /// The UTC offset there at the start, such as `+01:00`.
    public var utcOffset: String
    /// The attendees who live in the zone.
    public var personNames: [String]

    public init(
        timeZone: TimeZone,
        localStart: LocalDateTime,
        localEnd: LocalDateTime,
        utcOffset: String,
        personNames: [String]
    ) {
        self.timeZone = timeZone
        self.localStart = localStart
        self.localEnd = localEnd
        self.utcOffset = utcOffset
        self.personNames = personNames
    }
}
