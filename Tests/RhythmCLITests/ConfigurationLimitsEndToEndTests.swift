import Foundation
import Testing

/// One line of configuration cannot make `rhythm check` run away with memory or time.
@Suite struct ConfigurationLimitsEndToEndTests {
    static let configuration = """
        initiative:
          name: Limits
          time_zone: Australia/Melbourne
          domain: example.org
        series:
          - id: every-second
            title: Every second
            kind: team
            start: 2027-01-05T10:00
            duration: 1h
            rule: FREQ=SECONDLY

        """

    @Test("check refuses FREQ=SECONDLY at its place and exits 78 at once")
    func secondlyRuleIsRefused() throws {
        let config = try RhythmProcess.temporaryFile(named: "rhythm.yaml", containing: Self.configuration)
        let run = try RhythmProcess.runKilled(afterSeconds: 60, ["check", "--config", config])
        #expect(!run.killed, "rhythm check was still running after a minute")
        #expect(run.result.status == 78)
        #expect(
            run.result.standardError.contains(
                "\(config):11:11: error: series[0].rule: FREQ=SECONDLY repeats the meeting every second, but "
                    + "meetings recur at most daily"), "\(run.result.standardError)")
    }

    @Test("check refuses a file larger than 4 MiB before reading it as YAML, and exits 78")
    func oversizedFileIsRefused() throws {
        let padding = "# " + String(repeating: "x", count: 1_000) + "\n"
        let config = try RhythmProcess.temporaryFile(
            named: "rhythm.yaml", containing: Self.configuration + String(repeating: padding, count: 5_000))
        let run = try RhythmProcess.runKilled(afterSeconds: 60, ["check", "--config", config])
        #expect(!run.killed)
        #expect(run.result.status == 78)
        #expect(run.result.standardError.contains("larger than the 4 MiB a configuration may have"))
    }

    @Test("preview still shows a rule that repeats every second, and says where it stops one too big to expand")
    func previewIsBounded() throws {
        let secondly = try RhythmProcess.runKilled(
            afterSeconds: 60,
            ["preview", "--rule", "FREQ=SECONDLY", "--start", "2027-01-05T10:00", "--zone", "UTC", "--count", "2"])
        #expect(secondly.result.status == 0)
        #expect(secondly.result.standardOutput == "2027-01-05T10:00:00+00:00\n2027-01-05T10:00:01+00:00\n")

        let every = { (range: ClosedRange<Int>) in range.map(String.init).joined(separator: ",") }
        let huge =
            "FREQ=YEARLY;BYMONTHDAY=\(every(1...31));BYHOUR=\(every(0...23));BYMINUTE=\(every(0...59))"
            + ";BYSECOND=\(every(0...59))"
        let run = try RhythmProcess.runKilled(
            afterSeconds: 60, ["preview", "--rule", huge, "--start", "2027-01-05T10:00", "--zone", "UTC"])
        #expect(!run.killed)
        #expect(run.result.status == 0)
        #expect(run.result.standardOutput == "2027-01-05T10:00:00+00:00\n")
        #expect(run.result.standardError.contains("the rule produces more than Rhythm expands"))
    }
}

extension RhythmProcess {
    /// Runs the binary like `run`, but kills it if it is still running after `seconds`, so
    /// that a regression fails the test instead of hanging the suite or filling memory.
    static func runKilled(afterSeconds seconds: Int, _ arguments: [String]) throws -> (result: Result, killed: Bool) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RHYTHM_CONFIG"] = nil
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds), execute: killer)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        let result = Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
        return (result, process.terminationReason == .uncaughtSignal)
    }
}
