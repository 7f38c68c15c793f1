import Foundation

/// An answer someone wants recorded for one meeting, as typed on the command line, sent to
/// the API or posted from an answer page, before it is checked against the configuration.
///
/// The one place the rules for an answer live, so that `rhythm attendance set`, the JSON API
/// and the answer pages refuse the same answers with the same words: the series exists; the
/// date names a meeting of it that is held (the date the rule gave it, or, for a moved
/// meeting, the date it moved to: see `MeetingOnDate`); the person is invited to it (an
/// attendee or the organiser); and a colleague who comes instead goes only with apologies,
/// is someone else, and belongs to the person's partner.
public struct AttendanceRequest: Hashable, Sendable {
    /// The longest note an answer may carry.
    public static let noteLimit = 10_000

    public var seriesID: String
    /// The meeting's date as the person named it: the original date, or the one it moved to.
    public var date: LocalDate
    public var personID: String
    public var response: Attendance.Response
    /// What the person adds; white space only counts as no note.
    public var note: String?
    /// A colleague from the same partner who comes instead; only with apologies.
    public var delegateID: String?

    public init(
        seriesID: String, date: LocalDate, personID: String, response: Attendance.Response, note: String? = nil,
        delegateID: String? = nil
    ) {
        self.seriesID = seriesID
        self.date = date
        self.personID = personID
        self.response = response
        self.note = note
        self.delegateID = delegateID
    }

    /// The request with every reference resolved, or every problem found at once.
    public func checked(in schedule: Schedule) throws(AttendanceRequestError) -> CheckedAttendance {
        let initiative = schedule.initiative
        var problems: [AttendanceRequestError.Problem] = []
        let series = initiative.series.first { $0.id == seriesID }
        if series == nil {
            problems.append(.init(.series, Self.unknown("series", seriesID, among: initiative.series.map(\.id))))
        }
        let person = initiative.people.first { $0.id == personID }
        if person == nil {
            problems.append(.init(.person, Self.unknown("person", personID, among: initiative.people.map(\.id))))
        }
        var occurrence: Occurrence?
        if let series {
            do throws(AttendanceRequestError.Problem) {
                occurrence = try Self.heldOccurrence(of: series, on: date, in: schedule)
            } catch {
                problems.append(error)
            }
            if let person, !initiative.isAttending(personID: person.id, series: series) {
                problems.append(
                    .init(
                        .person,
                        "\(person.name) (\(person.id)) is not invited to \(series.title) (\(series.id)): answers are "
                            + "recorded only for its attendees and its organiser."))
            }
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > Self.noteLimit {
            problems.append(
                .init(.note, "The note may be at most \(Self.noteLimit) characters long; it has \(note.count)."))
        }
        let delegate = delegateProblems(person: person, in: initiative, into: &problems)
        guard problems.isEmpty, let series, let occurrence, let person else {
            throw AttendanceRequestError(problems: problems)
        }
        return CheckedAttendance(
            series: series, occurrence: occurrence, person: person, response: response,
            note: note?.isEmpty == false ? note : nil, delegate: delegate)
    }

    /// Checks the colleague who comes instead; returns them when there is one and all is well.
    private func delegateProblems(
        person: Person?, in initiative: Initiative, into problems: inout [AttendanceRequestError.Problem]
    ) -> Person? {
        guard let delegateID else { return nil }
        guard response == .apologies else {
            problems.append(
                .init(
                    .delegate,
                    "Only apologies can name a colleague who comes instead; the response is \(response.rawValue)."))
            return nil
        }
        guard let delegate = initiative.people.first(where: { $0.id == delegateID }) else {
            problems.append(.init(.delegate, Self.unknown("person", delegateID, among: initiative.people.map(\.id))))
            return nil
        }
        guard let person else { return nil }
        if delegate.id == person.id {
            problems.append(
                .init(.delegate, "The colleague who comes instead must be someone other than \(person.id)."))
            return nil
        }
        guard let partnerID = person.partnerID else {
            problems.append(
                .init(
                    .delegate,
                    "\(person.name) (\(person.id)) belongs to no partner, so no colleague can come instead; "
                        + "leave the colleague out."))
            return nil
        }
        guard delegate.partnerID == partnerID else {
            let partnerName = initiative.partners.first { $0.id == partnerID }?.name ?? partnerID
            let colleagues = initiative.people.filter { $0.partnerID == partnerID && $0.id != person.id }.map(\.id)
            let hint =
                colleagues.isEmpty
                ? "; \(partnerName) has nobody else."
                : "; name one of \(colleagues.joined(separator: ", "))."
            problems.append(
                .init(
                    .delegate,
                    "\(delegate.name) (\(delegate.id)) is not from \(person.name)'s partner, \(partnerName) "
                        + "(\(partnerID)): the colleague who comes instead must be from the same partner\(hint)"))
            return nil
        }
        return delegate
    }

    /// The meeting `date` names if it is held; otherwise a problem naming the nearest held ones.
    private static func heldOccurrence(of series: MeetingSeries, on date: LocalDate, in schedule: Schedule)
        throws(AttendanceRequestError.Problem) -> Occurrence
    {
        let named = schedule.meeting(of: series, on: date).named
        if let named, Self.isHeld(named) { return named }
        let nearest = nearestHeld(of: series, around: date, in: schedule)
        if let named, case .cancelled(let reason) = named.status {
            let why = reason.map { " (\($0.trimmingCharacters(in: CharacterSet(charactersIn: ". "))))" } ?? ""
            throw .init(
                .date,
                "The \(series.title) meeting of \(date) is cancelled\(why): answers are recorded only for meetings "
                    + "that are held.\(nearest)")
        }
        throw .init(.date, "\(series.title) (\(series.id)) has no meeting on \(date).\(nearest)")
    }

    /// ` The nearest meetings are 2027-02-09 and 2027-04-13.`, by the dates that name them.
    private static func nearestHeld(of series: MeetingSeries, around date: LocalDate, in schedule: Schedule) -> String {
        let middle = series.timeZone.instant(for: LocalDateTime(date: date, time: .midnight))
        let window = DateInterval(start: middle.addingTimeInterval(-400 * 86_400), duration: 800 * 86_400)
        let held = schedule.occurrences(of: [series], in: window).filter(isHeld).map(\.originalStart.date)
        let dates = [held.last { $0 < date }, held.first { $0 > date }].compactMap { $0 }
        switch dates.count {
        case 0: return " It has no meetings within a year of that date."
        case 1: return " The nearest meeting is \(dates[0])."
        default: return " The nearest meetings are \(dates[0]) and \(dates[1])."
        }
    }

    private static func isHeld(_ occurrence: Occurrence) -> Bool {
        switch occurrence.status {
        case .scheduled, .moved: true
        case .cancelled, .skipped: false
        }
    }

    /// `There is no person "x"; did you mean "y"?`, without listing every id: the API
    /// answers partner-limited tokens with these words too.
    private static func unknown(_ kind: String, _ id: String, among ids: [String]) -> String {
        let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean \"\($0)\"?" } ?? "."
        return "There is no \(kind) \"\(id)\"\(hint)"
    }
}
