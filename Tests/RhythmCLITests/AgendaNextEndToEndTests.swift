import Foundation
import Testing

/// `--next` names one meeting everywhere: during a meeting, the one under way, whose agenda
/// the feeds and `agenda list --next` show, so an item added with `agenda add --next` lands
/// on the agenda people are looking at.
@Suite struct AgendaNextEndToEndTests {
    @Test("during a meeting, agenda add --next adds to the meeting under way, as agenda list --next shows it")
    func nextDuringAMeeting() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        // A daily hour-long meeting that began ten minutes ago in London.
        let start = ServiceEndToEndTests.london(Date() - 600)
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try ServiceEndToEndTests.yaml(port: LoopbackPort.free(), start: start)
            .replacingOccurrences(of: "duration: 15m", with: "duration: 1h")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let today = String(start.prefix(10))

        let added = try RhythmProcess.run(
            ["agenda", "add", "standup", "Blocked deploy", "--next", "--format", "json", "--config", config],
            environment: environment)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("\"occurrence_date\" : \"\(today)\""), "\(added.standardOutput)")

        let listed = try RhythmProcess.run(
            ["agenda", "list", "standup", "--next", "--format", "json", "--config", config], environment: environment)
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains("\"occurrence_date\" : \"\(today)\""), "\(listed.standardOutput)")
        #expect(listed.standardOutput.contains("Blocked deploy"), "\(listed.standardOutput)")
    }
}
