import Foundation

/// A live change someone asks for (from the console or the API), before it is checked
/// against the configuration and the live changes already in force.
///
/// The one place the rules for a live change live, so that the console and the API refuse
/// the same requests with the same words: the series exists; a cancel or move names, by its
/// original date, an occurrence the rule produces that is not skipped, not changed by the
/// file and not already changed live; a move's new start is a time the clocks show and no
/// other meeting of the series has; an extra meeting falls on a day the series does not
/// meet; reasons and places are bounded.
public struct LiveChangeRequest: Hashable, Sendable {
    /// The longest reason a change may carry: it goes into feeds, e-mails and agendas.
    public static let reasonLimit = 500
    /// The longest location a move or extra meeting may name.
    public static let locationLimit = 300

    public var seriesID: String
    public var kind: LiveChange.Kind
    /// Whether each attendee with an e-mail address is to be told what changed.
    public var notifiesAttendees: Bool

    public init(seriesID: String, kind: LiveChange.Kind, notifiesAttendees: Bool = false) {
        self.seriesID = seriesID
        self.kind = kind
        self.notifiesAttendees = notifiesAttendees
    }

    /// Checks the request against the configuration file's initiative and the live changes
    /// in force (`current`), reporting every problem at once.
    public func check(over file: Initiative, current: [LiveChange]) throws(LiveChangeRequestError) {
        var problems = boundsProblems()
        guard let series = file.series.first(where: { $0.id == seriesID }) else {
            let hint = Suggestion.closest(to: seriesID, in: file.series.map(\.id)).map { "; did you mean \"\($0)\"?" }
            problems.append(.init(.series, "There is no series \"\(seriesID)\"\(hint ?? ".")"))
            throw LiveChangeRequestError(problems: problems)
        }
        let live = current.filter { $0.isCurrent && $0.seriesID == seriesID }
        let layered = Schedule(initiative: LiveLayering(file: file, changes: live).initiative)
        if let existing = live.first(where: { $0.kind.date == kind.date }) {
            problems.append(
                .init(
                    .date,
                    "\(series.id) on \(kind.date) already has a live change (#\(existing.id), \(existing.kind.name) by "
                        + "\(existing.actor)); restore it first, then make the new change."))
        } else {
            switch kind {
            case .cancel(let date, _):
                problems += occurrenceProblems(series, date: date, file: file)
            case .move(let date, let change):
                problems += occurrenceProblems(series, date: date, file: file)
                problems += moveProblems(series, date: date, change: change, layered: layered)
            case .extra(let start, _, _):
                problems += extraProblems(series, start: start, layered: layered)
            }
        }
        if !problems.isEmpty {
            throw LiveChangeRequestError(problems: problems)
        }
    }

    private func boundsProblems() -> [LiveChangeRequestError.Problem] {
        var problems: [LiveChangeRequestError.Problem] = []
        if let reason = kind.reason, reason.count > Self.reasonLimit {
            problems.append(.init(.reason, "The reason is \(reason.count) characters; at most \(Self.reasonLimit)."))
        }
        if case .cancel(_, let reason) = kind, (reason ?? "").allSatisfy(\.isWhitespace) {
            problems.append(.init(.reason, "A cancellation needs a reason: the attendees will read it."))
        }
        let location: String? =
            switch kind {
            case .move(_, let change): change.location
            case .extra(_, let location, _): location
            case .cancel: nil
            }
        if let location, location.count > Self.locationLimit || location.allSatisfy(\.isWhitespace) {
            problems.append(
                .init(
                    .location, "A location is 1 to \(Self.locationLimit) characters; leave it out to keep the series'.")
            )
        }
        return problems
    }

