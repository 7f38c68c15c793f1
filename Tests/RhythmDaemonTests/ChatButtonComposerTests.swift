import Foundation
import Logging
import NIOPosix
import RhythmAgenda
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// Which chat posts offer answer buttons: meeting and action posts, on a channel that can
/// verify who pressed them (a Slack channel with a signing secret, a Mattermost channel with
/// a buttons secret), and no other.
@Suite struct ChatButtonComposerTests {
    static let slackWithButtons = Channel(
        id: "team-slack", kind: .slack(webhook: .environment("SLACK_URL"), signingSecret: .environment("SIGNING")))
    static let mattermostWithButtons = Channel(
        id: "team-mm", kind: .mattermost(webhook: .environment("MM_URL"), buttonsSecret: .environment("BUTTONS")))

    let composer: MessageComposer

    init() throws {
        let store = try AppDatabase.inMemory()
        var initiative = MessageComposerTests.initiative
        initiative.channels += [Self.slackWithButtons, Self.mattermostWithButtons]
        composer = MessageComposer(
            initiative: initiative, settings: FeedSettings(),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()),
            links: AnswerLinkIssuer(
                store: store, service: ServiceSettings(publicURL: URL(string: "https://rhythm.example.org"))))
    }

    private func post(_ subject: Reminder.Subject, on channel: Channel) throws -> ChatMessage {
        let reminder = MessageComposerTests.reminder(subject, to: .channel(channel.id), channel: channel)
        guard
            case .chat(let message) = try composer.message(
                for: reminder, entry: MessageComposerTests.entry(for: reminder), now: .now)
        else { throw ComposeError("expected a chat message") }
        return message
    }

    @Test("a meeting post offers I'll be there and Apologies for that meeting, with the public URL for presses")
    func meetingButtons() throws {
        for channel in [Self.slackWithButtons, Self.mattermostWithButtons] {
            let message = try post(.meeting(MessageComposerTests.occurrence("2027-03-09")), on: channel)
            #expect(
                message.answers
                    == ChatAnswer.meeting(seriesID: "leadership", occurrenceDate: LocalDate(iso: "2027-03-09")!))
            #expect(message.serviceURL == "https://rhythm.example.org")
        }
    }

    @Test("an action post offers Done for that action")
    func actionButton() throws {
        let action = Action(id: 17, title: "Send the budget", ownerID: "ana", createdAt: .now, updatedAt: .now)
        #expect(try post(.action(action), on: Self.slackWithButtons).answers == [.done(actionID: 17)])
    }

    @Test("a channel without a signing or buttons secret gets no buttons")
    func noSecretNoButtons() throws {
        let message = try post(.meeting(MessageComposerTests.occurrence("2027-03-09")), on: MessageComposerTests.slack)
        #expect(message.answers.isEmpty)
    }

    @Test("readiness names a channel whose signing or buttons secret cannot be read, never a secret")
    func unreadableButtonsSecret() {
        var initiative = MessageComposerTests.initiative
        initiative.channels = [Self.slackWithButtons, Self.mattermostWithButtons]
        let secrets = SecretResolver(environment: [
            "SLACK_URL": "https://hooks.slack.com/services/T/B/x", "MM_URL": "https://mm.example.org/hooks/y",
            "BUTTONS": "mattermost-buttons-secret-0123456789",
        ])
        let problems = ChannelCheck(initiative: initiative, maildirRoot: NSTemporaryDirectory(), secrets: secrets)
            .problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("channel team-slack:") == true)
        #expect(problems.first?.contains("SIGNING") == true)
        #expect(!problems.joined().contains("mattermost-buttons-secret"))
    }

    @Test("a Mattermost post with buttons whose secret cannot be read is a configuration error, never sent bare")
    func unreadableSecretHoldsThePost() async throws {
        var initiative = MessageComposerTests.initiative
        initiative.channels = [Self.mattermostWithButtons]
        let transport = CurlTransport(threadPool: .singleton, logger: Logger(label: "test"))
        defer { transport.shutdown() }
        let channels = DeliveryChannels(
            initiative: initiative, transport: transport, maildirRoot: NSTemporaryDirectory(),
            secrets: SecretResolver(environment: ["MM_URL": "http://127.0.0.1:9/hooks/secret-token"]),
            logger: Logger(label: "test"))
        let message = ChatMessage(
            title: "Leadership Table", answers: [.done(actionID: 3)], serviceURL: "https://rhythm.example.org")
        let attempt = await channels.post(message, on: "team-mm", deliveryKey: "k", now: Date())
        guard case .configurationError(let text) = attempt.outcome else {
            Issue.record("expected a configuration error, got \(attempt.outcome)")
            return
        }
        #expect(text.contains("channel team-mm") && text.contains("BUTTONS"), "\(text)")
    }
}
