import Foundation
import GRDB

/// A signed-in console session as the store keeps it: never its secret, only the hash.
public struct ConsoleSession: Hashable, Sendable {
    /// The row id.
    public let id: Int64
    /// The first 8 hex digits of the secret's hash: names the session in listings and in
    /// `rhythm console revoke` without revealing anything that signs in.
    public let publicID: String
    public let personID: String
    public let createdAt: Date
    public let lastSeenAt: Date
    /// The absolute end: the session never outlives it, however busy.
    public let expiresAt: Date
    /// The token every console form carries; worthless without the session's cookie.
    public let csrfToken: String
    public let endedAt: Date?
    /// `console:<person>` for a sign-out, or whoever revoked it.
    public let endedBy: String?

    /// When the session ends if nothing is done in it, by `policy`: the idle end, or the
    /// absolute one when that comes first.
    public func idleExpiry(_ policy: ConsoleSessionPolicy) -> Date {
        min(lastSeenAt.addingTimeInterval(policy.idleLifetime), expiresAt)
    }

    /// Whether the session still signs in at `now`.
    public func isActive(at now: Date, policy: ConsoleSessionPolicy) -> Bool {
        endedAt == nil && now < idleExpiry(policy)
    }

    init(row: Row) {
        id = row["id"]
        let hash: String = row["token_hash"]
        publicID = String(hash.prefix(Self.publicIDLength))
        personID = row["person_id"]
        createdAt = row["created_at"]
        lastSeenAt = row["last_seen_at"]
        expiresAt = row["expires_at"]
        csrfToken = row["csrf_token"]
        endedAt = row["ended_at"]
        endedBy = row["ended_by"]
    }

    /// How many hex digits of the hash a public id shows.
    public static let publicIDLength = 8
}

/// A session just started: the secret for the cookie (its only copy) and the session.
public struct StartedConsoleSession: Sendable {
    /// Goes into the cookie and nowhere else.
    public let token: String
    public let session: ConsoleSession
}

/// How long console sign-in links and sessions live.
public struct ConsoleSessionPolicy: Hashable, Sendable {
    /// A sign-in link works this long after it is issued, once.
    public var signInLinkLifetime: TimeInterval
    /// A session ends after this long without a request.
    public var idleLifetime: TimeInterval
    /// A session ends this long after sign-in, however busy.
    public var absoluteLifetime: TimeInterval

    /// 15 minutes, 8 hours, 7 days: a link is used at once or not at all; a working day
    /// without signing in again; a week at most before a fresh link proves the mailbox again.
    public init(
        signInLinkLifetime: TimeInterval = 15 * 60, idleLifetime: TimeInterval = 8 * 3600,
        absoluteLifetime: TimeInterval = 7 * 24 * 3600
    ) {
        self.signInLinkLifetime = signInLinkLifetime
        self.idleLifetime = idleLifetime
        self.absoluteLifetime = absoluteLifetime
    }
}

/// Which sessions `revokeConsoleSessions` ends.
public enum ConsoleSessionSelection: Hashable, Sendable {
    /// The active sessions whose public id starts with this prefix.
    case publicIDPrefix(String)
    /// Every active session of one person.
    case person(String)
    /// Every active session.
    case all
}
