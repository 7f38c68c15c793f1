import Foundation
import Testing

/// `rhythm simulate` plans from the example's reminder rules without sending anything.
@Suite struct SimulateEndToEndTests {
    struct Line: Decodable {
        let key: String
        let due: String
        let channel: String
        let recipient: String
        let about: String
    }

    @Test("simulate lists agenda e-mails 3 business days ahead, deferred out of a London attendee's quiet hours")
    func agendaRemindersAndQuietHours() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
        let arguments = [
            "simulate", "--config", RhythmProcess.exampleConfiguration, "--from", "2026-12-01", "--until",
            "2026-12-05", "--format", "json",
        ]
        let result = try RhythmProcess.run(arguments, environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try JSONDecoder().decode([Line].self, from: Data(result.standardOutput.utf8))
        let agendas = lines.filter { $0.about.hasPrefix("agenda: Leadership Table, Tue 2026-12-08") }
        // Three business days before Tuesday 8 December 10:00 is Thursday 3 December 10:00 in Melbourne.
        let amara = try #require(agendas.first { $0.recipient.hasPrefix("Amara Okafor") })
        #expect(amara.due == "Thu 2026-12-03 10:00 +11:00")
        #expect(amara.channel == "email")
        // That is 23:00 on Wednesday in London, inside Fiona's quiet hours (19:00 to 08:00).
        let fiona = try #require(agendas.first { $0.recipient.hasPrefix("Fiona McAllister") })
        #expect(fiona.due == "Thu 2026-12-03 08:00 +00:00")
        #expect(Set(lines.map(\.key)).count == lines.count)
        // Planning again gives the same reminders: keys are deterministic.
        let again = try RhythmProcess.run(arguments, environment: environment)
        #expect(again.standardOutput == result.standardOutput)
    }
}
