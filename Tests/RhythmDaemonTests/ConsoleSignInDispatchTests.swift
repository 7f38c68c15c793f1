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

/// A console sign-in message asked for on the sign-in page: composed when it goes, with a
/// fresh one-time link, and withdrawn when its person may no longer sign in.
@Suite(.timeLimit(.minutes(5))) struct ConsoleSignInDispatchTests {
    static let yaml = """
        initiative: { name: Console Test, time_zone: Europe/London, domain: console.example }
        service: { public_url: "https://rhythm.console.example" }
        people:
          - { id: ana, name: Ana, email: ana@partners.example, console: true }
          - { id: ben, name: Ben, email: ben@partners.example }
        channels:
          - { id: email, type: email, from: Backbone <backbone@console.example> }

        """
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("the message carries a working one-time link; one for a person without console access is withdrawn")
    func composedAndWithdrawn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-console-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try ConfigurationLoader().load(
            yaml: Self.yaml, path: directory.appendingPathComponent("rhythm.yaml").path)
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        for person in ["ana", "ben"] {
            try store.enqueueConsoleSignIn(personID: person, channelID: "email", subject: "Sign in", now: Self.now)
        }
        #expect(try store.outboxEntries().allSatisfy { $0.payload == nil })

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
        _ = try await dispatcher.dispatchDue(sequences: [:], clock: { Self.now })
        transport.shutdown()
        try await pool.shutdownGracefully()

        let entries = try store.outboxEntries()
        #expect(entries.first { $0.consoleSignInPersonID == "ana" }?.status == .sent)
        #expect(entries.first { $0.consoleSignInPersonID == "ben" }?.status == .withdrawn)
        let new = directory.appendingPathComponent("maildir/new")
        let files = try FileManager.default.contentsOfDirectory(atPath: new.path)
        #expect(files.count == 1)
        let message = try String(contentsOf: new.appendingPathComponent(try #require(files.first)), encoding: .utf8)
            .replacingOccurrences(of: "=\r\n", with: "")
        #expect(message.contains("<ana@partners.example>") && !message.contains("ben@partners.example"))
        let prefix = "https://rhythm.console.example/console/s/"
        let start = try #require(message.range(of: prefix))
        let token = String(message[start.upperBound...].prefix(43))
        #expect(try store.consoleSignInLinkPerson(token: token, now: Self.now + 60) == "ana")
        #expect(try store.consoleSignInLinkPerson(token: token, now: Self.now + 15 * 60) == nil)
    }
}
