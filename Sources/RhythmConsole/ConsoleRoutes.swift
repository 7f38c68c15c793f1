import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging
import NIOPosix
import RhythmCore
import RhythmStore

/// The console's routes: signing in with a one-time link, signing out, and the signed-in
/// pages under `/console`, each behind ``ConsoleSessionAuthenticator`` and ``ConsoleGuard``.
///
/// The sign-in pages tell no one who may sign in: every address gets the same answer, and
/// every link that does not work the same page. Only a person marked `console: true` with
/// an e-mail channel to reach them gets a message.
public struct ConsoleRoutes: Sendable {
    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let cookie: ConsoleCookie
    /// `service.baseURL`: the origin forms must come from, and where links point.
    let baseURL: String
    let policy: ConsoleSessionPolicy
    let layout: ConsoleLayout
    let limiter: RateLimiter
    let wakeDispatcher: @Sendable () async -> Void
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: where sign-in links, sessions and the outbox live.
    ///   - initiative: the current configuration's initiative, asked for on every request.
    ///   - settings: the service's settings; an https public URL makes the cookie `Secure`.
    ///   - policy: how long links and sessions live.
    ///   - limiter: limits the sign-in requests of one client address (30 in 10 minutes by
    ///     default: enough for a person who mistypes, too few to try addresses).
    ///   - wakeDispatcher: called after a sign-in message is put in the outbox, so it goes at once.
    ///   - now: the clock.
    ///   - logger: for failures inside Rhythm; never an address, token or cookie.
    public init(
        store: AppDatabase,
        initiative: @escaping @Sendable () -> Initiative,
        settings: ServiceSettings,
        policy: ConsoleSessionPolicy = ConsoleSessionPolicy(),
        limiter: RateLimiter = RateLimiter(limit: 30, window: 600),
        wakeDispatcher: @escaping @Sendable () async -> Void = {},
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "rhythm.console")
    ) {
        self.store = store
        self.initiative = initiative
        self.cookie = ConsoleCookie(baseURL: settings.baseURL)
        self.baseURL = settings.baseURL
        self.policy = policy
        self.layout = ConsoleLayout()
        self.limiter = limiter
        self.wakeDispatcher = wakeDispatcher
        self.now = now
        self.logger = logger
    }

    /// Adds the console to `router`: the sign-in pages, sign-out and `GET /console`, then
    /// whatever `pages` adds to the signed-in group (every route there needs a session, and
    /// every POST there the session's CSRF token).
    public func register<Context: RequestContext>(
        on router: Router<Context>,
        pages: (RouterGroup<ConsoleRequestContext<Context>>) -> Void = { _ in }
    ) {
        let open = router.group("/console", context: ConsoleRequestContext<Context>.self)
        open.get("sign-in") { _, _ in signInForm(problem: nil) }
        open.post("sign-in") { request, context in try await requestLink(request, context) }
        open.get("s/{token}") { request, context in try await showLink(request, context) }
        open.post("s/{token}") { request, context in try await signIn(request, context) }

        let signedIn = router.group("/console", context: ConsoleRequestContext<Context>.self)
            .add(
                middleware: ConsoleSessionAuthenticator<Context>(
                    store: store, initiative: initiative, policy: policy, now: now)
            )
            .add(middleware: ConsoleGuard<Context>(layout: layout, initiativeName: { initiative().name }))
        signedIn.get { _, context in try await home(context) }
        signedIn.post("sign-out") { _, context in try await signOut(context) }
        pages(signedIn)
    }

    // MARK: - Pages

    private func signInForm(problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        var view: [String: Any] = [:]
        view["problem"] = problem
        return layout.response(
            title: "Sign in", content: layout.content("sign-in", view), initiative: initiative().name,
            identity: nil, status: status)
    }

    /// GET /console: the rhythm at a glance, read in one snapshot on the thread pool.
    private func home<Context>(_ context: ConsoleRequestContext<Context>) async throws -> Response {
        let identity = try context.requireIdentity()
        let (store, initiative, instant) = (self.store, self.initiative(), now())
        let home = try await NIOThreadPool.singleton.runIfActive {
            try ConsoleHome.load(store: store, initiative: initiative, now: instant)
        }
        let content =
            layout.content(
                "home",
                [
                    "initiative": initiative.name,
                    "asOf": HomeFormat.instant(instant, zone: initiative.timeZone),
                    "zone": initiative.timeZone.identifier,
                ]) + ConsoleHomePage.render(home)
        return layout.response(
            title: "Home", content: content, initiative: initiative.name, identity: identity,
            currentPath: ConsolePaths.home)
    }

    private func linkDoesNotWork() -> Response {
        layout.response(
            title: "This link does not work", content: layout.content("link-does-not-work", [:]),
            initiative: initiative().name, identity: nil, status: .notFound)
    }

    private func tooMany(_ seconds: Int) -> Response {
        var response = layout.response(
            title: "Too many requests", content: layout.content("too-many", ["seconds": seconds]),
            initiative: initiative().name, identity: nil, status: .tooManyRequests)
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    // MARK: - Signing in and out

    /// POST /console/sign-in: the same page for every address; a message only to a console
    /// person.
    private func requestLink<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        if let refusal = checkOriginAndRate(request, context) { return refusal }
        var request = request
        let body = try? await request.collectBody(upTo: ConsoleGuard<Context>.maximumFormSize)
        let address = body.flatMap { ConsoleForm(String(buffer: $0))["email"] }?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let address, !address.isEmpty else {
            return signInForm(problem: "Please enter your e-mail address.", status: .unprocessableContent)
        }
        let initiative = self.initiative()
        if let person = initiative.people.first(where: {
            $0.consoleAccess && $0.email.caseInsensitiveCompare(address) == .orderedSame
        }) {
            if let channel = initiative.channels.first(where: { if case .email = $0.kind { true } else { false } }) {
                let (store, instant, policy) = (self.store, now(), self.policy)
                let subject = "Sign in to the console of \(initiative.name)"
                try await NIOThreadPool.singleton.runIfActive {
                    try store.enqueueConsoleSignIn(
                        personID: person.id, channelID: channel.id, subject: subject, now: instant, policy: policy)
                }
                await wakeDispatcher()
            } else {
                logger.warning(
                    "console sign-in asked for, but no e-mail channel is configured to send the link",
                    metadata: ["person.id": "\(person.id)"])
            }
        }
        return layout.response(
            title: "Check your e-mail", content: layout.content("sign-in-sent", [:]), initiative: initiative.name,
            identity: nil)
    }

    /// GET /console/s/<token>: a button that signs in. Opening the link spends nothing, since
    /// mail scanners open every link.
    private func showLink<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        if let refusal = checkOriginAndRate(request, context) { return refusal }
        let token = context.parameters.get("token") ?? ""
        let (store, instant) = (self.store, now())
        let personID = try await NIOThreadPool.singleton.runIfActive {
            try store.consoleSignInLinkPerson(token: token, now: instant)
        }
        guard let personID, mayUseConsole(personID) else { return linkDoesNotWork() }
        let name = initiative().name
        return layout.response(
            title: "Sign in", content: layout.content("sign-in-link", ["token": token, "initiative": name]),
            initiative: name, identity: nil)
    }

    /// POST /console/s/<token>: spends the link, starts the session, sets the cookie and
    /// goes to the console.
    private func signIn<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        if let refusal = checkOriginAndRate(request, context) { return refusal }
        let token = context.parameters.get("token") ?? ""
        let (store, instant, policy) = (self.store, now(), self.policy)
        let initiative = self.initiative()
        let started = try await NIOThreadPool.singleton.runIfActive {
            try store.startConsoleSession(signInToken: token, now: instant, policy: policy) { personID in
                initiative.people.contains { $0.id == personID && $0.consoleAccess }
            }
        }
        guard let started else { return linkDoesNotWork() }
        var response = Response(status: .seeOther, headers: [.location: "/console"])
        response.setCookie(cookie.set(started.token, expires: started.session.expiresAt))
        return response
    }

    /// POST /console/sign-out: ends the session, audited as its person, and forgets the cookie.
    private func signOut<Context>(_ context: ConsoleRequestContext<Context>) async throws -> Response {
        let identity = try context.requireIdentity()
        let (store, instant) = (self.store, now())
        _ = try await NIOThreadPool.singleton.runIfActive {
            try store.endConsoleSession(id: identity.session.id, now: instant)
        }
        var response = Response(status: .seeOther, headers: [.location: "/console/sign-in"])
        response.setCookie(cookie.clear())
        return response
    }

    // MARK: - Checks

    private func mayUseConsole(_ personID: String) -> Bool {
        initiative().people.contains { $0.id == personID && $0.consoleAccess }
    }

    /// Refuses a form another site made (a browser names the page's origin in `Origin`; a
    /// sign-in forced on someone would otherwise work), then applies the per-address limit.
    private func checkOriginAndRate<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>)
        -> Response?
    {
        if request.method == .post, let origin = request.headers[.origin], !isOwnOrigin(origin, request: request) {
            let content = layout.content(
                "refused",
                [
                    "heading": "This form cannot be sent",
                    "message": "The form did not come from this site. Open the sign-in page and send it from there.",
                    "retryPath": "/console/sign-in", "retryText": "Sign in",
                ])
            return layout.response(
                title: "This form cannot be sent", content: content, initiative: initiative().name, identity: nil,
                status: .forbidden)
        }
        let client = ClientAddress.of(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[HTTPField.Name("X-Forwarded-For")!])
        if let wait = limiter.admit(client, now: now()) { return tooMany(wait) }
        return nil
    }

    /// Whether `origin` is the service's public origin or the host the request was sent to.
    ///
    /// Console pages are served with `Referrer-Policy: same-origin`, so a browser names their
    /// origin; one that still sends `Origin: null` (a privacy setting does) is judged by its
    /// `Sec-Fetch-Site`, which no page can set: it tells whether the form came from this site.
    private func isOwnOrigin(_ origin: String, request: Request) -> Bool {
        let origin = origin.lowercased()
        if origin == "null" {
            return request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased() == "same-origin"
        }
        if Self.origin(of: baseURL) == origin { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host.lowercased())" || origin == "https://\(host.lowercased())"
    }

    /// `scheme://host[:port]` of `url`, lower-cased.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return nil }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")".lowercased()
    }
}
