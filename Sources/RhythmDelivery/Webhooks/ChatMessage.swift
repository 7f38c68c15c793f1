import Foundation
import RhythmCore

/// What a chat reminder says, independent of the chat system: the payload builders turn it into
/// each system's JSON and escape every piece of it for that system.
public struct ChatMessage: Hashable, Sendable {
    /// The headline, such as the meeting's name and what is due.
    public var title: String
    /// Body lines, one paragraph each; user text, escaped by each builder.
    public var lines: [String]
    /// When the meeting starts, if the reminder is about a meeting.
    public var meetingStart: Date?
    /// The channel's time zone: the meeting time is shown in it.
    public var timeZone: TimeZone
    /// Where to read more (the agenda page); only `http` and `https` links are ever shown.
    public var link: URL?
    /// The label of the link.
    public var linkLabel: String
    /// The people to mention, by their handles in each chat system.
    public var mentions: [ChatHandles]
    /// The answer buttons the post offers, on channels that can verify who pressed them.
    public var answers: [ChatAnswer]
    /// Rhythm's public base URL (`service.public_url`), where a chat system sends the
    /// presses of buttons that name their own address (Mattermost's).
    public var serviceURL: String?

    public init(
        title: String,
        lines: [String] = [],
        meetingStart: Date? = nil,
        timeZone: TimeZone = .gmt,
        link: URL? = nil,
        linkLabel: String = "Open",
        mentions: [ChatHandles] = [],
        answers: [ChatAnswer] = [],
        serviceURL: String? = nil
    ) {
        self.title = title
        self.lines = lines
        self.meetingStart = meetingStart
        self.timeZone = timeZone
        self.link = link
        self.linkLabel = linkLabel
        self.mentions = mentions
        self.answers = answers
        self.serviceURL = serviceURL
    }

    /// The link when it is safe to show: `http` or `https` with a host.
    var safeLink: URL? {
        guard let link, let scheme = link.scheme?.lowercased(), scheme == "https" || scheme == "http",
            link.host != nil
        else { return nil }
        return link
    }

    /// The meeting time in the channel's zone, such as `Tuesday 1 December 2026, 14:00 (Europe/Berlin)`,
    /// spelt the same on every machine whatever its locale.
    var meetingTimeText: String? {
        guard let meetingStart else { return nil }
        let local = timeZone.wallClock(at: meetingStart)
        let time = String(local.time.description.prefix(5))
        return
            "\(local.date.weekday.name) \(local.date.day) \(local.date.monthName) \(local.date.year), \(time) (\(timeZone.identifier))"
    }

    /// Handles that are safe to place inside a mention token: letters, digits and `._-@`, so that a
    /// handle can never close the token and inject markup.
    static func safeHandles(_ handles: [String?]) -> [String] {
        var seen = Set<String>()
        return handles.compactMap { handle in
            guard let handle, !handle.isEmpty, handle.count <= 128,
                handle.unicodeScalars.allSatisfy({
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0))
                }),
                seen.insert(handle).inserted
            else { return nil }
            return handle
        }
    }
}
