import Foundation
import RhythmCore

/// The agenda as templates see it: dictionaries, arrays, strings and booleans only, with
/// every date and number already written out, so a coordinator editing a template needs
/// nothing but `{{name}}` and `{{#section}}...{{/section}}`.
///
/// A key is left out when it has no value, so `{{#location}}...{{/location}}` shows only
/// when there is a place. `config/templates/README.md` lists every key.
struct AgendaView {
    let agenda: Agenda

    var dictionary: [String: Any] {
        let header = agenda.header
        var view: [String: Any] = [
            "initiative": header.initiativeName,
            "series": [
                "id": header.seriesID, "title": header.seriesTitle, "kind": header.seriesKind.name,
            ],
            "date": AgendaText.longDate(header.localStart.date),
            "dateISO": header.localStart.date.description,
            "occurrenceDate": header.occurrenceDate.description,
            "start": AgendaText.time(header.localStart.time),
            "end": AgendaText.time(header.localEnd.time),
            "when": AgendaText.span(header.localStart, header.localEnd),
            "utcOffset": header.utcOffset,
            "timeZone": header.timeZone.identifier,
            "standingItems": agenda.standingItems.enumerated().map { ["number": $0.offset + 1, "title": $0.element] },
            "items": items,
            "scheduledMinutes": agenda.scheduledMinutes,
            "meetingMinutes": agenda.meetingMinutes,
            "budget": budget,
            "actionCount": agenda.actions.count,
            "overdue": agenda.actions.overdue.map(action),
            "owners": agenda.actions.byOwner.map { owner in
                ["name": owner.ownerName, "actions": owner.actions.map(action)] as [String: Any]
            },
            "attendees": header.attendees.map { group in
                var entry: [String: Any] = ["people": group.personNames.joined(separator: ", ")]
                entry["partner"] = group.partnerName
                return entry
            },
            "elsewhere": header.elsewhere.map { zone in
                [
                    "timeZone": zone.timeZone.identifier,
                    "when": AgendaText.span(zone.localStart, zone.localEnd),
                    "utcOffset": zone.utcOffset,
                    "people": zone.personNames.joined(separator: ", "),
                ]
            },
        ]
        view["location"] = header.location
        view["onlineURL"] = header.onlineMeetingURL?.absoluteString
        view["organizer"] = header.organizerName
        if header.location != nil || header.onlineMeetingURL != nil { view["hasPlace"] = true }
        if !header.attendees.isEmpty { view["hasAttendees"] = true }
        if !agenda.standingItems.isEmpty { view["hasStandingItems"] = true }
        if !agenda.items.isEmpty { view["hasItems"] = true }
        if !agenda.actions.isEmpty { view["hasActions"] = true }
        if !agenda.actions.overdue.isEmpty { view["hasOverdue"] = true }
        if !agenda.actions.byOwner.isEmpty { view["hasOwners"] = true }
        if agenda.isEmpty { view["isEmpty"] = true }
        if agenda.isOverfull {
            view["overfull"] = ["overBy": agenda.scheduledMinutes - agenda.meetingMinutes]
        }
        switch header.status {
        case .scheduled:
            break
        case .moved(let from, let reason):
            var moved: [String: Any] = ["from": "\(AgendaText.longDate(from.date)), \(AgendaText.time(from.time))"]
            moved["reason"] = reason
            view["moved"] = moved
        case .cancelled(let reason), .skipped(let reason):
            var cancelled: [String: Any] = [:]
            cancelled["reason"] = reason
            view["cancelled"] = cancelled
        }
        if header.attendance.hasAnswers {
            view["attendance"] = attendance(header.attendance)
        }
        if let scorecard = agenda.scorecard {
            view["scorecard"] = ["indicators": scorecard.map(indicator)]
            if scorecard.isEmpty { view["scorecardEmpty"] = true }
        }
        return view
    }

    private var items: [[String: Any]] {
        agenda.items.enumerated().map { index, item in
            var entry: [String: Any] = [
                "number": index + 1,
                "title": item.title,
                "start": AgendaText.time(item.localStart.time),
                "offset": item.offsetMinutes,
            ]
            entry["presenter"] = item.presenterName
            entry["minutes"] = item.minutes
            entry["notes"] = item.notes
            return entry
        }
    }

