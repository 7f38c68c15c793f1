import Foundation
import RhythmCore
import RhythmStore

/// What an answer replaced, kept for 15 minutes so that "Undo" can put it back exactly.
enum UndoableChange: Codable, Sendable, Equatable {
    /// The person's answer for one meeting before; nil when they had given none.
    case attendance(seriesID: String, occurrenceDate: String, previous: PreviousAttendance?)
    /// Whether the person had opted out of rule `ruleID` before.
    case optOut(ruleID: String, wasOptedOut: Bool)
    /// The action's status, due date and details before.
    case action(id: Int64, status: String, due: String?, details: String?)
    /// The indicator's value for the period before; nil when none was recorded.
    case indicator(indicatorID: String, period: String, previous: PreviousValue?)
    /// The agenda item the answer added.
    case agendaItem(id: Int64)

    struct PreviousAttendance: Codable, Sendable, Equatable {
        var response: String
        var note: String?
        var delegateID: String?
    }

    struct PreviousValue: Codable, Sendable, Equatable {
        var value: Double
        var note: String?
    }

    /// How the store keeps it.
    var encoded: String {
        // Encoding strings, numbers and optionals cannot fail.
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    }

    init?(encoded text: String) {
        guard let change = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else { return nil }
        self = change
    }

    /// Puts back what `personID`'s answer replaced, audited as `actor`.
    func revert(in store: AppDatabase, personID: String, actor: String, now: Date) throws(StoreError) {
        switch self {
        case .attendance(let seriesID, let text, let previous):
            guard let date = LocalDate(iso: text) else { return }
            if let previous, let response = Attendance.Response(rawValue: previous.response) {
                _ = try store.setAttendance(
                    seriesID: seriesID, occurrenceDate: date, personID: personID,
                    response: response, note: previous.note, delegateID: previous.delegateID, actor: actor, now: now)
            } else if let current = try store.attendance(seriesID: seriesID, occurrenceDate: date)
                .first(where: { $0.personID == personID })
            {
                _ = try store.deleteAttendance(id: current.id, actor: actor, now: now)
            }
        case .optOut(let ruleID, let wasOptedOut):
            if wasOptedOut {
                _ = try store.addReminderOptOut(personID: personID, ruleID: ruleID, actor: actor, now: now)
            } else {
                try store.removeReminderOptOut(personID: personID, ruleID: ruleID, actor: actor, now: now)
            }
        case .action(let id, let status, let due, let details):
            let changes = ActionChanges(
                details: .some(details), due: .some(due.flatMap { LocalDate(iso: $0) }),
                status: Action.Status(rawValue: status))
            _ = try store.updateAction(id: id, changes, actor: actor, now: now)
        case .indicator(let indicatorID, let text, let previous):
            guard let period = ReportingPeriod(parsing: text) else { return }
            if let previous {
                _ = try store.recordIndicatorResult(
                    indicatorID: indicatorID, period: period, value: previous.value, note: previous.note, actor: actor,
                    now: now)
            } else if let current = try store.indicatorResults(indicatorID: indicatorID, limit: Int.max, offset: 0)
                .first(where: { $0.period == period })
            {
                _ = try store.deleteIndicatorResult(id: current.id, actor: actor, now: now)
            }
        case .agendaItem(let id):
            _ = try store.deleteAgendaItem(id: id, actor: actor, now: now)
        }
    }
}
