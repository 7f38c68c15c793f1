import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Chat buttons through the real `rhythm serve`: a Slack press signed as Slack documents it,
/// and a Mattermost press of a button whose context is signed with the channel's buttons
/// secret, each recorded in the server's database; the Slack post is updated through a
/// loopback `response_url`. The HMACs are made here with openssl, independently of Rhythm.
@Suite struct ChatButtonsEndToEndTests {
    static let slackSecret = "e2e-slack-signing-secret-0123456789"
    static let buttonsSecret = "e2e-mattermost-buttons-secret-0123456789"

    /// The lower-case hex HMAC-SHA256 of `text` with `key`, by openssl.
    static func hmac(_ text: String, key: String) throws -> String {
        let file = try RhythmProcess.temporaryFile(named: "signed", containing: text)
        let result = try RhythmProcess.run(
            ["dgst", "-sha256", "-hmac", key, "-r", file], executable: URL(fileURLWithPath: "/usr/bin/openssl"))
        try #require(result.status == 0, "\(result.standardError)")
        return String(result.standardOutput.prefix { $0 != " " })
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    @Test("rhythm serve records a signed Slack press and a signed Mattermost press, and updates the Slack post")
    func pressesThroughServe() async throws {
        let receivers = try DeliveryServers()
        defer { receivers.stop() }
        let directory = try RhythmProcess.temporaryDirectory()
        let secrets = directory.appendingPathComponent("slack-signing")
        try Self.slackSecret.write(to: secrets, atomically: true, encoding: .utf8)
        let buttons = directory.appendingPathComponent("mattermost-buttons")
        try Self.buttonsSecret.write(to: buttons, atomically: true, encoding: .utf8)
        let port = LoopbackPort.free()
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            .replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(port)")
            .replacingOccurrences(of: "chat: { slack: U02PRIYA }", with: "chat: { slack: U02PRIYA, mattermost: priya }")
            .replacingOccurrences(
                of: "    url_env: RHYTHM_BACKBONE_SLACK_WEBHOOK\n",
                with: """
                        url_env: RHYTHM_BACKBONE_SLACK_WEBHOOK
                        signing_secret_file: \(secrets.path)
                      - id: backbone-mattermost
                        type: mattermost
                        url_env: RHYTHM_BACKBONE_MATTERMOST_WEBHOOK
                        buttons_secret_file: \(buttons.path)

                    """
            )
            .write(toFile: config, atomically: true, encoding: .utf8)
        let initiative = try ConfigurationLoader().load(path: config).initiative
        let series = try #require(
            initiative.series.first { initiative.isAttending(personID: "priya-natarajan", series: $0) })
        let meeting = try #require(Schedule(initiative: initiative).nextMeeting(of: series, after: Date()))
        let date = meeting.originalStart.date

        let server = try ServeEndToEndTests.Server(directory: directory, config: config, port: port)
        try await server.waitUntilReady()
        let store = try AppDatabase.open(path: try #require(server.environment["RHYTHM_DATABASE"]))

        // Slack: attending, signed with the signing secret over v0:<timestamp>:<body>.
        let payload = """
            {"type":"block_actions","user":{"id":"U02PRIYA"},\
            "response_url":"http://127.0.0.1:\(receivers.webhookPort)/ok",\
            "actions":[{"action_id":"rhythm-attending","value":"attending|\(series.id)|\(date)"}],\
            "message":{"text":"\(series.title)","blocks":[{"type":"actions","block_id":"rhythm-answers","elements":[]}]}}
            """
        let body = "payload=" + Self.formEncoded(payload)
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let signature = "v0=" + (try Self.hmac("v0:\(timestamp):\(body)", key: Self.slackSecret))
        let (_, slack) = try await server.send(
            "POST", "/chat/slack/interactions",
            headers: [
                "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature,
            ], body: Data(body.utf8))
        #expect(slack.statusCode == 200)
        let answered = try store.attendance(seriesID: series.id, occurrenceDate: date)
        #expect(answered.map(\.response) == [.attending])
        #expect(answered.first?.answeredBy == "person:priya-natarajan (slack)")
        let update = try #require(try receivers.receivedWebhooks().first?["body"] as? String)
        #expect(update.contains("\"replace_original\":true"))
        #expect(update.contains("Priya Natarajan will be there"))

        // The same body signed with another secret changes nothing more.
        let forged = "v0=" + (try Self.hmac("v0:\(timestamp):\(body)", key: "not-the-secret"))
        let (_, refused) = try await server.send(
            "POST", "/chat/slack/interactions",
            headers: ["X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": forged], body: Data(body.utf8))
        #expect(refused.statusCode == 401)

        // Mattermost: apologies, the context signed with the channel's buttons secret.
        let answer = "apologies|\(series.id)|\(date)"
        let message = "#### \(series.title)"
        let contextSignature = try Self.hmac(
            "rhythm-mattermost-buttons-v1\nbackbone-mattermost\n\(answer)\n\(message)", key: Self.buttonsSecret)
        let context: [String: Any] = [
            "answer": answer, "channel": "backbone-mattermost", "message": message, "signature": contextSignature,
        ]
        let action = try JSONSerialization.data(withJSONObject: [
            "user_id": "abc", "user_name": "Priya", "channel_id": "c1", "post_id": "p1", "context": context,
        ])
        let (data, mattermost) = try await server.send(
            "POST", "/chat/mattermost/actions", headers: ["Content-Type": "application/json"], body: action)
        #expect(mattermost.statusCode == 200)
        let reply = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            (reply["update"] as? [String: Any])?["message"] as? String
                == "\(message)\n\n✓ Priya Natarajan sends apologies")
        let changed = try store.attendance(seriesID: series.id, occurrenceDate: date)
        #expect(changed.map(\.response) == [.apologies])
        #expect(changed.first?.answeredBy == "person:priya-natarajan (mattermost)")
        #expect(!server.logText.contains(Self.slackSecret) && !server.logText.contains(contextSignature))
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
