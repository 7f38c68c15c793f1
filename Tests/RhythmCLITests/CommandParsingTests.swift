import ArgumentParser
import Testing

@testable import RhythmCLI

/// Argument checks that need no process and no configuration.
@Suite struct CommandParsingTests {
    @Test(
        "contradictory or malformed options are refused before anything runs",
        arguments: [
            (["upcoming", "--until", "2027-01-31", "--days", "7"], "either --until or --days"),
            (["upcoming", "--days", "0"], "--days must be at least 1"),
            (["upcoming", "--from", "2027-02-30"], "--from expects a date"),
            (["upcoming", "--format", "xml"], "xml"),
            (["preview", "--rule", "FREQ=DAILY", "--start", "2027-02-25", "--zone", "UTC"], "--start expects"),
            (
                ["preview", "--rule", "FREQ=DAILY", "--start", "2027-02-25T10:00", "--zone", "AEST"],
                "not a known time zone"
            ),
            (
                [
                    "preview", "--rule", "FREQ=DAILY", "--start", "2027-02-25T10:00", "--zone", "UTC", "--count", "3",
                    "--until", "2027-03-01",
                ],
                "either --count or --until"
            ),
            (
                ["preview", "--rule", "FREQ=DAILY", "--start", "2027-02-25T10:00", "--zone", "UTC", "--count", "0"],
                "--count must be"
            ),
        ]
    )
    func refused(arguments: [String], message: String) {
        #expect {
            _ = try RhythmCommand.parseAsRoot(arguments)
        } throws: { error in
            RhythmCommand.message(for: error).contains(message)
        }
    }

    @Test("the configuration path comes from --config, then RHYTHM_CONFIG, then /etc")
    func configurationPath() throws {
        let explicit = try #require(try RhythmCommand.parseAsRoot(["check", "--config", "a.yaml"]) as? CheckCommand)
        #expect(explicit.options.path == "a.yaml")
        let implicit = try #require(try RhythmCommand.parseAsRoot(["check"]) as? CheckCommand)
        #expect(implicit.options.config == nil)
        #expect(ConfigurationOptions.defaultPath == "/etc/rhythm/rhythm.yaml")
    }
}
