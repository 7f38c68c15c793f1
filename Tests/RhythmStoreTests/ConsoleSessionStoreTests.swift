import Foundation
import GRDB
import RhythmCore
import Testing

@testable import RhythmStore

/// The console's sign-in links and sessions: single use, idle and absolute ends, revocation,
/// and the audit of each change.
@Suite struct ConsoleSessionStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let policy = ConsoleSessionPolicy()

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    private func signIn(_ personID: String = "priya", at now: Date = .reference) throws -> StartedConsoleSession {
        let link = try database.issueConsoleSignInLink(personID: personID, now: now)
        return try #require(try database.startConsoleSession(signInToken: link, now: now))
    }

    @Test("a sign-in link works once, and only its hash is in the file")
    func singleUse() throws {
        let link = try database.issueConsoleSignInLink(personID: "priya", now: .reference)
        #expect(try database.consoleSignInLinkPerson(token: link, now: .reference + 60) == "priya")
        let started = try #require(try database.startConsoleSession(signInToken: link, now: .reference + 60))
        #expect(started.session.personID == "priya")
        #expect(try database.startConsoleSession(signInToken: link, now: .reference + 61) == nil)
        #expect(try database.consoleSignInLinkPerson(token: link, now: .reference + 61) == nil)
        let stored = try DatabaseQueue(path: directory.databasePath).read { db in
            try String.fetchAll(
                db, sql: "SELECT token_hash FROM console_sign_in_link UNION ALL SELECT token_hash FROM console_session")
        }
        #expect(!stored.contains(link) && !stored.contains(started.token))
        #expect(stored.contains(FeedToken.hash(link)) && stored.contains(FeedToken.hash(started.token)))
    }

    @Test("a sign-in link stops working 15 minutes after it was issued")
    func linkExpires() throws {
        let link = try database.issueConsoleSignInLink(personID: "priya", now: .reference)
        #expect(try database.startConsoleSession(signInToken: link, now: .reference + 15 * 60) == nil)
        let fresh = try database.issueConsoleSignInLink(personID: "priya", now: .reference)
        #expect(try database.startConsoleSession(signInToken: fresh, now: .reference + 15 * 60 - 1) != nil)
    }

    @Test("a link refused because its person may no longer sign in stays unused")
    func refusedPersonKeepsLink() throws {
        let link = try database.issueConsoleSignInLink(personID: "priya", now: .reference)
        #expect(try database.startConsoleSession(signInToken: link, now: .reference, mayUse: { _ in false }) == nil)
        #expect(try database.consoleSignInLinkPerson(token: link, now: .reference) == "priya")
    }

    @Test("a session ends after 8 hours without a request, and each request moves that end")
    func idleEnd() throws {
        let started = try signIn()
        let token = started.token
        let seen = try #require(try database.consoleSession(token: token, now: .reference + 7 * 3600, policy: policy))
        #expect(seen.lastSeenAt == .reference + 7 * 3600)
        #expect(try database.consoleSession(token: token, now: .reference + 15 * 3600 - 1, policy: policy) != nil)
        #expect(try database.consoleSession(token: token, now: .reference + 23 * 3600, policy: policy) == nil)
    }

    @Test("a session ends 7 days after sign-in however busy it is")
    func absoluteEnd() throws {
        let started = try signIn()
        var now = Date.reference
        while now < .reference + 7 * 24 * 3600 - 6 * 3600 {
            now += 6 * 3600
            #expect(try database.consoleSession(token: started.token, now: now, policy: policy) != nil)
        }
        #expect(
            try database.consoleSession(token: started.token, now: .reference + 7 * 24 * 3600, policy: policy) == nil)
        #expect(try database.activeConsoleSessions(now: .reference + 7 * 24 * 3600).isEmpty)
    }

    @Test("signing out ends the session, audited as its person")
    func signOut() throws {
        let started = try signIn()
        #expect(try database.endConsoleSession(id: started.session.id, now: .reference + 60))
        #expect(try database.consoleSession(token: started.token, now: .reference + 61) == nil)
        #expect(try !database.endConsoleSession(id: started.session.id, now: .reference + 62))
        let audit = try database.auditEntries(entity: "console-session", entityID: started.session.id, limit: 10)
        #expect(audit.map(\.change) == ["signed-out", "signed-in"])
        #expect(audit.map(\.actor) == ["console:priya", "console:priya"])
    }

    @Test("revoking by id prefix, by person and all ends exactly those sessions, audited by the revoker")
    func revoke() throws {
        let first = try signIn("priya")
        let second = try signIn("priya")
        let third = try signIn("tom")
        let byPrefix = try database.revokeConsoleSessions(
            .publicIDPrefix(first.session.publicID.uppercased()), actor: "cli:root", now: .reference + 1)
        #expect(byPrefix.map(\.id) == [first.session.id])
        #expect(try database.consoleSession(token: first.token, now: .reference + 2) == nil)
        #expect(try database.consoleSession(token: second.token, now: .reference + 2) != nil)
        let byPerson = try database.revokeConsoleSessions(.person("priya"), actor: "cli:root", now: .reference + 3)
        #expect(byPerson.map(\.id) == [second.session.id])
        #expect(try database.activeConsoleSessions(now: .reference + 4).map(\.id) == [third.session.id])
        #expect(
            try database.revokeConsoleSessions(.all, actor: "cli:root", now: .reference + 5).map(\.id) == [
                third.session.id
            ])
        #expect(try database.activeConsoleSessions(now: .reference + 6).isEmpty)
        let audit = try database.auditEntries(entity: "console-session", entityID: third.session.id, limit: 10)
        #expect(audit.first?.change == "revoked")
        #expect(audit.first?.actor == "cli:root")
    }

    @Test("a sign-in message in the outbox survives a planning pass over its due time")
    func signInMessageIsNotWithdrawn() throws {
        try database.enqueueConsoleSignIn(personID: "priya", channelID: "mail", subject: "Sign in", now: .reference)
        try database.enqueue(
            [], plannedWindow: DateInterval(start: .reference - 3600, end: .reference + 3600), now: .reference)
        let entries = try database.outboxEntries(status: .pending)
        #expect(entries.count == 1)
        #expect(entries.first?.consoleSignInPersonID == "priya")
        #expect(entries.first?.subject == "Sign in")
        #expect(entries.first?.usefulUntil == .reference + 15 * 60)
    }
}
