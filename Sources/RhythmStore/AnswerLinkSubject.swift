import RhythmCore

/// What an answer link acts on, for its one person: the link's purpose and subject together.
///
/// Stored as a purpose (`attendance`) and a subject text (`leadership-table/2027-02-09`), so
/// that a link can be named without the store knowing the configuration.
public enum AnswerLinkSubject: Hashable, Sendable, CustomStringConvertible {
    /// The person's own page, `/me/<token>`.
    case page
    /// "I'll be there" or "Send apologies" for one meeting.
    case attendance(seriesID: String, occurrenceDate: LocalDate)
    /// "Add an item to the agenda" of one meeting.
    case agendaItem(seriesID: String, occurrenceDate: LocalDate)
    /// Done, in progress, blocked or a new due date for one action.
    case action(Int64)
    /// The value of one indicator for one reporting period.
    case indicator(indicatorID: String, period: ReportingPeriod)
    /// "Stop reminders like this": an opt-out of one reminder rule.
    case optOut(ruleID: String)

    /// The purposes, as stored.
    public enum Purpose: String, CaseIterable, Sendable {
        case page
        case attendance
        case agendaItem = "agenda-item"
        case action
        case indicator
        case optOut = "opt-out"
    }

    public var purpose: Purpose {
        switch self {
        case .page: .page
        case .attendance: .attendance
        case .agendaItem: .agendaItem
        case .action: .action
        case .indicator: .indicator
        case .optOut: .optOut
        }
    }

    /// The subject as stored: empty for the page, `series/date` for a meeting, the action's
    /// id, `indicator/period`, or the rule's id.
    public var subjectText: String {
        switch self {
        case .page: ""
        case .attendance(let seriesID, let date), .agendaItem(let seriesID, let date): "\(seriesID)/\(date)"
        case .action(let id): String(id)
        case .indicator(let indicatorID, let period): "\(indicatorID)/\(period)"
        case .optOut(let ruleID): ruleID
        }
    }

    /// Reads a stored purpose and subject; nil when either cannot be read.
    public init?(purpose: Purpose, subjectText text: String) {
        switch purpose {
        case .page:
            guard text.isEmpty else { return nil }
            self = .page
        case .attendance, .agendaItem:
            guard let (seriesID, last) = Self.split(text), let date = LocalDate(iso: last) else { return nil }
            self =
                purpose == .attendance
                ? .attendance(seriesID: seriesID, occurrenceDate: date)
                : .agendaItem(seriesID: seriesID, occurrenceDate: date)
        case .action:
            guard let id = Int64(text), id > 0 else { return nil }
            self = .action(id)
        case .indicator:
            guard let (indicatorID, last) = Self.split(text), let period = ReportingPeriod(parsing: last) else {
                return nil
            }
            self = .indicator(indicatorID: indicatorID, period: period)
        case .optOut:
            guard !text.isEmpty else { return nil }
            self = .optOut(ruleID: text)
        }
    }

    /// `attendance leadership-table/2027-02-09`, or `page`.
    public var description: String {
        subjectText.isEmpty ? purpose.rawValue : "\(purpose.rawValue) \(subjectText)"
    }

    /// Splits at the last slash; ids in the configuration hold none, dates and periods neither.
    private static func split(_ text: String) -> (String, String)? {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let first = String(text[..<slash])
        let last = String(text[text.index(after: slash)...])
        return first.isEmpty || last.isEmpty ? nil : (first, last)
    }
}
