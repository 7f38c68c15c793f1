import Foundation
import Logging
import RhythmAgenda
import RhythmConfig
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// The dispatcher as the service group runs it.
@Suite(.timeLimit(.minutes(5))) struct DispatcherServiceTests {
    @Test("returns when its task is cancelled, as the service group does when another service fails")
    func endsOnCancellation() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-dispatcher-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("rhythm.sqlite").path
        let configuration = try ConfigurationLoader().load(
            yaml: "initiative: { name: Cancel Test, time_zone: Europe/London, domain: cancel.example }\n",
            path: directory.appendingPathComponent("rhythm.yaml").path)
        let store = try AppDatabase.open(path: databasePath)
        let wakeup = Wakeup()
        let dispatcher = DispatcherService(
            current: CurrentConfiguration(
                configuration: configuration, renderer: try AgendaRenderer(), loadedAt: Date()),
            store: store, databasePath: databasePath, wakeup: wakeup, health: DispatcherHealth(),
            metrics: RhythmMetrics(), notifier: SystemdNotifier(environment: [:]), secrets: SecretResolver(),
            logger: Logger(label: "rhythm-test"))
        let running = Task { try await dispatcher.run() }
        running.cancel()
        // Returns (rather than looping on) once cancelled; the suite's time limit guards a hang.
        try await running.value
        #expect(try DispatchLock.acquire(forDatabaseAt: databasePath) != nil, "the dispatch lock is released")
    }
}
