import Foundation
import Logging
import NIOPosix
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// An opt-out made after a reminder was enqueued withdraws it when the dispatcher re-plans
/// before sending, and `rhythm simulate`'s preview already leaves it out.
@Suite(.timeLimit(.minutes(5))) struct OptOutWithdrawalTests {
    static let yaml = """
        initiative: { name: Opt-out Test, time_zone: Europe/London, domain: optout.example }
        people:
          - { id: ana, name: Ana, email: ana@partners.example }
          - { id: ben, name: Ben, email: ben@partners.example }
        series:
          - id: check-in
            title: Check-in
            kind: team
            start: 2027-03-09T10:00
            duration: 30m
            attendees: { people: [ana, ben] }
        channels:
          - { id: email, type: email, from: Backbone <backbone@optout.example> }
        reminders:
          - { id: day-before, for: meetings, before: 1 day, channel: email, to: attendees }

        """

    @Test("a pending reminder of a rule its person opted out of is withdrawn at the next re-plan; the rest go out")
    func pendingIsWithdrawn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-optout-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try ConfigurationLoader().load(
            yaml: Self.yaml, path: directory.appendingPathComponent("rhythm.yaml").path)
        let initiative = configuration.initiative
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        let london = TimeZone(identifier: "Europe/London")!
        let due = london.instant(for: LocalDateTime(iso: "2027-03-08T10:00")!)
        try OutboxPlanner(initiative: initiative, store: store).run(sequences: [:], now: due - 86_400)
        let pending = try store.outboxEntries(status: .pending)
        let benKey = "day-before|series:check-in@2027-03-09T10:00:00|person:ben|email"
        #expect(pending.count == 2 && pending.contains { $0.key == benKey })

        _ = try store.addReminderOptOut(
            personID: "ben", ruleID: "day-before", actor: "person:ben (link)", now: due - 3600)
        let preview = try DispatchPreview(configuration: configuration, store: store, now: due)
        #expect(preview.messages.map(\.key) == ["day-before|series:check-in@2027-03-09T10:00:00|person:ana|email"])

        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: Logger(label: "test"))
        let dispatcher = Dispatcher(
            initiative: initiative, settings: configuration.feeds, service: configuration.service, store: store,
            channels: DeliveryChannels(
                initiative: initiative, transport: transport, maildirRoot: directory.path, logger: Logger(label: "test")
            ),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()), logger: Logger(label: "test"))
        let summary = try await dispatcher.dispatchDue(sequences: [:], clock: { due })
        transport.shutdown()
        try await pool.shutdownGracefully()
        #expect(summary.sent == 1 && summary.withdrawn == 1)
        #expect(try store.outboxEntry(key: benKey)?.status == .withdrawn)
        // Ana's reminder still offers her the opt-out, and nothing was issued for Ben.
        #expect(try store.answerLinks(personID: "ben").isEmpty)
        #expect(try store.answerLinks(personID: "ana").contains { $0.subject == .optOut(ruleID: "day-before") })
    }
}
