import Foundation
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
}
