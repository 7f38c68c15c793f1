import ArgumentParser
import Testing

@testable import RhythmCLI

/// Every command that uses the database takes the same options, `--config` and `--database`.
@Suite struct SharedOptionsParsingTests {
    @Test(
        "each command that uses the database accepts --config and --database",
        arguments: [
            ["outbox", "list"], ["outbox", "show", "rhythm-key"], ["outbox", "retry", "--dead"], ["outbox", "purge"],
            ["backup", "copy.sqlite"], ["feed", "list"], ["feed", "rotate", "partner:council"],
            ["feed", "revoke", "abc123"], ["api-token", "create", "bot", "--scope", "read"], ["api-token", "list"],
            ["api-token", "revoke", "abc123"], ["action", "list"], ["action", "show", "1"],
            ["action", "add", "Draft", "--owner", "ann"], ["action", "done", "1"], ["action", "drop", "1"],
            ["action", "update", "1", "--title", "Draft"], ["agenda", "add", "weekly", "Budget", "--next"],
            ["agenda", "show", "weekly", "--next"], ["indicator", "list"],
            ["indicator", "record", "attendance", "--period", "2027-Q1", "--value", "91"], ["audit"],
            ["dispatch", "--once"], ["ics"], ["send-test", "--channel", "email"], ["serve"], ["simulate"],
            ["status"],
        ])
    func sharedOptions(_ arguments: [String]) throws {
        _ = try RhythmCommand.parseAsRoot(arguments + ["--config", "rhythm.yaml", "--database", "rhythm.sqlite"])
    }

    @Test("the database is --database, then $RHYTHM_DATABASE, then service.database, then the state directory")
    func precedence() {
        let configured = (database: "/srv/rhythm/data.sqlite", file: "/srv/rhythm/rhythm.yaml")
        let environment = ["RHYTHM_DATABASE": "/env/rhythm.sqlite", "STATE_DIRECTORY": "/state"]
        #expect(
            DatabaseLocation.resolve(option: "/opt/x.sqlite", environment: environment, configured: configured)
                == DatabaseLocation(path: "/opt/x.sqlite", source: .option))
        #expect(
            DatabaseLocation.resolve(option: nil, environment: environment, configured: configured)
                == DatabaseLocation(path: "/env/rhythm.sqlite", source: .environment))
        #expect(
            DatabaseLocation.resolve(option: nil, environment: ["STATE_DIRECTORY": "/state"], configured: configured)
                == DatabaseLocation(path: configured.database, source: .configuration(configured.file)))
        #expect(
            DatabaseLocation.resolve(option: nil, environment: ["STATE_DIRECTORY": "/state"], configured: nil)
                == DatabaseLocation(path: "/state/rhythm.sqlite", source: .stateDirectory))
        #expect(
            DatabaseLocation.resolve(option: nil, environment: [:], configured: nil)
                == DatabaseLocation(path: "/var/lib/rhythm/rhythm.sqlite", source: .builtInDefault))
    }
}
