import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rhythm status` as an operator reads it: times on the initiative's clock, and the running
/// service reported even while the configuration file has a mistake in it.
@Suite("rhythm status", .serialized, .timeLimit(.minutes(2)))
struct StatusEndToEndTests {
    /// `2026-12-08T09:00:00+11:00`: a wall-clock reading with its offset, never `Z`.
    static var zonedTime: Regex<Substring> { /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d/ }

    @Test("times are the initiative's (Australia/Melbourne) with their offset, not UTC")
    func timesInTheInitiativesZone() throws {
        let workspace = try StorageEndToEndTests.Workspace()
        let database = workspace.directory.appendingPathComponent("rhythm.sqlite").path
        #expect(
            try RhythmProcess.run(["dispatch", "--once", "--config", workspace.config, "--database", database]).status
                == 0)
        let status = try RhythmProcess.run(["status", "--config", workspace.config, "--database", database])
        #expect(status.status == 69)
        let lines = status.standardOutput.split(separator: "\n").map(String.init)
        // "Next due" has a time only when something is pending; "Planned until" always has one.
        let timed = lines.filter { $0.hasPrefix("Planned until: ") || $0.hasPrefix("Next due: 2") }
        #expect(timed.contains { $0.hasPrefix("Planned until: ") }, "\(status.standardOutput)")
        for line in timed {
            let time = String(line.split(separator: ": ", maxSplits: 1)[1])
            #expect(time.wholeMatch(of: Self.zonedTime) != nil, "\(line)")
            #expect(time.hasSuffix("+11:00") || time.hasSuffix("+10:00"), "\(line)")
        }
    }

    @Test("with a mistake in the configuration, status warns and still reports the running service")
    func brokenConfigurationStillReportsTheService() async throws {
        let workspace = try StorageEndToEndTests.Workspace()
        let database = workspace.directory.appendingPathComponent("rhythm.sqlite").path
        let (process, _) = try workspace.launch(
            RhythmProcess.executable, ["serve", "--config", workspace.config, "--database", database])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var ready = 0
        for _ in 0..<100 where ready != 200 {
            ready = (try? await workspace.get("/readyz").status) ?? 0
            if ready != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(ready == 200)

        let text = try String(contentsOfFile: workspace.config, encoding: .utf8)
        try text.replacingOccurrences(of: "rule: FREQ=MONTHLY;BYDAY=2TU", with: "rule: FREQ=FORTNIGHTLY")
            .write(toFile: workspace.config, atomically: true, encoding: .utf8)
        #expect(try RhythmProcess.run(["check", "--config", workspace.config]).status == 78)

        let status = try RhythmProcess.run(
            ["status", "--config", workspace.config, "--database", database], environment: workspace.environment)
        #expect(status.status == 0, "\(status.standardOutput)\(status.standardError)")
        #expect(
            status.standardOutput.contains("Warning: the configuration \(workspace.config) has 1 error"),
            "\(status.standardOutput)")
        #expect(
            status.standardOutput.contains("Service at http://127.0.0.1:\(workspace.port): ready"),
            "\(status.standardOutput)")
        #expect(status.standardOutput.contains("Outbox: "))
    }
}
