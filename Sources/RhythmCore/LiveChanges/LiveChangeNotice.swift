import Foundation

/// The e-mail that tells one attendee what a live change did to a meeting, when the change
/// asked for it: one per attendee with an e-mail address, through the initiative's first
/// e-mail channel, under a key made of the change and the recipient, so the outbox holds it
/// exactly once whatever happens next.
public struct LiveChangeNotice: Hashable, Sendable {
    /// How every notice's outbox key starts: the planner leaves such entries alone.
    public static let keyPrefix = "notice:"

    public let key: String
    public let personID: String
    public let channelID: String
    public let subject: String
    public let text: String

    /// The notices `change` calls for in `initiative` (the file's: who attends and which
    /// channels exist); none when it did not ask to notify or there is no e-mail channel.
    public static func notices(for change: LiveChange, in initiative: Initiative) -> [LiveChangeNotice] {
        guard change.notifiesAttendees,
            let series = initiative.series.first(where: { $0.id == change.seriesID }),
            let channel = initiative.channels.first(where: { if case .email = $0.kind { true } else { false } })
        else { return [] }
        let (subject, text) = words(for: change, series: series)
        let people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
        return initiative.attendeeIDs(of: series).compactMap { people[$0] }.filter { !$0.email.isEmpty }.map { person in
            LiveChangeNotice(
                key: "\(keyPrefix)live-change-\(change.id)|person:\(person.id)|\(channel.id)", personID: person.id,
                channelID: channel.id, subject: subject, text: text)
        }
    }

    /// "Weekly on 2026-12-08 is cancelled: Chair ill", and the body that says the same.
    private static func words(for change: LiveChange, series: MeetingSeries) -> (String, String) {
        let subject: String
        switch change.kind {
        case .cancel(let date, _):
            subject = "\(series.title) on \(date) is cancelled"
        case .move(let date, let move):
            let time = move.start.map { " to \(text($0))" } ?? ""
            let place = move.location.map { " at \($0)" } ?? ""
            subject = "\(series.title) on \(date) is moved\(time)\(place)"
        case .extra(let start, let location, _):
            subject = "Extra meeting: \(series.title) on \(text(start))" + (location.map { " at \($0)" } ?? "")
        }
        let reason = change.kind.reason.map { ": \($0)" } ?? ""
        let zone = " (times in \(series.timeZone.identifier))"
        let body = "\(subject)\(reason).\n\nYour calendar will show the change\(zone)."
        return (subject + reason, body)
    }

    private static func text(_ local: LocalDateTime) -> String {
        "\(local.date) \(local.time.description.prefix(5))"
    }
}
