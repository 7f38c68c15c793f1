/// The answer one chat button gives and what it is about: "I'll be there" or "Apologies"
/// for one meeting, "Done" for one action.
///
/// A button carries it as ``value`` (Slack's `value`, Mattermost's `context`), and the
/// button's press brings that text back, so the one spelling here is both what the payload
/// builders write and what the chat endpoints read.
public enum ChatAnswer: Hashable, Sendable {
    /// "I'll be there" for the meeting of `seriesID` the rule put on `occurrenceDate`.
    case attending(seriesID: String, occurrenceDate: LocalDate)
    /// "Apologies" for that meeting.
    case apologies(seriesID: String, occurrenceDate: LocalDate)
    /// The action `actionID` is done.
    case done(actionID: Int64)

    /// The buttons of a post about a meeting: "I'll be there" and "Apologies".
    public static func meeting(seriesID: String, occurrenceDate: LocalDate) -> [ChatAnswer] {
        [
            .attending(seriesID: seriesID, occurrenceDate: occurrenceDate),
            .apologies(seriesID: seriesID, occurrenceDate: occurrenceDate),
        ]
    }

    /// What the button says.
    public var label: String {
        switch self {
        case .attending: "I'll be there"
        case .apologies: "Apologies"
        case .done: "Done"
        }
    }

    /// The answer alone, without its subject: Slack's `action_id`, such as `rhythm-attending`.
    public var kind: String {
        switch self {
        case .attending: "rhythm-attending"
        case .apologies: "rhythm-apologies"
        case .done: "rhythm-done"
        }
    }

    /// Whether the button is the one most people press (shown as primary).
    public var isPrimary: Bool {
        if case .apologies = self { return false }
        return true
    }

    /// The answer and its subject in one line of text: `attending|board|2027-03-09`,
    /// `apologies|board|2027-03-09` or `done|42`. Identifiers hold no `|`.
    public var value: String {
        switch self {
        case .attending(let seriesID, let date): "attending|\(seriesID)|\(date)"
        case .apologies(let seriesID, let date): "apologies|\(seriesID)|\(date)"
        case .done(let actionID): "done|\(actionID)"
        }
    }

    /// Reads a ``value``; nil for any other text.
    public init?(value: String) {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("done", 2):
            guard let id = Int64(parts[1]), id > 0 else { return nil }
            self = .done(actionID: id)
        case ("attending", 3), ("apologies", 3):
            guard !parts[1].isEmpty, let date = LocalDate(iso: parts[2]) else { return nil }
            self =
                parts[0] == "attending"
                ? .attending(seriesID: parts[1], occurrenceDate: date)
                : .apologies(seriesID: parts[1], occurrenceDate: date)
        default:
            return nil
        }
    }

    /// The buttons the post this answer came from offered, so a post can be rebuilt with
    /// them after a press.
    public var buttonsOfItsPost: [ChatAnswer] {
        switch self {
        case .attending(let seriesID, let date), .apologies(let seriesID, let date):
            Self.meeting(seriesID: seriesID, occurrenceDate: date)
        case .done: [self]
        }
    }
}
