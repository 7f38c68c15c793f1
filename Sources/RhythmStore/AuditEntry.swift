import Foundation

/// One change to an action, an agenda item, an indicator result, an attendance answer, a
/// reminder opt-out or a console session: who made it, when, and what the changed fields were before and after.
///
/// Written in the same transaction as the change itself, so the trail can never miss one.
public struct AuditEntry: Hashable, Sendable {
    /// The kinds of record the trail covers, as written in `entity`.
    public static let entities = [
        "action", "agenda-item", "indicator-result", "attendance", "reminder-opt-out", "minutes",
        "occurrence-change", "console-session",
    ]
    /// The kinds of change, as written in `change`: minutes are also `published`; a console
    /// session is `signed-in`, then `signed-out` or `revoked`.
    public static let changes = [
        "created", "updated", "deleted", "published", "signed-in", "signed-out", "revoked",
    ]

    /// Grows with every change; `AppDatabase.changeCounter()` is the largest.
    public let id: Int64
    /// When the change was made.
    public let at: Date
    /// Who made it: `cli:<login>`, `api:<token public id>`, or whatever the caller passed.
    public let actor: String
    /// One of `entities`.
    public let entity: String
    /// The id of the changed record.
    public let entityID: Int64
    /// One of `changes`.
    public let change: String
    /// A JSON object from field name to `{"old": ..., "new": ...}`, with only the fields
    /// that changed (every set field when a record is created or deleted).
    public let details: String

    /// Describes an entry; the store makes these, tests and tools may compare them.
    public init(id: Int64, at: Date, actor: String, entity: String, entityID: Int64, change: String, details: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.entity = entity
        self.entityID = entityID
        self.change = change
        self.details = details
    }
}
