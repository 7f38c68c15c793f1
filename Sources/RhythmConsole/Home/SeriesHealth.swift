import Foundation
import RhythmCore

/// One series' row on the home page: is the rhythm being kept, are people coming, and is the
/// next meeting ready.
public struct SeriesHealth: Sendable, Identifiable {
    /// The series the row is about.
    public let series: MeetingSeries
    /// The last meeting held that has ended; nil when none was held within a year.
    public let lastMeeting: Occurrence?
    /// The next meeting held that has not ended; nil when the series has no more.
    public let nextMeeting: Occurrence?
    /// Meetings planned in the look-back period (see `SeriesTimeline` for what counts).
    public let planned: Int
    /// Planned meetings that took place.
    public let held: Int
    /// Planned meetings cancelled (shown as cancelled in calendars).
    public let cancelled: Int
    /// Planned meetings skipped (a skip exception or a holiday).
    public let skipped: Int
    /// Invited people coming, over the meetings held in the look-back period.
    public let attendance: AttendanceShare
    /// The same per partner with people invited, in the configuration's order.
    public let partnerAttendance: [PartnerAttendance]
    /// The last held meetings (up to six within a year), oldest first: the attendance chart.
    public let recentMeetings: [MeetingAttendance]
    /// The next meeting's agenda as `AgendaBuilder` builds it: its items, time budget,
    /// actions and, for a review, its scorecard. Nil without a next meeting.
    public let nextAgenda: Agenda?

    /// The series' id.
    public var id: String { series.id }

    /// Items submitted for the next meeting.
    public var agendaItemCount: Int? { nextAgenda?.items.count }

    /// The actions the next meeting looks at (`AgendaBuilder`'s choice: the series' and its
    /// groups' open actions, and attendees' actions overdue or due before the meeting after).
    public var openActionCount: Int? { nextAgenda?.actions.count }

    /// Those of `openActionCount` already overdue.
    public var overdueActionCount: Int? { nextAgenda?.actions.overdue.count }

    /// Whether the data for the next review is in; nil when the next meeting reviews no
    /// indicator.
    public var reviewData: ReviewDataStatus? {
        guard let scorecard = nextAgenda?.scorecard, !scorecard.isEmpty else { return nil }
        return ReviewDataStatus(standings: scorecard)
    }
}

/// How far the data for a review has come in: the indicators recorded for the reviewed
/// period, and those still missing or already late.
public struct ReviewDataStatus: Hashable, Sendable {
    /// One standing per indicator the review looks at, in the configuration's order.
    public let standings: [IndicatorStanding]

    /// How many indicators have a value for the reviewed period.
    public var recorded: Int { standings.filter { $0.data == .recorded }.count }

    /// Indicators whose value is not in and whose due date has passed.
    public var late: [IndicatorStanding] { standings.filter { $0.data == .late } }

    /// Indicators whose value is not in yet but not due.
    public var missing: [IndicatorStanding] { standings.filter { $0.data == .missing } }

    /// Whether every value is in.
    public var isComplete: Bool { recorded == standings.count }
}

extension SeriesHealth {
    /// The row of `timeline`'s series from the store's rows, as of `today`.
    init(
        timeline: SeriesTimeline, initiative: Initiative, answers: AnswersByMeeting, actions: [Action],
        items: [AgendaItem], results: [IndicatorResult], today: LocalDate
    ) {
        let series = timeline.series
        let invitedIDs = Set(initiative.attendeeIDs(of: series))
        let invited = initiative.people.filter { invitedIDs.contains($0.id) }
        let attendance = { (occurrence: Occurrence) in
            MeetingAttendance(
                occurrence: occurrence, initiative: initiative, invited: invited, answers: answers[occurrence])
        }
        let heldInPeriod = timeline.planned.filter(\.isHeld).map(attendance)
        self.series = series
        lastMeeting = timeline.recentHeld.last
        nextMeeting = timeline.next
        planned = timeline.planned.count
        held = heldInPeriod.count
        cancelled = timeline.planned.filter { if case .cancelled = $0.status { true } else { false } }.count
        skipped = timeline.planned.filter(\.status.isSkipped).count
        self.attendance = heldInPeriod.reduce(AttendanceShare.zero) { $0 + $1.overall }
        partnerAttendance =
            heldInPeriod.first?.byPartner.map { partner in
                PartnerAttendance(
                    partnerID: partner.partnerID, partnerName: partner.partnerName,
                    share: heldInPeriod.reduce(AttendanceShare.zero) { total, meeting in
                        total + (meeting.byPartner.first { $0.partnerID == partner.partnerID }?.share ?? .zero)
                    })
            } ?? []
        recentMeetings = timeline.recentHeld.map(attendance)
        nextAgenda = timeline.next.map { next in
            AgendaBuilder().agenda(
                for: next, initiative: initiative, actions: actions, items: items, results: results,
                attendance: answers[next], today: today)
        }
    }
}

/// The answers of a period grouped by meeting, so that each meeting's summary reads only its
/// own.
struct AnswersByMeeting: Sendable {
    private let answers: [String: [Attendance]]

    init(_ answers: [Attendance]) {
        self.answers = Dictionary(grouping: answers) { Self.key($0.seriesID, $0.occurrenceDate) }
    }

    /// The answers for `occurrence`, named by the date its rule gave it.
    subscript(occurrence: Occurrence) -> [Attendance] {
        answers[Self.key(occurrence.series.id, occurrence.originalStart.date)] ?? []
    }

    private static func key(_ seriesID: String, _ date: LocalDate) -> String { "\(seriesID) \(date)" }
}