    /// The meeting's time against the items' minutes, as `rhythm agenda list` shows it.
    private var budget: [String: Any] {
        let budget = agenda.budget
        var entry: [String: Any] = [
            "meetingMinutes": budget.meetingMinutes,
            "plannedMinutes": budget.plannedMinutes,
            "text": budget.summary,
        ]
        if budget.balance > 0 { entry["spare"] = budget.balance }
        if budget.isOverfull { entry["overBy"] = -budget.balance }
        if !budget.unsizedItems.isEmpty {
            entry["unsized"] = [
                "count": budget.unsizedItems.count,
                "titles": budget.unsizedItems.map(\.title).joined(separator: ", "),
            ]
        }
        return entry
    }

    /// The answers so far; only shown once someone has answered, so an agenda sent before
    /// anyone could answer does not list everybody as "no answer yet".
    private func attendance(_ summary: AttendanceSummary) -> [String: Any] {
        var entry: [String: Any] = [
            "confirmed": summary.confirmedCount,
            "invited": summary.invitedCount,
            "summary": "\(summary.confirmedCount) of \(summary.invitedCount) confirmed",
            "apologies": summary.apologies.map { apology in
                var apologyEntry: [String: Any] = ["person": apology.personName]
                apologyEntry["partner"] = apology.partnerName
                apologyEntry["note"] = apology.note
                apologyEntry["delegate"] = apology.delegateName
                return apologyEntry
            },
        ]
        if !summary.apologies.isEmpty { entry["hasApologies"] = true }
        if !summary.tentativeNames.isEmpty { entry["tentative"] = summary.tentativeNames.joined(separator: ", ") }
        if !summary.notAnsweredNames.isEmpty {
            entry["notAnswered"] = summary.notAnsweredNames.joined(separator: ", ")
        }
        return entry
    }

    private func action(_ action: ActionReview) -> [String: Any] {
        var entry: [String: Any] = [
            "id": String(action.id),
            "title": action.title,
            "owner": action.ownerName,
            "status": action.status.rawValue,
        ]
        entry["partner"] = action.partnerName
        entry["due"] = action.due.map(AgendaText.shortDate)
        entry["dueISO"] = action.due?.description
        if let days = action.daysOverdue {
            entry["daysOverdue"] = days
            entry["overdueText"] = "\(AgendaText.count(days, "day", "days")) overdue"
        }
        if action.status != .open { entry["statusNote"] = action.status.rawValue }
        return entry
    }

    private func indicator(_ standing: IndicatorStanding) -> [String: Any] {
        let indicator = standing.indicator
        var entry: [String: Any] = [
            "id": indicator.id,
            "name": indicator.name,
            "unit": indicator.unit,
            "direction": indicator.direction == .higherIsBetter ? "higher is better" : "lower is better",
            "period": standing.period.description,
            "previousPeriod": standing.previousPeriod.description,
            "owner": standing.ownerName,
        ]
        entry["target"] = indicator.target.map { AgendaText.quantity($0, unit: indicator.unit) }
        entry["value"] = standing.value.map { AgendaText.quantity($0, unit: indicator.unit) }
        entry["previousValue"] = standing.previousValue.map { AgendaText.quantity($0, unit: indicator.unit) }
        entry["note"] = standing.note
        entry["due"] = standing.dueDate.map(AgendaText.shortDate)
        if let trend = standing.trend, let assessment = standing.assessment {
            let arrow = ["up": "↑", "down": "↓", "flat": "→"][trend.rawValue] ?? ""
            entry["trend"] = [
                "direction": trend.rawValue, "arrow": arrow, "assessment": assessment.rawValue,
                "text": assessment == .unchanged ? "\(arrow) unchanged" : "\(arrow) \(assessment.rawValue)",
            ]
        }
        switch standing.isOnTrack {
        case true?: entry["onTrack"] = true
        case false?: entry["offTrack"] = true
        case nil: break
        }
        switch standing.data {
        case .recorded:
            entry["recorded"] = true
            entry["standing"] =
                standing.isOnTrack.map { $0 ? "on track" : "off track" } ?? "no target"
        case .missing:
            entry["missing"] = true
            entry["standing"] =
                "missing: \(standing.ownerName) owes the \(standing.period) value"
                + (standing.dueDate.map { ", due \(AgendaText.shortDate($0))" } ?? "")
        case .late:
            entry["late"] = true
            entry["standing"] =
                "late: \(standing.ownerName) owes the \(standing.period) value"
                + (standing.dueDate.map { ", due \(AgendaText.shortDate($0))" } ?? "")
        }
        return entry
    }
}
