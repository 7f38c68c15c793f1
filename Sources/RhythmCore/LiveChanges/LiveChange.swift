import Foundation

/// A change to one meeting made while the rhythm runs (from the console, the API), kept in
/// the database and layered over the configuration file, which stays the source of the
/// rhythm itself: see `LiveLayering`.
public struct LiveChange: Hashable, Sendable, Identifiable {
    /// What the change does.
    public enum Kind: Hashable, Sendable {
        /// The occurrence the rule put on `originalDate` does not take place; people see it
        /// cancelled, with the reason.
        case cancel(originalDate: LocalDate, reason: String?)
        /// The occurrence the rule put on `originalDate` happens at another time and/or place.
        case move(originalDate: LocalDate, OccurrenceChange)
        /// A meeting the rule does not have, at `start` (local time in the series' zone).
        case extra(start: LocalDateTime, location: String?, reason: String?)

        /// The date the change is known by: the occurrence's original date, or the extra
        /// meeting's own date. One series has at most one current live change per date.
        public var date: LocalDate {
            switch self {
            case .cancel(let date, _), .move(let date, _): date
            case .extra(let start, _, _): start.date
            }
        }

        /// `cancel`, `move` or `extra`: the word the API, the store and the command line use.
        public var name: String {
            switch self {
            case .cancel: "cancel"
            case .move: "move"
            case .extra: "extra"
            }
        }

        /// Why the meeting changed, when someone said.
        public var reason: String? {
            switch self {
            case .cancel(_, let reason), .extra(_, _, let reason): reason
            case .move(_, let change): change.reason
            }
        }
    }

    public let id: Int64
    public let seriesID: String
    public let kind: Kind
    /// Who made the change, as the audit trail names them (`console:alice`, `api:portal`).
    public let actor: String
    public let createdAt: Date
    /// When the change was restored (ended); nil while it is in force. An ended change stays
    /// in the store as history and is no longer layered.
    public let endedAt: Date?
    /// Who restored it.
    public let endedBy: String?
    /// Whether the attendees were to be told by e-mail.
    public let notifiesAttendees: Bool

    public init(
        id: Int64, seriesID: String, kind: Kind, actor: String, createdAt: Date, endedAt: Date? = nil,
        endedBy: String? = nil, notifiesAttendees: Bool = false
    ) {
        self.id = id
        self.seriesID = seriesID
        self.kind = kind
        self.actor = actor
        self.createdAt = createdAt
        self.endedAt = endedAt
        self.endedBy = endedBy
        self.notifiesAttendees = notifiesAttendees
    }

    /// Whether the change is in force (not restored).
    public var isCurrent: Bool { endedAt == nil }
}
