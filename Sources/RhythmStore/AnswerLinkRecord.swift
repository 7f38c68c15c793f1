import Foundation

/// What the store knows about one answer link, without the secret: only its hash is stored,
/// and that stays inside the store.
public struct AnswerLinkRecord: Hashable, Sendable {
    /// The store's id, for tying form submissions and undo records to the link.
    public let id: Int64
    /// A short random name for the link, safe to show and to type into `rhythm link revoke`.
    public let publicID: String
    /// The one person the link acts for.
    public let personID: String
    /// What the link acts on.
    public let subject: AnswerLinkSubject
    public let createdAt: Date
    /// When the link stops working; nil when its subject decides (an action's link lives
    /// until a while after the action is closed).
    public let expiresAt: Date?
    /// When the link was revoked; nil while it works.
    public let revokedAt: Date?
    /// When an answer was last given through it, to within a minute; nil if never.
    public let lastUsedAt: Date?

    /// Describes a link; the store makes these, tests and tools may compare them.
    public init(
        id: Int64, publicID: String, personID: String, subject: AnswerLinkSubject, createdAt: Date, expiresAt: Date?,
        revokedAt: Date?, lastUsedAt: Date?
    ) {
        self.id = id
        self.publicID = publicID
        self.personID = personID
        self.subject = subject
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the link opens its page at `now`, as far as the store can tell.
    public func isActive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}

/// A newly issued answer link: the only moment its secret exists outside the message that
/// carries it. Its descriptions leave the secret out.
public struct IssuedAnswerLink: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret that goes into the URL: 43 base64url characters carrying 256 random bits.
    public let token: String
    public let record: AnswerLinkRecord

    /// `answer link k7qm2xw9ta for person:ann (attendance leadership-table/2027-02-09)`.
    public var description: String {
        "answer link \(record.publicID) for person:\(record.personID) (\(record.subject))"
    }

    public var debugDescription: String { description }

    /// The link as people click it: `<base>/me/<token>` for the person's page,
    /// `<base>/a/<token>` for everything else; `base` has no trailing slash.
    public func url(base: String) -> String {
        Self.path(for: record.subject, token: token, base: base)
    }

    /// The path a link with `subject` and `token` has under `base`.
    public static func path(for subject: AnswerLinkSubject, token: String, base: String) -> String {
        subject == .page ? "\(base)/me/\(token)" : "\(base)/a/\(token)"
    }
}
