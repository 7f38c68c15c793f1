import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import RhythmCore
import RhythmDelivery
import RhythmStore

/// The endpoints chat systems send button presses to: `POST /chat/slack/interactions` (a
/// Slack app's Interactivity Request URL) and `POST /chat/mattermost/actions` (the
/// `integration.url` of Rhythm's Mattermost buttons).
///
/// Each request is rate limited per client address, read up to ``maximumBodySize``, and
/// verified before anything in it is believed: Slack's signature with the signing secret of a
/// configured Slack channel, or the HMAC Rhythm put in a Mattermost button's context. Then
/// the person is the one whose chat handle the system named; anyone else gets "I don't know
/// you yet" and nothing changes. Answers go through ``ChatAnswerApplier``, audited as
/// `person:<id> (slack)` or `person:<id> (mattermost)`, and `onChange` is called after each.
/// No secret, signature or `response_url` is ever logged or echoed.
public struct ChatRoutes: Sendable {
    /// Slack's interaction payloads carry the whole message; far below this.
    public static let maximumBodySize = 256 * 1024
    /// What a person Rhythm cannot match reads.
    static let unknownPersonText =
        "I don't know you yet, so nothing was recorded. Ask the backbone team to add your chat handle to your entry "
        + "in Rhythm's configuration, or answer with the link in your e-mail."

    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let settings: ServiceSettings
    let secrets: SecretResolver
    let slackUpdates: SlackMessageUpdate
    let limiter: RateLimiter
    let onChange: @Sendable () async -> Void
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: where answers and actions live.
    ///   - initiative: the current configuration's initiative (its channels, people and
    ///     series), asked for on every request.
    ///   - settings: the service's settings, for the public URL Mattermost buttons name.
    ///   - secrets: reads the channels' signing and buttons secrets at each request, so a
    ///     rotated secret takes effect at once.
    ///   - transport: sends Slack's post updates through libcurl.
    ///   - limiter: requests per client address; chat systems send from few addresses, so
    ///     the default is generous (600 in 10 minutes).
    ///   - onChange: called after every recorded answer.
    ///   - now: the clock, also for Slack's timestamp window.
    public init(
        store: AppDatabase,
        initiative: @escaping @Sendable () -> Initiative,
        settings: ServiceSettings,
        secrets: SecretResolver = SecretResolver(),
        transport: CurlTransport,
        limiter: RateLimiter = RateLimiter(limit: 600, window: 600),
        onChange: @escaping @Sendable () async -> Void = {},
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.store = store
        self.initiative = initiative
        self.settings = settings
        self.secrets = secrets
        slackUpdates = SlackMessageUpdate(transport: transport, logger: logger)
        self.limiter = limiter
        self.onChange = onChange
        self.now = now
        self.logger = logger
    }

    /// Adds the two endpoints to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/chat/slack/interactions") { request, context in
            try await guarded(request, context) { body, instant in
                try await slackInteraction(request: request, body: body, now: instant)
            }
        }
        router.post(RouterPath(MattermostPayload.actionsPath)) { request, context in
            try await guarded(request, context) { body, instant in
                try await mattermostAction(body: body, now: instant)
            }
        }
    }

    /// Applies the rate limit and the size limit, then `handle` with the raw body.
    private func guarded<Context: RequestContext>(
        _ request: Request, _ context: Context, _ handle: ([UInt8], Date) async throws -> Response
    ) async throws -> Response {
        let instant = now()
        let peer = (context as? any RemoteAddressRequestContext)?.remoteAddress
        if let wait = limiter.admit(ClientAddress.of(request, peer: peer), now: instant) {
            var response = Self.text("Too many requests; try again in \(wait) seconds.", status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let buffer = try? await request.body.collect(upTo: Self.maximumBodySize) else {
            return Self.text(
                "The request body is larger than \(Self.maximumBodySize) bytes.", status: .contentTooLarge)
        }
        return try await handle(Array(buffer: buffer), instant)
    }

    /// Applies `answer` for `person` and tells `onChange` when it was recorded.
    func apply(_ answer: ChatAnswer, for person: Person, platform: String, initiative: Initiative, now: Date)
        async throws -> ChatAnswerOutcome
    {
        let applier = ChatAnswerApplier(store: store, initiative: initiative, now: now)
        // SQLite blocks: the store work runs on NIO's thread pool, never the cooperative pool.
        let outcome = try await NIOThreadPool.singleton.runIfActive {
            try applier.apply(answer, for: person, actor: "person:\(person.id) (\(platform))")
        }
        if case .applied = outcome { await onChange() }
        return outcome
    }

    /// A plain-text response that says what was wrong.
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// A JSON response of `body`'s bytes.
    static func json(_ body: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `object` as a JSON response, with sorted keys.
    static func json(_ object: [String: Any]) -> Response {
        json(
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data("{}".utf8))
    }
}
