import Foundation

/// One answer link to issue: for whom, on what, and until when.
public struct AnswerLinkRequest: Hashable, Sendable {
    /// The one person the link acts for.
    public var personID: String
    public var subject: AnswerLinkSubject
    /// When the link stops working; nil when its subject decides (see `AnswerLinkRecord`).
    public var expiresAt: Date?

    public init(personID: String, subject: AnswerLinkSubject, expiresAt: Date?) {
        self.personID = personID
        self.subject = subject
        self.expiresAt = expiresAt
    }
}
