import Foundation
import RhythmAgenda
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// What reminders say: the meeting, the time on the reader's clock across both hemispheres'
/// clock changes, what to do, and nothing a hostile title can break.
@Suite struct MessageComposerTests {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let london = TimeZone(identifier: "Europe/London")!
    static let email = Channel(id: "email", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))
    static let slack = Channel(id: "team-slack", kind: .slack(webhook: .environment("SLACK_URL")))

    static let people = [
        Person(
            id: "ana", name: "Ana Lopez", email: "ana@example.org", timeZone: melbourne,
            chatHandles: ChatHandles(slack: "U01ANA"), wantsInvitations: true),
        Person(id: "ben", name: "Ben Cole", email: "ben@example.org", timeZone: london),
    ]

    /// Monthly on the second Tuesday, 10:00 in Melbourne.
    static let leadership = MeetingSeries(
        id: "leadership", title: "Leadership Table", kind: .leadership,
        start: LocalDateTime(iso: "2027-02-09T10:00")!, duration: .seconds(7200), timeZone: melbourne,
        location: "Civic Centre", onlineMeetingURL: URL(string: "https://meet.example.org/lt"),
        organizerID: "ana", attendees: Attendees(personIDs: ["ana", "ben"]),
        recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU"), holidayPolicy: .ignore)

    static let initiative = Initiative(
        name: "Thriving Futures", timeZone: melbourne, domain: "example.org", people: people,
        series: [leadership], channels: [email, slack])

    let composer: MessageComposer

    init() throws {
        let store = try AppDatabase.inMemory()
        let agendas = AgendaService(store: store, renderer: try AgendaRenderer())
        composer = MessageComposer(
            initiative: Self.initiative, settings: FeedSettings(), agendas: agendas,
            links: AnswerLinkIssuer(store: store, service: ServiceSettings()))
    }

    static func occurrence(_ date: String) -> Occurrence {
        let day = LocalDate(iso: date)!
        let window = DateInterval(
            start: melbourne.instant(for: LocalDateTime(date: day, time: LocalTime(hour: 0, minute: 0)!)),
            duration: 86_400)
        return Schedule(initiative: initiative).occurrences(of: [leadership], in: window)[0]
    }

    static func reminder(
        _ subject: Reminder.Subject, to recipient: Reminder.Recipient, channel: Channel = email,
        content: Reminder.ContentKind = .reminder, repetition: Int = 0, due: Date = Date(timeIntervalSince1970: 0)
    ) -> Reminder {
        Reminder(
            key: "rule|\(recipient)|\(channel.id)", due: due, usefulUntil: due + 86_400, rule: nil, channel: channel,
            recipient: recipient, mentions: ["ana"], subject: subject, repetition: repetition, content: content)
    }

    static func entry(for reminder: Reminder) -> OutboxEntry {
        OutboxEntry(reminder: reminder)
    }

    private func email(_ reminder: Reminder, now: Date = Date(timeIntervalSince1970: 0)) throws -> EmailMessage {
        guard case .email(let message) = try composer.message(for: reminder, entry: Self.entry(for: reminder), now: now)
        else {
            Issue.record("expected an e-mail")
            throw CancellationError()
        }
        return message
    }

    @Test(
        "a meeting reminder gives the time on the reader's clock and where it is held, across DST in both hemispheres",
        arguments: [
            // Melbourne in daylight time (+11), London in winter (+0).
            (
                "2027-03-09", "Monday 8 March 2027 at 23:00 (UTC+00:00, Europe/London)",
                "Tuesday 9 March 2027 at 10:00 (UTC+11:00, Australia/Melbourne)"
            ),
            // Both changed their clocks: Melbourne back to +10 (4 April), London forward to +1 (28 March).
            (
                "2027-04-13", "Tuesday 13 April 2027 at 01:00 (UTC+01:00, Europe/London)",
                "Tuesday 13 April 2027 at 10:00 (UTC+10:00, Australia/Melbourne)"
            ),
        ])
    func meetingTimes(date: String, london: String, melbourne: String) throws {
        let message = try email(Self.reminder(.meeting(Self.occurrence(date)), to: .person("ben")))
        #expect(message.text.contains("Leadership Table meets on \(london)."))
        #expect(message.text.contains("That is \(melbourne) where it is held."))
        #expect(message.text.contains("Where: Civic Centre"))
        #expect(message.text.contains("Join online: https://meet.example.org/lt"))
        #expect(message.text.hasPrefix("Hello Ben Cole,"))
        #expect(message.to.map(\.address) == ["ben@example.org"])
        #expect(message.subject.hasPrefix("Reminder: Leadership Table, "))
        let own = try email(Self.reminder(.meeting(Self.occurrence(date)), to: .person("ana")))
        #expect(own.text.contains("Leadership Table meets on \(melbourne)."))
        #expect(!own.text.contains("where it is held"))
    }

    @Test("an agenda e-mail carries the rendered agenda in both parts")
    func agenda() throws {
        let message = try email(
            Self.reminder(.meeting(Self.occurrence("2027-03-09")), to: .person("ana"), content: .agenda))
        #expect(message.subject.hasPrefix("Agenda: Leadership Table"))
        #expect(message.text.contains("The agenda follows."))
        #expect(message.html.contains("<html"))
        #expect(message.html.contains("Leadership Table"))
    }

    @Test("an overdue action says how late it is and what to do; a hostile title cannot break the message")
    func overdueAction() throws {
        let action = Action(
            id: 12, title: "Fix <script>alert(1)</script>\r\nBcc: all@example.org", ownerID: "ana",
            due: LocalDate(iso: "2027-03-01"), createdAt: .distantPast, updatedAt: .distantPast)
        let now = Self.melbourne.instant(for: LocalDateTime(iso: "2027-03-08T09:00")!)
        let message = try email(Self.reminder(.action(action), to: .person("ana"), repetition: 1), now: now)
        #expect(message.subject == "Overdue action #12: Fix <script>alert(1)</script> Bcc: all@example.org")
        #expect(message.text.contains("was due on Monday 1 March 2027 (7 days ago)."))
        #expect(message.text.contains("say so here so the next agenda is right:"))
        #expect(message.html.contains("Fix &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!message.html.contains("<script>"))
        let bytes = String(decoding: try message.build(), as: UTF8.self)
        let headers = try #require(bytes.components(separatedBy: "\r\n\r\n").first)
        #expect(!headers.contains("\r\nBcc:"))
    }

    @Test("a digest gathers its members under one subject")
    func digest() throws {
        let action = Action(
            id: 3, title: "Send the minutes", ownerID: "ben", due: LocalDate(iso: "2027-03-10"),
            createdAt: .distantPast, updatedAt: .distantPast)
        let members = [
            Self.reminder(.meeting(Self.occurrence("2027-03-09")), to: .person("ben")),
            Self.reminder(.action(action), to: .person("ben")),
        ]
        let due = Self.london.instant(for: LocalDateTime(iso: "2027-03-08T07:30")!)
        let digest = Reminder(
            key: "digest|2027-03-08|person:ben|email", due: due, usefulUntil: due + 86_400, rule: nil,
            channel: Self.email, recipient: .person("ben"), subject: .digest(members), content: .digest)
        let message = try email(digest)
        #expect(message.subject == "Thriving Futures: daily digest of Monday 8 March 2027, 2 reminders")
        #expect(message.text.contains("— Reminder: Leadership Table"))
        #expect(message.text.contains("— Action #3 due Wednesday 10 March 2027: Send the minutes"))
    }

    @Test("a digest with an agenda carries that agenda, and is named after the day it goes out, not the meeting's")
    func digestWithAgenda() throws {
        let meeting = Self.occurrence("2027-03-09")
        let agenda = Reminder(
            key: "agenda|leadership|person:ben|email",
            due: Self.london.instant(for: LocalDateTime(iso: "2027-03-04T08:00")!),
            usefulUntil: meeting.start, rule: nil, channel: Self.email, recipient: .person("ben"),
            subject: .meeting(meeting), content: .agenda)
        let due = Self.london.instant(for: LocalDateTime(iso: "2027-03-04T07:30")!)
        let digest = Reminder(
            key: "digest|2027-03-04|person:ben|email", due: due, usefulUntil: meeting.start, rule: nil,
            channel: Self.email, recipient: .person("ben"), subject: .digest([agenda]), content: .digest)
        let onTime = try email(digest, now: due)
        #expect(onTime.subject == "Thriving Futures: daily digest of Thursday 4 March 2027, 1 reminder")
        // The rendered agenda follows the line that announces it, in both parts.
        let announced = try #require(onTime.text.range(of: "The agenda follows."))
        let rendered = try #require(onTime.text.range(of: "ITEMS FOR THIS MEETING"))
        #expect(announced.upperBound < rendered.lowerBound)
        #expect(onTime.html.contains("<pre style=\"white-space: pre-wrap; font-family: inherit\">"))
        #expect(onTime.html.contains("ITEMS FOR THIS MEETING"))
        // Sent late, after the service was down over a day, it names the day it is sent.
        let late = try email(digest, now: Self.london.instant(for: LocalDateTime(iso: "2027-03-05T09:00")!))
        #expect(late.subject == "Thriving Futures: daily digest of Friday 5 March 2027, 1 reminder")
    }

    @Test("a chat reminder mentions the attendees with a handle and shows the meeting in the initiative's zone")
    func chat() throws {
        let reminder = Self.reminder(
            .meeting(Self.occurrence("2027-03-09")), to: .channel("team-slack"), channel: Self.slack)
        guard case .chat(let message) = try composer.message(for: reminder, entry: Self.entry(for: reminder), now: .now)
        else {
            Issue.record("expected a chat message")
            return
        }
        #expect(message.mentions == [ChatHandles(slack: "U01ANA")])
        #expect(message.timeZone.identifier == "Australia/Melbourne")
        #expect(message.meetingStart == Self.occurrence("2027-03-09").start)
    }

    @Test("an invitation planned for an older SEQUENCE is not composed: a newer one replaces it")
    func staleInvitation() throws {
        let planned = InvitationPlanner.plan(
            initiative: Self.initiative, sequences: ["leadership": 0], states: [],
            now: Self.melbourne.instant(for: LocalDateTime(iso: "2027-02-01T09:00")!)
        ).invitations
        let invitation = try #require(planned.first)
        let payload = try #require(InvitationPayload(json: InvitationPayload(invitation).json))
        #expect(payload == InvitationPayload(invitation))
        let entry = OutboxEntry(
            key: invitation.key, channelID: "email", recipient: "person:ana", due: invitation.due,
            usefulUntil: invitation.usefulUntil, payload: payload.json)
        let now = Self.melbourne.instant(for: LocalDateTime(iso: "2027-02-01T09:00")!)
        #expect(try composer.message(for: payload, entry: entry, sequences: ["leadership": 1], now: now) == nil)
        guard
            case .email(let message) = try composer.message(
                for: payload, entry: entry, sequences: ["leadership": 0], now: now)
        else {
            Issue.record("expected an invitation")
            return
        }
        #expect(message.subject == "Invitation: Leadership Table")
        #expect(message.calendar?.method == .request)
        let calendar = String(decoding: message.calendar?.content ?? [], as: UTF8.self)
        #expect(calendar.contains("METHOD:REQUEST"))
    }
}
