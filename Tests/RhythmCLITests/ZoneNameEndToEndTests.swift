import Foundation
import Testing

/// Zone names Foundation on Linux does not list, but the system's time-zone database holds.
@Suite struct ZoneNameEndToEndTests {
    @Test("preview takes Asia/Kolkata and check accepts it for the initiative and a person")
    func kolkata() throws {
        let preview = try RhythmProcess.run(
            [
                "preview", "--rule", "FREQ=DAILY", "--start", "2027-02-25T10:00", "--zone", "Asia/Kolkata", "--count",
                "1",
            ]
        )
        #expect(preview.status == 0, "\(preview.standardError)")
        #expect(preview.standardOutput == "2027-02-25T10:00:00+05:30\n")

        let config = try RhythmProcess.temporaryFile(
            named: "rhythm.yaml",
            containing: """
                initiative:
                  name: Zones
                  time_zone: Asia/Kolkata
                  domain: example.org
                people:
                  - id: ravi
                    name: Ravi
                    email: ravi@example.org
                    time_zone: Europe/Kyiv

                """)
        let check = try RhythmProcess.run(["check", "--config", config])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("Zones (Asia/Kolkata, example.org)"), "\(check.standardOutput)")
    }
}
