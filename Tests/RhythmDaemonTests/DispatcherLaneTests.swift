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

/// A lane keeps a few transfers in flight across the batches it claims: every due entry goes
/// out exactly once, however the batches and the transfers in flight line up.
@Suite(.timeLimit(.minutes(5))) struct DispatcherLaneTests {
    /// More people than two batches hold, and not a multiple of the batch size.
    static let people = 2 * Dispatcher.batchSize + 7

    static var yaml: String {
        let ids = (0..<people).map { "p\($0)" }
        return """
            initiative: { name: Lane Test, time_zone: Europe/London, domain: lane.example }
            people:
            \(ids.map { "  - { id: \($0), name: Person \($0), email: \($0)@partners.example }" }.joined(separator: "\n"))
            series:
              - id: check-in
                title: Check-in
                kind: team
                start: 2027-03-09T10:00
                duration: 30m
                attendees: { people: [\(ids.joined(separator: ", "))] }
            channels:
              - { id: email, type: email, from: Backbone <backbone@lane.example> }
            reminders:
              - { id: day-before, for: meetings, before: 1 day, channel: email, to: attendees }

            """
    }
    static let due = TimeZone(identifier: "Europe/London")!.instant(for: LocalDateTime(iso: "2027-03-08T10:00")!)

    @Test(
        "every entry of several batches is sent once, whatever the transfers in flight",
        arguments: [1, 3, 4, 40])
    func severalBatches(concurrency: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-lane-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try ConfigurationLoader().load(
            yaml: Self.yaml, path: directory.appendingPathComponent("rhythm.yaml").path)
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        let initiative = configuration.initiative
        try OutboxPlanner(initiative: initiative, store: store).run(sequences: [:], now: Self.due - 86_400)

        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: Logger(label: "test"))
        let dispatcher = Dispatcher(
            initiative: initiative, settings: configuration.feeds, service: configuration.service, store: store,
            channels: DeliveryChannels(
                initiative: initiative, transport: transport, maildirRoot: directory.path, logger: Logger(label: "test")
            ),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()), concurrencyPerChannel: concurrency,
            logger: Logger(label: "test"))
        let summary = try await dispatcher.dispatchDue(sequences: [:], clock: { Self.due })
        transport.shutdown()
        try await pool.shutdownGracefully()

        #expect(summary.sent == Self.people)
        let counts = try store.outboxCounts()
        #expect(counts[.sent] == Self.people && counts[.sending] == nil && counts[.pending] == nil)
        let sent = try store.outboxEntries(status: .sent, limit: 1000)
        #expect(sent.allSatisfy { $0.attempts == 1 })
        let delivered = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("maildir/new").path)
        #expect(delivered.count == Self.people)
    }
}
