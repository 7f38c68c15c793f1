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

/// E-mail to a person whose configured address bounces is skipped with the reason, shown as
/// such in the preview and as a warning in `/readyz`; chat and other people are unaffected.
@Suite(.timeLimit(.minutes(5))) struct BounceSkipTests {
    static let yaml = """
        initiative: { name: Bounce Test, time_zone: Europe/London, domain: bounce.example }
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
          - { id: email, type: email, from: Backbone <backbone@bounce.example> }
        reminders:
          - { id: day-before, for: meetings, before: 1 day, channel: email, to: attendees }

        """
    static let benKey = "day-before|series:check-in@2027-03-09T10:00:00|person:ben|email"
    static let due = TimeZone(identifier: "Europe/London")!.instant(for: LocalDateTime(iso: "2027-03-08T10:00")!)
    static let reason =
        "not sent: ben@partners.example bounces since 2027-03-07 09:14 +00:00 (550 5.1.1 user unknown); "
        + "clear with rhythm person clear-bounce ben"

    let directory: URL
    let configuration: LoadedConfiguration
    let store: AppDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-bounce-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        configuration = try ConfigurationLoader().load(
            yaml: Self.yaml, path: directory.appendingPathComponent("rhythm.yaml").path)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        try OutboxPlanner(initiative: configuration.initiative, store: store).run(
            sequences: [:], now: Self.due - 86_400)
        let failure = AddressFailure(
            address: "Ben@Partners.example", personID: "ben",
            outboxMessageID: OutboxEntry.messageID(forKey: Self.benKey), statusCode: "5.1.1",
            diagnostic: "550 5.1.1 user unknown")
        try store.recordPermanentFailure(failure, now: Self.due - 86_400 - 46 * 60)
    }

    func dispatch() async throws -> Dispatcher.Summary {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: Logger(label: "test"))
        let initiative = configuration.initiative
        let dispatcher = Dispatcher(
            initiative: initiative, settings: configuration.feeds, service: configuration.service, store: store,
            channels: DeliveryChannels(
                initiative: initiative, transport: transport, maildirRoot: directory.path, logger: Logger(label: "test")
            ),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()), logger: Logger(label: "test"))
        let summary = try await dispatcher.dispatchDue(sequences: [:], clock: { Self.due })
        transport.shutdown()
        try await pool.shutdownGracefully()
        return summary
    }

    @Test("the e-mail to a bouncing address is skipped with the reason in words; the other goes out")
    func skipped() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let preview = try DispatchPreview(configuration: configuration, store: store, now: Self.due)
        #expect(preview.messages.map(\.notSent) == [nil, Self.reason])

        let summary = try await dispatch()
        #expect(summary.sent == 1 && summary.bouncing == 1)
        let entry = try store.outboxEntry(key: Self.benKey)
        #expect(entry?.status == .skipped && entry?.lastReply == Self.reason)
        let delivered = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("maildir/new").path)
        #expect(delivered.count == 1)
    }

    @Test("a cleared bounce lets e-mail go out again")
    func cleared() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try store.clearBounce(personID: "ben", actor: "cli:ops", now: Self.due - 60)
        let summary = try await dispatch()
        #expect(summary.sent == 2)
        #expect(try store.outboxEntry(key: Self.benKey)?.status == .sent)
    }

    @Test("a new address in the configuration, or a chat channel, is not held back by the old bounce")
    func newAddressAndChat() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var initiative = configuration.initiative
        let bounces = try store.bouncingAddresses()
        let bouncing = BouncingRecipients(initiative: initiative, bounces: bounces)
        #expect(bouncing.reasonNotSent(personID: "ben", channelID: "email") == Self.reason)
        #expect(bouncing.reasonNotSent(personID: "ben", channelID: "team-chat") == nil)
        #expect(bouncing.reasonNotSent(personID: "ana", channelID: "email") == nil)
        initiative.people[1].email = "ben.new@partners.example"
        let moved = BouncingRecipients(initiative: initiative, bounces: bounces)
        #expect(moved.reasonNotSent(personID: "ben", channelID: "email") == nil)
        #expect(moved.warnings.isEmpty)
    }

    @Test("/readyz stays ready and adds a warning line for the bouncing address")
    func readiness() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let readiness = Readiness(
            store: store,
            current: CurrentConfiguration(
                configuration: configuration, renderer: try AgendaRenderer(), loadedAt: Self.due),
            databasePath: directory.appendingPathComponent("rhythm.sqlite").path, secrets: SecretResolver())
        let report = readiness.report()
        #expect(report.ready)
        let lines = report.body.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ready: configuration loaded") == true)
        #expect(Array(lines.dropFirst()) == ["warning: " + Self.reason.dropFirst("not sent: ".count)])
    }
}
