import Foundation
import Logging
import NIOPosix
import RhythmAgenda
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// The answers reaching the organiser: the "quorum at risk" warning planned, sent while too
/// few have confirmed and withdrawn once enough have, and the apologies above the agenda in
/// the organiser's agenda e-mail. Real SQLite files, a real Maildir.
@Suite(.timeLimit(.minutes(5))) struct QuorumDeliveryTests {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let email = Channel(id: "email", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))

    /// One meeting on Tuesday 9 March 2027 at 10:00 in Melbourne, organised by Ana, with Ben
    /// invited; both must come, and the answers are counted two days before.
    static let series = MeetingSeries(
        id: "leadership", title: "Leadership Table", kind: .leadership, start: LocalDateTime(iso: "2027-03-09T10:00")!,
        duration: .seconds(7200), timeZone: melbourne, organizerID: "ana",
        attendees: Attendees(personIDs: ["ana", "ben"]), holidayPolicy: .ignore, quorum: Quorum(count: .people(2)))

    static let initiative = Initiative(
        name: "Thriving Futures", timeZone: melbourne, domain: "example.org",
        people: [
            Person(id: "ana", name: "Ana Lopez", email: "ana@example.org", timeZone: melbourne),
            Person(id: "ben", name: "Ben Cole", email: "ben@example.org", timeZone: melbourne),
        ],
        series: [series], channels: [email])

    static let key = "quorum|series:leadership@2027-03-09T10:00:00|person:ana|email"
    static let date = LocalDate(iso: "2027-03-09")!

    static func melbourne(_ text: String) -> Date { melbourne.instant(for: LocalDateTime(iso: text)!) }

    /// Two days before the meeting.
    static let due = melbourne("2027-03-07T10:00")
    /// When the outbox is filled: a day before the warning is due.
    static let planned = melbourne("2027-03-06T10:00")

    let directory: URL
    let store: AppDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-quorum-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
    }

    func answer(_ personID: String, _ response: Attendance.Response, note: String? = nil, at time: Date) throws {
        _ = try store.setAttendance(
            seriesID: "leadership", occurrenceDate: Self.date, personID: personID, response: response, note: note,
            delegateID: nil, actor: "person:\(personID) (link)", now: time)
    }

    /// One dispatch pass a minute after the warning falls due, into the Maildir under `directory`.
    func dispatch() async throws -> Dispatcher.Summary {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: Logger(label: "test"))
        let channels = DeliveryChannels(
            initiative: Self.initiative, transport: transport, maildirRoot: directory.path,
            logger: Logger(label: "test"))
        let dispatcher = Dispatcher(
            initiative: Self.initiative, settings: FeedSettings(), service: ServiceSettings(), store: store,
            channels: channels,
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()), logger: Logger(label: "test"))
        let summary = try await dispatcher.dispatchDue(sequences: [:], clock: { Self.due + 60 })
        transport.shutdown()
        try await pool.shutdownGracefully()
        return summary
    }

    func deliveredMail() throws -> [String] {
        let new = directory.appendingPathComponent("maildir/new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return try names.map { try String(contentsOf: new.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test("too few have confirmed when it falls due: the organiser gets the warning")
    func sentWhenShort() async throws {
        try OutboxPlanner(initiative: Self.initiative, store: store).run(sequences: [:], now: Self.planned)
        #expect(try store.outboxEntry(key: Self.key)?.status == .pending)
        try answer("ben", .apologies, note: "school pick-up", at: Self.planned + 3600)
        let summary = try await dispatch()
        #expect(summary.sent == 1)
        let mail = try #require(try deliveredMail().first)
        #expect(mail.contains("Subject: Quorum at risk: Leadership Table, Tue 9 Mar 10:00"))
        #expect(mail.contains("To: \"Ana Lopez\" <ana@example.org>"))
    }

    @Test("a confirmation arriving before the warning is due withdraws it at dispatch")
    func withdrawnAtDispatch() async throws {
        try OutboxPlanner(initiative: Self.initiative, store: store).run(sequences: [:], now: Self.planned)
        try answer("ana", .attending, at: Self.planned + 3600)
        try answer("ben", .attending, at: Self.planned + 7200)
        let summary = try await dispatch()
        #expect(summary.withdrawn == 1)
        #expect(summary.sent == 0)
        #expect(try store.outboxEntry(key: Self.key)?.status == .withdrawn)
        #expect(try deliveredMail().isEmpty)
    }

    @Test("planning after a confirmation withdraws the warning; an apology that puts the quorum at risk brings it back")
    func withdrawnAndRestoredByPlanning() throws {
        let planner = OutboxPlanner(initiative: Self.initiative, store: store)
        try planner.run(sequences: [:], now: Self.planned)
        try answer("ana", .attending, at: Self.planned + 60)
        try answer("ben", .attending, at: Self.planned + 120)
        try planner.run(sequences: [:], now: Self.planned + 180)
        #expect(try store.outboxEntry(key: Self.key)?.status == .withdrawn)
        try answer("ben", .apologies, at: Self.planned + 240)
        try planner.run(sequences: [:], now: Self.planned + 300)
        #expect(try store.outboxEntry(key: Self.key)?.status == .pending)
    }

    @Test("the warning names the shortfall, who has not answered and who sent apologies")
    func warningContent() throws {
        try answer("ben", .apologies, note: "school pick-up", at: Self.planned)
        let reminder = try #require(
            try ReminderPlanner.plan(
                initiative: Self.initiative, window: DateInterval(start: Self.planned, end: Self.due + 1),
                store: store, now: Self.planned
            ).first)
        let content = ReminderContent(reminder: reminder, initiative: Self.initiative, now: Self.planned)
        #expect(content.subject == "Quorum at risk: Leadership Table, Tue 9 Mar 10:00")
        #expect(
            content.paragraphs == [
                "The Leadership Table on Tuesday 9 March 2027 at 10:00 (UTC+11:00, Australia/Melbourne) needs 2 "
                    + "people to confirm for a quorum; so far 0 have. 0 of 2 invited have confirmed.",
                "No answer yet: Ana Lopez.",
                "Apologies: Ben Cole: \"school pick-up\".",
                "Ask those who have not answered, or move or cancel the meeting while there is time to tell everyone.",
            ])
    }

    @Test(
        "an answer moves the store's change counter, which drops cached feeds and agendas, and the next agenda has it")
    func agendaIsFresh() throws {
        let agendas = AgendaService(store: store, renderer: try AgendaRenderer())
        let occurrence = try #require(
            Schedule(initiative: Self.initiative).occurrences(
                of: [Self.series], in: DateInterval(start: Self.planned, duration: 7 * 86_400)
            ).first)
        let before = try store.changeCounter()
        #expect(
            !(try agendas.agenda(for: occurrence, initiative: Self.initiative, now: Self.planned)).header.attendance
                .hasAnswers)
        try answer("ben", .attending, at: Self.planned)
        #expect(try store.changeCounter() > before)
        let after = try agendas.agenda(for: occurrence, initiative: Self.initiative, now: Self.planned)
        #expect(after.header.attendance.comingPersonIDs == ["ben"])
    }

    @Test("the organiser's agenda e-mail says who sent apologies and how many confirmed; an attendee's does not")
    func organizerParagraph() throws {
        try answer("ben", .apologies, note: "school pick-up", at: Self.planned)
        try answer("ana", .attending, at: Self.planned)
        let composer = MessageComposer(
            initiative: Self.initiative, settings: FeedSettings(),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()),
            links: AnswerLinkIssuer(store: store, service: ServiceSettings()))
        let occurrence = try #require(
            Schedule(initiative: Self.initiative).occurrences(
                of: [Self.series], in: DateInterval(start: Self.planned, duration: 7 * 86_400)
            ).first)
        let expected = "For you as organiser: 1 of 2 invited has confirmed. Apologies: Ben Cole: \"school pick-up\"."
        for (personID, isOrganizer) in [("ana", true), ("ben", false)] {
            let reminder = Reminder(
                key: "agenda|series:leadership|person:\(personID)|email", due: Self.due, usefulUntil: occurrence.start,
                rule: nil, channel: Self.email, recipient: .person(personID), subject: .meeting(occurrence),
                content: .agenda)
            guard
                case .email(let message) = try composer.message(
                    for: reminder, entry: OutboxEntry(reminder: reminder), now: Self.planned)
            else {
                Issue.record("expected an e-mail")
                return
            }
            #expect(message.text.contains(expected) == isOrganizer, "\(message.text)")
            let html = message.html
            #expect(html.contains("For you as organiser: 1 of 2 invited has confirmed.") == isOrganizer)
            #expect(html.contains("Apologies: Ben Cole: &quot;school pick-up&quot;.") == isOrganizer, "\(html)")
            // The paragraph opens the page's body, above the agenda itself.
            if isOrganizer {
                let body = try #require(html.range(of: "<body"))
                let paragraph = try #require(html.range(of: "For you as organiser"))
                let heading = try #require(html.range(of: "<h1"))
                #expect(body.upperBound < paragraph.lowerBound && paragraph.upperBound < heading.lowerBound)
            }
            // Both read the answers in the agenda itself.
            #expect(message.text.contains("1 of 2 confirmed"))
        }
    }

    @Test("an organiser who takes a daily digest reads the answers above the agenda in it too")
    func organizerParagraphInDigest() throws {
        try answer("ben", .apologies, at: Self.planned)
        let composer = MessageComposer(
            initiative: Self.initiative, settings: FeedSettings(),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()),
            links: AnswerLinkIssuer(store: store, service: ServiceSettings()))
        let occurrence = try #require(
            Schedule(initiative: Self.initiative).occurrences(
                of: [Self.series], in: DateInterval(start: Self.planned, duration: 7 * 86_400)
            ).first)
        let member = Reminder(
            key: "agenda|series:leadership|person:ana|email", due: Self.due, usefulUntil: occurrence.start, rule: nil,
            channel: Self.email, recipient: .person("ana"), subject: .meeting(occurrence), content: .agenda)
        let digest = Reminder(
            key: "digest|2027-03-07|person:ana|email", due: Self.due, usefulUntil: occurrence.start, rule: nil,
            channel: Self.email, recipient: .person("ana"), subject: .digest([member]), content: .digest)
        guard
            case .email(let message) = try composer.message(
                for: digest, entry: OutboxEntry(reminder: digest), now: Self.planned)
        else {
            Issue.record("expected an e-mail")
            return
        }
        #expect(
            message.text.contains(
                "For you as organiser: 0 of 2 invited have confirmed. Apologies: Ben Cole.\n\nLeadership Table\n"),
            "\(message.text)")
    }
}
