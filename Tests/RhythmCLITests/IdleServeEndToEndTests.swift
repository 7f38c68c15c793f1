import Foundation
import Testing

/// `rhythm serve` left alone: it sleeps until something is due or something changes, and
/// what the command line writes meanwhile wakes it at once.
@Suite struct IdleServeEndToEndTests {
    typealias Server = ServeEndToEndTests.Server

    /// The context switches of each thread of `pid` so far, by thread id: every wake-up of a
    /// thread is one. Every thread counts, libdispatch's manager thread too: were a task run
    /// on libdispatch's global queues, its worker-pool monitor would wake that thread every
    /// second (see ServiceExecutor).
    static func contextSwitches(of pid: Int32) -> [String: Int] {
        let tasks = "/proc/\(pid)/task"
        var switches: [String: Int] = [:]
        for thread in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
            guard let status = try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8)
            else { continue }
            // voluntary_ctxt_switches and nonvoluntary_ctxt_switches
            switches[thread] = status.split(separator: "\n").filter { $0.contains("ctxt_switches:") }
                .compactMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
                .reduce(0, +)
        }
        return switches
    }

    /// The wake-ups between two samples: the growth of each thread that was there before,
    /// and everything of a thread that started since (starting it woke the process).
    static func wakeups(from before: [String: Int], to after: [String: Int]) -> Int {
        after.reduce(0) { total, thread in total + thread.value - (before[thread.key] ?? 0) }
    }

    @Test("an idle server does not wake: no timer ticks between due instants")
    func idleServerSleeps() async throws {
        let server = try Server()
        // Ready once it listens; no request is made, so no connection keeps an idle timer armed.
        try await server.eventually("the server listens") { server.logText.contains("Listening") }
        // The first dispatcher pass and the publication settle first.
        try await Task.sleep(for: .seconds(3))
        let pid = server.process.processIdentifier
        let before = Self.contextSwitches(of: pid)
        try await Task.sleep(for: .seconds(5))
        let woken = Self.wakeups(from: before, to: Self.contextSwitches(of: pid))
        // Hummingbird's date timer alone woke a thread of Swift's pool every second.
        #expect(woken <= 2, "\(woken) wake-ups in 5 idle seconds")
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("an action recorded on the command line while the server runs gets its reminder planned at once")
    func commandLineWriteWakesTheDispatcher() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        // Due in four days: the three-day reminder falls within the planner's two-day horizon.
        let due = Date().addingTimeInterval(4 * 86_400).formatted(.iso8601.year().month().day())
        let added = try await RhythmProcess.runOffPool(
            [
                "action", "add", "Book the youth forum venue", "--owner", "amara-okafor", "--due", due, "--config",
                server.config,
            ], environment: server.environment)
        #expect(added.status == 0, "\(added.standardError)")
        try await server.eventually("the dispatcher planned the action's reminder") {
            let listed = try await RhythmProcess.runOffPool(
                ["outbox", "list", "--format", "json", "--config", server.config], environment: server.environment)
            return listed.standardOutput.contains("Book the youth forum venue")
        }
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
