import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOPosix
import RhythmAnswers
import RhythmCore
import RhythmDelivery
import RhythmServer
import RhythmStore
import Synchronization
import Testing

/// One chat test's world: the answer harness's store, clock and logs, the initiative with a
/// Slack channel (with a signing secret) and a Mattermost channel (with a buttons secret),
/// and the chat endpoints mounted on the real server as `rhythm serve` mounts them.
///
/// Ana (Slack `UANA`, Mattermost `ana.m`) attends the Leadership table; Ben (`UBEN`,
/// `ben.s`) does not.
final class ChatHarness: Sendable {
    static let slackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let buttonsSecret = "mattermost-buttons-secret-0123456789abcdef"
    static let meetingAnswer = ChatAnswer.attending(
        seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)

    let base: AnswerHarness
    let transport = CurlTransport(threadPool: .singleton, logger: .init(label: "rhythm.chat.test"))

    init() throws {
        base = try AnswerHarness()
    }

    deinit {
        transport.shutdown()
    }

    static func initiative() -> Initiative {
        var initiative = AnswerInitiative.make()
        for index in initiative.people.indices {
            let id = initiative.people[index].id
            initiative.people[index].chatHandles = ChatHandles(
                slack: "U\(id.uppercased())", mattermost: id == "ana" ? "Ana.M" : "\(id).s")
        }
        initiative.channels = [
            Channel(
                id: "team-slack",
                kind: .slack(webhook: .environment("SLACK_URL"), signingSecret: .environment("SLACK_SIGNING"))),
            Channel(
                id: "team-mattermost",
                kind: .mattermost(webhook: .environment("MM_URL"), buttonsSecret: .environment("MM_BUTTONS"))),
        ]
        return initiative
    }

    /// The server with the chat endpoints, as `rhythm serve` builds it.
    func application(limiter: RateLimiter = RateLimiter(limit: 600, window: 600)) -> some ApplicationProtocol {
        let routes = ChatRoutes(
            store: base.store, initiative: { Self.initiative() },
            settings: ServiceSettings(publicURL: URL(string: "https://rhythm.test")),
            secrets: SecretResolver(environment: [
                "SLACK_SIGNING": Self.slackSigningSecret, "MM_BUTTONS": Self.buttonsSecret,
            ]),
            transport: transport, limiter: limiter, onChange: { [changes = base.changes] in changes.increment() },
            now: { [clock = base.clock] in clock.now }, logger: base.logs.logger)
        return buildApplication(
            // Every test shares two threads, so a test may connect and then wait longer than the
            // daemon's 10-second idle timeout before sending; here the server waits for it.
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(600)),
            feeds: NoFeeds(), cache: FeedCache(),
            logger: base.logs.logger, addRoutes: { routes.register(on: $0) })
    }

    /// A Slack `block_actions` form body for a press of `answer` by `user`, its update going
    /// to `responseURL`; the message is a Rhythm post with its buttons, as Slack sends it.
    static func slackBody(user: String, answer: ChatAnswer, responseURL: String) throws -> String {
        let payload: [String: Any] = [
            "type": "block_actions",
            "user": ["id": user, "username": "someone", "team_id": "T1"],
            "response_url": responseURL,
            "actions": [
                [
                    "type": "button", "action_id": answer.kind, "block_id": "rhythm-answers", "value": answer.value,
                    "action_ts": "1801472400.000100",
                ]
            ],
            "message": [
                "type": "message", "text": "Leadership table tomorrow",
                "blocks": [
                    ["type": "header", "block_id": "h1", "text": ["type": "plain_text", "text": "Leadership table"]],
                    [
                        "type": "actions", "block_id": "rhythm-answers",
                        "elements": answer.buttonsOfItsPost.map { ["type": "button", "value": $0.value] },
                    ],
                ],
            ],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "payload=" + (json.addingPercentEncoding(withAllowedCharacters: allowed) ?? json)
    }

    /// The headers Slack sends: the timestamp and `v0=` + hex HMAC-SHA256 of
    /// `v0:<timestamp>:<body>` with `secret`, computed here as Slack's documentation says.
    static func slackHeaders(body: String, timestamp: Date, secret: String = slackSigningSecret) -> HTTPFields {
        let stamp = String(Int(timestamp.timeIntervalSince1970))
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("v0:\(stamp):\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[HTTPField.Name("X-Slack-Request-Timestamp")!] = stamp
        headers[HTTPField.Name("X-Slack-Signature")!] = "v0=" + code.map { String(format: "%02x", $0) }.joined()
        return headers
    }

    /// The context of the first button of a Mattermost post offering `answers`, as Rhythm
    /// builds it for the channel `team-mattermost`.
    static func mattermostContext(for answer: ChatAnswer, message: String = "#### Leadership table") throws
        -> MattermostButtonContext
    {
        MattermostButtonContext(
            answer: answer, channelID: "team-mattermost", message: message,
            secret: try #require(ChatSecret(buttonsSecret)))
    }

    /// The JSON body Mattermost posts for a press by `userName` of a button with `context`.
    static func mattermostBody(userName: String, context: MattermostButtonContext?) throws -> ByteBuffer {
        var body: [String: Any] = [
            "user_id": "x7k9", "user_name": userName, "channel_id": "c123", "post_id": "p456", "team_id": "t1",
        ]
        if let context {
            body["context"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(context))
        }
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
    }
}

/// A loopback HTTP server standing in for Slack's `response_url`: records every body posted
/// to `/response` and answers 200.
final class ResponseURLReceiver: Sendable {
    private let bodies = Mutex<[String]>([])

    var received: [String] { bodies.withLock { $0 } }

    /// Runs `body` with the receiver listening, and its `response_url`.
    static func run(_ body: @escaping @Sendable (ResponseURLReceiver, String) async throws -> Void) async throws {
        let receiver = ResponseURLReceiver()
        let router = Router()
        router.post("/response") { request, _ -> HTTPResponse.Status in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            receiver.bodies.withLock { $0.append(String(buffer: buffer)) }
            return .ok
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(receiver, "http://127.0.0.1:\(try #require(client.port))/response")
        }
    }
}
