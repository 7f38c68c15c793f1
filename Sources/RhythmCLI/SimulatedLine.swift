import Foundation
import RhythmCore
import RhythmDaemon
import RhythmStore

/// One line of `rhythm simulate`: a message as a person reads it.
struct SimulatedLine: Encodable {
    /// Whether the message goes out now, later in the window, or not at all.
    enum Status: String, Encodable {
        case dueNow = "due-now"
        case planned
        case skipped
    }

    let status: Status
    let key: String
    /// The Message-ID (e-mail) or `webhook-id` it goes out with.
    let messageID: String
    /// On the recipient's clock, with its offset.
    let due: String
    let channel: String
    let recipient: String
    /// reminder, agenda, digest, invitation or cancellation.
    let kind: String
    let about: String
    /// Why it was moved or is skipped, and why it is not sent when its recipient's address
    /// bounces; nil when it goes out as its rule planned it.
    let note: String?
    /// What a digest gathers, one line each; empty for anything else.
    let items: [String]

    enum CodingKeys: String, CodingKey {
        case status, key, messageID = "message_id", due, channel, recipient, kind, about, note, items
    }

    init(
        reminder: Reminder, initiative: Initiative, status: Status = .planned, note: String? = nil,
        notSent: String? = nil
    ) {
        self.status = status
        key = reminder.key
        messageID = OutboxEntry.messageID(forKey: reminder.key)
        channel = reminder.channel.id
        let (zone, recipient) = Self.recipient(reminder.recipient, in: initiative)
        self.recipient = recipient
        due = Self.time(reminder.due, in: zone)
        kind = reminder.content.rawValue
        about = Self.about(reminder)
        let reason =
            note ?? reminder.adjustment.map { "moved from \(Self.time($0.plannedDue, in: zone)): \($0.reason)" }
        let notes = [reason, notSent].compactMap { $0 }
        self.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        if case .digest(let members) = reminder.subject {
            items = members.map { member in
                Self.about(member)
                    + (member.adjustment.map { " (moved from \(Self.time($0.plannedDue, in: zone)): \($0.reason))" }
                        ?? "")
            }
        } else {
            items = []
        }
    }

    init(skipped: SkippedReminder, initiative: Initiative) {
        self.init(reminder: skipped.reminder, initiative: initiative, status: .skipped, note: skipped.reason)
    }

    init(message: DispatchPreview.Message, initiative: Initiative) {
        switch message.content {
        case .reminder(let reminder):
            self.init(reminder: reminder, initiative: initiative, status: .dueNow, notSent: message.notSent)
        case .invitation(let kind, let seriesID, let title, let personID):
            let (zone, recipient) = Self.recipient(.person(personID), in: initiative)
            let (word, about): (String, String)
            switch kind {
            case .request:
                (word, about) = ("invitation", "invitation: \(title) (\(seriesID))")
            case .cancelOccurrence(let originalStart):
                (word, about) = (
                    "cancellation", "cancellation: \(title), \(OccurrenceText.dayAndDate(originalStart.date))"
                )
            case .cancelSeries:
                (word, about) = ("cancellation", "cancellation of the whole series: \(title) (\(seriesID))")
            }
            self.init(
                status: .dueNow, key: message.key, messageID: message.messageID, due: Self.time(message.due, in: zone),
                channel: message.channelID, recipient: recipient, kind: word, about: about, note: message.notSent,
                items: [])
        }
    }

    private init(
        status: Status, key: String, messageID: String, due: String, channel: String, recipient: String,
        kind: String, about: String, note: String?, items: [String]
    ) {
        self.status = status
        self.key = key
        self.messageID = messageID
        self.due = due
        self.channel = channel
        self.recipient = recipient
        self.kind = kind
        self.about = about
        self.note = note
        self.items = items
    }

    /// The row of the text table: a digest's items and the note follow what it is about.
    var textRow: [String] {
        let gathered = items.isEmpty ? "" : ": " + items.joined(separator: "; ")
        return [due, channel, recipient, about + gathered + (note.map { " (\($0))" } ?? "")]
    }

    /// The recipient's zone and how they are shown.
    private static func recipient(_ recipient: Reminder.Recipient, in initiative: Initiative) -> (TimeZone, String) {
        switch recipient {
        case .person(let id):
            let person = initiative.people.first { $0.id == id }
            return (person?.timeZone ?? initiative.timeZone, person.map { "\($0.name) <\($0.email)>" } ?? id)
        case .channel(let id):
            return (initiative.timeZone, "#\(id)")
        }
    }

    private static func time(_ instant: Date, in zone: TimeZone) -> String {
        let local = zone.wallClock(at: instant)
        return
            "\(OccurrenceText.dayAndDate(local.date)) \(OccurrenceText.hourMinute(local.time)) \(zone.offsetText(at: instant))"
    }

    static func about(_ reminder: Reminder) -> String {
        switch reminder.subject {
        case .meeting(let occurrence):
            let what = reminder.content == .agenda ? "agenda" : "reminder"
            return "\(what): \(occurrence.series.title), \(OccurrenceText.when(occurrence))"
        case .action(let action):
            let due = action.due.map { ", due \($0)" } ?? ""
            let stage = reminder.repetition > 0 ? "overdue action (\(reminder.repetition))" : "action due soon"
            return "\(stage): #\(action.id) \(action.title)\(due)"
        case .indicator(let standing, let review):
            let stage = reminder.repetition > 0 ? "indicator data late (\(reminder.repetition))" : "indicator data due"
            return
                "\(stage): \(standing.indicator.name), \(standing.period), for the review of \(review.localStart.date)"
        case .digest(let members):
            return "daily digest of \(Plural.phrase(members.count, "reminder"))"
        case .quorum(let standing):
            let quorum = standing.quorum.count
            return "quorum at risk: \(standing.occurrence.series.title), \(OccurrenceText.when(standing.occurrence)) "
                + "(\(standing.confirmed) of \(Plural.phrase(quorum.needed, quorum.unit)) confirmed)"
        }
    }
}
