import Foundation

/// What the store knows about one API token, without the secret or its hash.
public struct APITokenRecord: Hashable, Sendable {
    /// A short random name for the token, safe to show and to type into
    /// `rhythm api-token revoke`; knowing it gives no access.
    public let publicID: String
    /// What the token is for, such as `partner portal`.
    public let name: String
    public let scope: APIScope
    /// The partner whose records alone the token may see and change; nil for all.
    public let partnerID: String?
    public let createdAt: Date
    /// When the token stopped working; nil while it works.
    public let revokedAt: Date?
    /// When it was last presented, to within `AppDatabase.lastUsedResolution`; nil if never.
    public let lastUsedAt: Date?

    /// Whether the token still works.
    public var isActive: Bool { revokedAt == nil }

    /// Describes a token; the store makes these, tests and tools may compare them.
    public init(
        publicID: String, name: String, scope: APIScope, partnerID: String?, createdAt: Date, revokedAt: Date?,
        lastUsedAt: Date?
    ) {
        self.publicID = publicID
        self.name = name
        self.scope = scope
        self.partnerID = partnerID
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}
