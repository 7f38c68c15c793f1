import Foundation

/// What the store knows about one feed token, without the secret: the token itself is never
/// stored, and its hash stays inside the store.
public struct FeedTokenRecord: Hashable, Sendable {
    /// A short random name for the token, safe to show and to type into `rhythm feed revoke`.
    /// Knowing it gives no access to the feed.
    public let publicID: String
    /// Whose feed the token opens.
    public let subject: FeedSubject
    /// When the token was issued.
    public let createdAt: Date
    /// When the token stopped working; nil while it works.
    public let revokedAt: Date?
    /// When a calendar last fetched the feed with it, to within a minute; nil if never.
    public let lastUsedAt: Date?

    /// Whether the token still opens its feed.
    public var isActive: Bool { revokedAt == nil }

    /// Describes a token; the store makes these, tests and tools may compare them.
    public init(publicID: String, subject: FeedSubject, createdAt: Date, revokedAt: Date?, lastUsedAt: Date?) {
        self.publicID = publicID
        self.subject = subject
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}
