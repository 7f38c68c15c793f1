import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

/// `POST /chat/mattermost/actions`: a press of a button whose context Rhythm signed is applied
/// for the person whose Mattermost handle is the user name, and the post is updated; a
/// context not signed with the channel's buttons secret, or an unknown user, changes nothing.
@Suite struct MattermostActionTests {
    static let path = "/chat/mattermost/actions"

    static func post(_ harness: ChatHarness, userName: String, context: MattermostButtonContext?) async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        let body = try ChatHarness.mattermostBody(userName: userName, context: context)
        let (status, text) = try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: path, method: .post, headers: [.contentType: "application/json"], body: body)
            return (response.status, String(buffer: response.body))
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        return (status, json ?? ["text": text])
    }

    @Test("a signed press is recorded for the person (user name case-insensitively) and the post shows who answered")
    func signedPressIsApplied() async throws {
        let harness = try ChatHarness()
        let context = try ChatHarness.mattermostContext(for: ChatHarness.meetingAnswer)
        let (status, json) = try await Self.post(harness, userName: "ana.m", context: context)
        #expect(status == .ok)
        let stored = try harness.base.store.attendance(
            seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)
        #expect(stored.map(\.personID) == ["ana"])
        #expect(stored.first?.answeredBy == "person:ana (mattermost)")
        #expect((json["ephemeral_text"] as? String)?.hasPrefix("Recorded: you will be at Leadership table") == true)
        let update = try #require(json["update"] as? [String: Any])
        let message = try #require(update["message"] as? String)
        #expect(message == "#### Leadership table\n\n✓ Ana will be there")
        let attachments = try #require((update["props"] as? [String: Any])?["attachments"] as? [[String: Any]])
        let actions = try #require(attachments.first?["actions"] as? [[String: Any]])
        #expect(actions.map { $0["name"] as? String } == ["I'll be there", "Apologies"])
        // The buttons are signed again over the new text, so the next press keeps this line.
        let integration = try #require(actions.last?["integration"] as? [String: Any])
        #expect(integration["url"] as? String == "https://rhythm.test/chat/mattermost/actions")
        let next = try JSONDecoder().decode(
            MattermostButtonContext.self,
            from: JSONSerialization.data(withJSONObject: try #require(integration["context"])))
        #expect(next.message == message)
        #expect(
            next.verifiedAnswer(with: try #require(ChatSecret(ChatHarness.buttonsSecret)))
                == .apologies(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting))
    }

    @Test("a context with a bad HMAC, naming another channel, or missing is refused with 401 and changes nothing")
    func unsignedPressIsRefused() async throws {
        let harness = try ChatHarness()
        let before = try harness.base.snapshot()
        let good = try ChatHarness.mattermostContext(for: ChatHarness.meetingAnswer)
        var forged = good
        forged.answer = "apologies|leaders|\(AnswerInitiative.nextMeeting)"
        var otherChannel = good
        otherChannel.channel = "team-slack"
        var wrongKey = good
        wrongKey.signature = try #require(ChatSecret("someone-elses-secret-0123456789abcdef")).signature(
            of: Data("rhythm-mattermost-buttons-v1\nteam-mattermost\n\(good.answer)\n\(good.message)".utf8))
        for context in [forged, otherChannel, wrongKey, nil] {
            let (status, json) = try await Self.post(harness, userName: "ana.m", context: context)
            #expect(status == .unauthorized)
            #expect(!"\(json)".contains(ChatHarness.buttonsSecret))
        }
        #expect(try harness.base.snapshot() == before)
        #expect(harness.base.changes.count == 0)
    }

    @Test("an unknown user gets the ephemeral I don't know you yet and nothing changes")
    func unknownUser() async throws {
        let harness = try ChatHarness()
        let before = try harness.base.snapshot()
        let context = try ChatHarness.mattermostContext(for: ChatHarness.meetingAnswer)
        let (status, json) = try await Self.post(harness, userName: "stranger", context: context)
        #expect(status == .ok)
        #expect(json.keys.sorted() == ["ephemeral_text"])
        #expect((json["ephemeral_text"] as? String)?.hasPrefix("I don't know you yet") == true)
        #expect(try harness.base.snapshot() == before)
    }

    @Test("Done from someone other than the owner is refused in an ephemeral message; from the owner it closes")
    func done() async throws {
        let harness = try ChatHarness()
        let action = try harness.base.store.createAction(
            NewAction(title: "Book the hall", ownerID: "dan"), actor: "cli:test", now: harness.base.clock.now)
        let context = try ChatHarness.mattermostContext(for: .done(actionID: action.id), message: "#### Book the hall")
        let (_, refused) = try await Self.post(harness, userName: "ana.m", context: context)
        #expect(refused["update"] == nil)
        #expect((refused["ephemeral_text"] as? String)?.contains("Only Dan") == true)
        #expect(try harness.base.store.action(id: action.id)?.status == .open)
        let (_, applied) = try await Self.post(harness, userName: "dan.s", context: context)
        #expect(
            (applied["update"] as? [String: Any])?["message"] as? String
                == "#### Book the hall\n\n✓ Dan marked “Book the hall” done")
        #expect(try harness.base.store.action(id: action.id)?.status == .done)
        let audit = try harness.base.store.auditEntries(entity: "action", entityID: action.id, limit: 1)
        #expect(audit.first?.actor == "person:dan (mattermost)")
    }

    @Test("presses beyond the per-address limit are answered 429 with Retry-After, before any check")
    func rateLimited() async throws {
        let harness = try ChatHarness()
        let body = try ChatHarness.mattermostBody(userName: "stranger", context: nil)
        let statuses = try await harness.application(limiter: RateLimiter(limit: 2, window: 600)).test(.router) {
            client in
            var seen: [(HTTPResponse.Status, String?)] = []
            for _ in 0..<3 {
                let response = try await client.execute(
                    uri: Self.path, method: .post, headers: [.contentType: "application/json"], body: body)
                seen.append((response.status, response.headers[.retryAfter]))
            }
            return seen
        }
        #expect(statuses.map(\.0) == [.unauthorized, .unauthorized, .tooManyRequests])
        #expect(statuses.last?.1 == "600")
    }
}
