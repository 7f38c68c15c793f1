import Foundation
import RhythmCore
import RhythmStore

/// "Stop reminders like this": an opt-out of one reminder rule, also reached as the
/// `List-Unsubscribe` URL with a one-click POST (RFC 8058).
enum OptOutAnswer {
    /// The body a mailbox provider posts for one-click unsubscribe, and nothing else.
    static let oneClickBody = ["List-Unsubscribe": "One-Click"]

    static func view(_ rule: ReminderRule, visit: Visit, store: AppDatabase) throws -> View {
        var view = visit.baseView(title: "Stop these reminders?")
        view["explanation"] = "You will no longer get \(RuleText.describe(rule, in: visit.initiative))."
        view["alreadyOff"] = try store.reminderOptOuts(personID: visit.person.id).contains { $0.ruleID == rule.id }
        return view
    }

    /// Opts the person out of rule `ruleID`; nothing changes if they already were.
    static func apply(ruleID: String, visit: Visit, store: AppDatabase) throws -> AppliedAnswer {
        let wasOptedOut = try store.reminderOptOuts(personID: visit.person.id).contains { $0.ruleID == ruleID }
        _ = try store.addReminderOptOut(personID: visit.person.id, ruleID: ruleID, actor: visit.actor, now: visit.now)
        let name = visit.initiative.reminderRules.first { $0.id == ruleID }.map {
            RuleText.describe($0, in: visit.initiative)
        }
        return AppliedAnswer(
            summary: "You will no longer get \(name ?? "these reminders"). You can resume them on your page.",
            change: .optOut(ruleID: ruleID, wasOptedOut: wasOptedOut))
    }

    /// Resumes the reminders of rule `ruleID` for the person.
    static func resume(ruleID: String, visit: Visit, store: AppDatabase) throws -> AppliedAnswer {
        try store.removeReminderOptOut(personID: visit.person.id, ruleID: ruleID, actor: visit.actor, now: visit.now)
        let name = visit.initiative.reminderRules.first { $0.id == ruleID }.map {
            RuleText.describe($0, in: visit.initiative)
        }
        return AppliedAnswer(
            summary: "You will get \(name ?? "these reminders") again.",
            change: .optOut(ruleID: ruleID, wasOptedOut: true))
    }
}

/// A reminder rule in words: `reminders of Leadership table meetings, 2 days before (rule
/// week-before)`.
enum RuleText {
    static func describe(_ rule: ReminderRule, in initiative: Initiative) -> String {
        let about: String
        switch rule.subject {
        case .meetings(let seriesIDs):
            let titles = seriesIDs.compactMap { id in initiative.series.first { $0.id == id }?.title }
            about = titles.isEmpty ? "meetings" : titles.joined(separator: ", ") + " meetings"
        case .actions:
            about = "your actions"
        case .indicators:
            about = "indicator data"
        }
        let what = rule.content == .agenda ? "agendas" : "reminders"
        let when: String
        switch rule.trigger {
        case .before(let offset):
            let unit = offset.unit.rawValue.replacingOccurrences(of: "-", with: " ")
            when = "\(offset.amount) \(offset.amount == 1 ? String(unit.dropLast()) : unit) before"
        case .overdue:
            when = "once overdue"
        }
        return "\(what) about \(about), \(when) (rule \(rule.id))"
    }
}
