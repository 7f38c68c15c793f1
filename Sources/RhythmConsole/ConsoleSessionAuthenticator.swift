import Foundation
import Hummingbird
import HummingbirdAuth
import NIOPosix
import RhythmCore
import RhythmStore

/// Finds the console session a request's cookie names and sets the context's identity.
///
/// Sessions live in Rhythm's own table (`console_session`), not behind hummingbird-auth's
/// `SessionMiddleware`: that middleware's storage is a key-value `PersistDriver` with one TTL,
/// which cannot express an idle end and an absolute end together, nor list or revoke the
/// sessions of a person, nor audit a sign-in in the same transaction that spends its link.
/// The authentication protocol (`AuthenticatorMiddleware`, `AuthRequestContext`) is the
/// library's, so the guard and the pages read `context.identity` as with any authenticator.
///
/// A session only signs in while its person is still `console: true` in the current
/// configuration: taking the flag away ends their access at the next request.
public struct ConsoleSessionAuthenticator<Parent: RequestContext>: AuthenticatorMiddleware {
    public typealias Context = ConsoleRequestContext<Parent>

    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let policy: ConsoleSessionPolicy
    let now: @Sendable () -> Date

    public init(
        store: AppDatabase, initiative: @escaping @Sendable () -> Initiative, policy: ConsoleSessionPolicy,
        now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.initiative = initiative
        self.policy = policy
        self.now = now
    }

    public func authenticate(request: Request, context: Context) async throws -> ConsoleIdentity? {
        guard let token = ConsoleCookie.token(of: request) else { return nil }
        let (store, policy, instant) = (self.store, self.policy, now())
        let session = try await NIOThreadPool.singleton.runIfActive {
            try store.consoleSession(token: token, now: instant, policy: policy)
        }
        guard let session,
            let person = initiative().people.first(where: { $0.id == session.personID && $0.consoleAccess })
        else { return nil }
        return ConsoleIdentity(person: person, session: session)
    }
}
