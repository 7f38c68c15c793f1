import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmCore
import RhythmStore
import Testing

/// `POST /chat/slack/interactions`: a press signed as Slack signs it is applied and shown on
/// the post through its `response_url`; anything unsigned, stale or from someone unknown
/// changes nothing.
@Suite struct SlackInteractionTests {
    static let path = "/chat/slack/interactions"

    /// Posts `body` as Slack does, signed at `timestamp` with `secret`.
    static func press(
        _ client: some TestClientProtocol, body: String, at timestamp: Date,
        secret: String = ChatHarness.slackSigningSecret
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post,
            headers: ChatHarness.slackHeaders(body: body, timestamp: timestamp, secret: secret),
            body: ByteBuffer(string: body))
    }

    @Test("a signed press of I'll be there is recorded for the member, audited, and shown on the post")
    func signedPressIsApplied() async throws {
        let harness = try ChatHarness()
        try await ResponseURLReceiver.run { receiver, responseURL in
            let body = try ChatHarness.slackBody(
                user: "UANA", answer: ChatHarness.meetingAnswer, responseURL: responseURL)
            try await harness.application().test(.router) { client in
                let response = try await Self.press(client, body: body, at: harness.base.clock.now)
                #expect(response.status == .ok)
            }
            let stored = try harness.base.store.attendance(
                seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)
            #expect(stored.map(\.personID) == ["ana"])
            #expect(stored.first?.response == .attending)
            #expect(stored.first?.answeredBy == "person:ana (slack)")
            let audit = try harness.base.store.auditEntries(entity: "attendance", entityID: nil, limit: 5)
            #expect(audit.map(\.actor) == ["person:ana (slack)"])
            #expect(harness.base.changes.count == 1)
            let update = try #require(receiver.received.first)
            let json = try #require(JSONSerialization.jsonObject(with: Data(update.utf8)) as? [String: Any])
            #expect(json["replace_original"] as? Bool == true)
            #expect(json["text"] as? String == "Leadership table tomorrow")
            let blocks = try #require(json["blocks"] as? [[String: Any]])
            #expect(blocks.map { $0["type"] as? String } == ["header", "context", "actions"])
            let line = try #require((blocks[1]["elements"] as? [[String: Any]])?.first?["text"] as? String)
            #expect(line == "✓ Ana will be there")
            #expect(!harness.base.logs.all.joined().contains("/response"))
        }
    }

    @Test("Done from the action's owner closes it; from anyone else it changes nothing and says who may")
    func doneIsForTheOwner() async throws {
        let harness = try ChatHarness()
        let action = try harness.base.store.createAction(
            NewAction(title: "Send the budget", ownerID: "ana"), actor: "cli:test", now: harness.base.clock.now)
        try await ResponseURLReceiver.run { receiver, responseURL in
            try await harness.application().test(.router) { client in
                for user in ["UDAN", "UANA"] {
                    let body = try ChatHarness.slackBody(
                        user: user, answer: .done(actionID: action.id), responseURL: responseURL)
                    let response = try await Self.press(client, body: body, at: harness.base.clock.now)
                    #expect(response.status == .ok)
                    if user == "UDAN" {
                        #expect(String(buffer: response.body).contains("Only Ana, who owns “Send the budget”"))
                        #expect(try harness.base.store.action(id: action.id)?.status == .open)
                    }
                }
            }
            #expect(try harness.base.store.action(id: action.id)?.status == .done)
            #expect(receiver.received.count == 1)
            #expect(receiver.received.first?.contains("✓ Ana marked “Send the budget” done") == true)
        }
    }

    @Test(
        "a press with a bad signature, or a timestamp 6 minutes old or ahead, is refused with 401 and changes nothing",
        arguments: [("wrong secret", 0.0), ("6 minutes old", -360.0), ("6 minutes ahead", 360.0)])
    func unverifiedPressIsRefused(case name: String, skew: TimeInterval) async throws {
        let harness = try ChatHarness()
        let before = try harness.base.snapshot()
        try await ResponseURLReceiver.run { receiver, responseURL in
            let body = try ChatHarness.slackBody(
                user: "UANA", answer: ChatHarness.meetingAnswer, responseURL: responseURL)
            let secret = name == "wrong secret" ? "not-the-signing-secret" : ChatHarness.slackSigningSecret
            try await harness.application().test(.router) { client in
                let response = try await Self.press(
                    client, body: body, at: harness.base.clock.now.addingTimeInterval(skew), secret: secret)
                #expect(response.status == .unauthorized)
                #expect(!String(buffer: response.body).contains(ChatHarness.slackSigningSecret))
            }
            #expect(receiver.received.isEmpty)
        }
        #expect(try harness.base.snapshot() == before)
        #expect(harness.base.changes.count == 0)
    }

    @Test("a request without Slack's headers is refused before its body is read")
    func unsignedRequestIsRefused() async throws {
        let harness = try ChatHarness()
        let before = try harness.base.snapshot()
        try await harness.application().test(.router) { client in
            let body = try ChatHarness.slackBody(
                user: "UANA", answer: ChatHarness.meetingAnswer, responseURL: "http://127.0.0.1:9/response")
            let response = try await client.execute(uri: Self.path, method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .unauthorized)
        }
        #expect(try harness.base.snapshot() == before)
    }

    @Test(
        "an unknown member, or a member not invited to the meeting, gets an ephemeral reply and nothing changes",
        arguments: [("UNOBODY", "I don't know you yet"), ("UBEN", "is not invited to Leadership table")])
    func unknownOrUninvitedMember(user: String, reply: String) async throws {
        let harness = try ChatHarness()
        let before = try harness.base.snapshot()
        try await ResponseURLReceiver.run { receiver, responseURL in
            let body = try ChatHarness.slackBody(
                user: user, answer: ChatHarness.meetingAnswer, responseURL: responseURL)
            try await harness.application().test(.router) { client in
                let response = try await Self.press(client, body: body, at: harness.base.clock.now)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let json = try #require(
                    JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
                #expect(json["response_type"] as? String == "ephemeral")
                #expect(json["replace_original"] as? Bool == false)
                #expect((json["text"] as? String)?.contains(reply) == true, "\(json)")
            }
            #expect(receiver.received.isEmpty)
        }
        #expect(try harness.base.snapshot() == before)
    }

    @Test("a body over the size limit is refused with 413")
    func oversizedBody() async throws {
        let harness = try ChatHarness()
        try await harness.application().test(.router) { client in
            let body = "payload=" + String(repeating: "x", count: ChatRoutes.maximumBodySize + 1)
            let response = try await Self.press(client, body: body, at: harness.base.clock.now)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test("Slack's response_url must be https://hooks.slack.com, or http:// to this machine")
    func responseURLPolicy() {
        #expect(SlackResponseURL.problem(with: "https://hooks.slack.com/actions/T1/1/abc") == nil)
        #expect(SlackResponseURL.problem(with: "http://127.0.0.1:8080/response") == nil)
        #expect(SlackResponseURL.problem(with: "https://hooks.slack.com.evil.example/x") != nil)
        #expect(SlackResponseURL.problem(with: "http://hooks.slack.com/actions/x") != nil)
        #expect(SlackResponseURL.problem(with: "smtp://127.0.0.1/x") != nil)
    }
}
