import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `rhythm serve` on a port another process listens on: it must say so and exit, not keep
/// running without listening while systemd believes it healthy.
@Suite("rhythm serve on a port in use", .timeLimit(.minutes(2)))
struct PortInUseEndToEndTests {
    /// A TCP socket of the test's own, listening on 127.0.0.1 at a port the kernel picks.
    final class Listener {
        let descriptor: Int32
        let port: Int

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard let port = LoopbackPort.bindToAnyPort(descriptor), listen(descriptor, 8) == 0 else {
                close(descriptor)
                throw ServerError("cannot listen on 127.0.0.1")
            }
            self.descriptor = descriptor
            self.port = port
        }

        deinit {
            close(descriptor)
        }
    }

    @Test("exits with 71 naming the address and the reason, and never tells systemd READY=1")
    func exitsWhenThePortIsTaken() async throws {
        let listener = try Listener()
        let directory = try RhythmProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("rhythm.yaml")
        try """
        initiative: { name: Port Test, time_zone: Europe/London, domain: port.example }
        service: { listen: "127.0.0.1:\(listener.port)" }

        """.write(to: config, atomically: true, encoding: .utf8)
        let notify = try NotifySocket(path: directory.appendingPathComponent("notify").path)
        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = RhythmProcess.executable
        process.arguments = [
            "serve", "--config", config.path, "--database", directory.appendingPathComponent("rhythm.sqlite").path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = notify.name
        environment["WATCHDOG_USEC"] = "1000000"
        environment["JOURNAL_STREAM"] = "8:1234"
        process.environment = environment
        process.standardError = FileHandle(forWritingAtPath: log.path)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // A guard, not a timing assertion: a service that keeps running fails the test here
        // instead of hanging it.
        let guardDeadline = Date() + 30
        while process.isRunning, Date() < guardDeadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        let stillRunning = process.isRunning
        if stillRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""

        #expect(!stillRunning, "rhythm serve kept running without listening")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 71, "\(logText)")
        #expect(logText.contains("<3>"), "the failure is logged at error level: \(logText)")
        #expect(
            logText.contains("address already in use: another process listens on 127.0.0.1:\(listener.port)"),
            "\(logText)")
        #expect(logText.contains("set service.listen or stop the other process"), "\(logText)")
        #expect(!notify.messages.contains { $0.message.contains("READY=1") }, "\(notify.messages.map(\.message))")
    }
}