    /// A cancel or move needs the occurrence the rule put on `date`, held and left alone by the file.
    private func occurrenceProblems(_ series: MeetingSeries, date: LocalDate, file: Initiative)
        -> [LiveChangeRequestError.Problem]
    {
        if series.exceptions.contains(where: { $0.originalDate == date }) {
            return [
                .init(
                    .date,
                    "The configuration file already changes \(series.id) on \(date) (its exceptions:); "
                        + "the file wins, so change that entry instead.")
            ]
        }
        guard
            let occurrence = Schedule(initiative: file).occurrence(
                of: series, originalDate: date, includingSkipped: true)
        else {
            return [
                .init(
                    .date,
                    "\(series.id) does not meet on \(date) (a \(date.weekday.name)); name a meeting by the date "
                        + "it was originally due.")
            ]
        }
        if case .skipped(let reason) = occurrence.status {
            let why = reason.map { " (\($0))" } ?? ""
            return [.init(.date, "\(series.id) on \(date) is skipped\(why): there is no meeting to change.")]
        }
        return []
    }

    private func moveProblems(
        _ series: MeetingSeries, date: LocalDate, change: OccurrenceChange, layered: Schedule
    ) -> [LiveChangeRequestError.Problem] {
        guard change.start != nil || change.location != nil || change.onlineMeetingURL != nil else {
            return [.init(.start, "A move needs a new start, a new location or a new online_url.")]
        }
        guard let start = change.start else { return [] }
        if let problem = clockProblem(series, start: start) { return [problem] }
        let plannedThatDay = series.plannedStarts(
            through: LocalDateTime(date: date, time: LocalTime(unchecked: 86_399))
        )
        .filter { $0.date == date }
        if plannedThatDay.count > 1 {
            return [
                .init(
                    .date,
                    "\(series.id) meets \(plannedThatDay.count) times on \(date), and a change names a whole day; "
                        + "change the extra date in the configuration file instead.")
            ]
        }
        let taken = layered.meeting(of: Self.layered(series, in: layered), on: start.date)
        let others = [taken.original, taken.movedHere].compactMap { $0 }.filter { other in
            other.originalStart.date != date && other.localStart == start && !other.status.isSkipped
        }
        if let other = others.first {
            return [
                .init(
                    .start,
                    "\(series.id) already meets at \(Self.text(start)) (the meeting of \(other.originalStart.date)); "
                        + "choose another time.")
            ]
        }
        return []
    }

    private func extraProblems(_ series: MeetingSeries, start: LocalDateTime, layered: Schedule)
        -> [LiveChangeRequestError.Problem]
    {
        if let problem = clockProblem(series, start: start) { return [problem] }
        let day = layered.meeting(of: Self.layered(series, in: layered), on: start.date)
        if let other = day.original ?? day.movedHere {
            return [
                .init(
                    .start,
                    "\(series.id) already has a meeting on \(start.date) (\(other.status.label), originally due "
                        + "\(other.originalStart.date)); an extra meeting takes a day of its own: move that one "
                        + "instead, or choose another day.")
            ]
        }
        if series.exceptions.contains(where: { $0.originalDate == start.date }) {
            return [
                .init(
                    .start,
                    "The configuration file has an exception for \(series.id) on \(start.date), which would "
                        + "apply to the extra meeting too; choose another day.")
            ]
        }
        return []
    }

    /// A start the clocks skip (the hour lost when they go forward) would silently become
    /// another time: say which, and let the person choose.
    private func clockProblem(_ series: MeetingSeries, start: LocalDateTime) -> LiveChangeRequestError.Problem? {
        guard case .skipped(let shown, _) = series.timeZone.clockChange(at: start) else { return nil }
        return .init(
            .start,
            "\(Self.text(start)) does not exist in \(series.timeZone.identifier): the clocks go forward then "
                + "and show \(Self.text(shown)). Choose \(Self.text(shown)) or another time.")
    }

    /// The series as the layered schedule has it, with the live changes in force.
    private static func layered(_ series: MeetingSeries, in schedule: Schedule) -> MeetingSeries {
        schedule.initiative.series.first { $0.id == series.id } ?? series
    }

    /// `2027-03-16 10:00`, as a coordinator writes a meeting time.
    static func text(_ dateTime: LocalDateTime) -> String {
        "\(dateTime.date) \(dateTime.time.description.prefix(5))"
    }
}
