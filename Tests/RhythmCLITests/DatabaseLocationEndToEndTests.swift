import Foundation
import Testing

/// Every command finds the database the same way (--database, $RHYTHM_DATABASE,
/// service.database, the state directory, the default) and, when it cannot open it, says how
/// to point at another.
@Suite struct DatabaseLocationEndToEndTests {
    /// A directory with a small configuration whose `service.database` is `database`.
    static func workspace(database: String) throws -> (directory: URL, config: String) {
        let directory = try RhythmProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("rhythm.yaml").path
        let yaml = """
            initiative:
              name: Test initiative
              time_zone: Australia/Melbourne
              domain: example.org
            service:
              database: \(database)

            """
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        return (directory, config)
    }

    @Test("outbox list takes --config, and a relative service.database starts at the configuration's directory")
    func configuredDatabase() throws {
        let (directory, config) = try Self.workspace(database: "data/rhythm.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        let list = try RhythmProcess.run(["outbox", "list", "--config", config, "--format", "json"])
        #expect(list.status == 0, "\(list.standardError)")
        let entries = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [Any]
        #expect(entries?.isEmpty == true, "\(list.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/rhythm.sqlite").path))

        let backup = directory.appendingPathComponent("copy.sqlite").path
        let copied = try RhythmProcess.run(["backup", backup], environment: ["RHYTHM_CONFIG": config])
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(copied.standardOutput.contains("Backed up \(directory.path)/data/rhythm.sqlite"))
    }

    @Test("--database, then $RHYTHM_DATABASE, come before service.database")
    func precedence() throws {
        let (directory, config) = try Self.workspace(database: "missing/rhythm.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let option = directory.appendingPathComponent("option.sqlite").path
        let environment = directory.appendingPathComponent("environment.sqlite").path
        let byOption = try RhythmProcess.run(
            ["outbox", "list", "--config", config, "--database", option], environment: ["RHYTHM_DATABASE": environment])
        #expect(byOption.status == 0, "\(byOption.standardError)")
        #expect(FileManager.default.fileExists(atPath: option))
        #expect(!FileManager.default.fileExists(atPath: environment))
        let byEnvironment = try RhythmProcess.run(
            ["outbox", "list", "--config", config], environment: ["RHYTHM_DATABASE": environment])
        #expect(byEnvironment.status == 0, "\(byEnvironment.standardError)")
        #expect(FileManager.default.fileExists(atPath: environment))
    }

    @Test("a database that cannot be opened is reported with where its path came from and how to choose another")
    func cannotOpen() throws {
        let (directory, config) = try Self.workspace(database: "missing/rhythm.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["outbox", "list"], ["action", "list"]] {
            let result = try RhythmProcess.run(arguments + ["--config", config])
            #expect(result.status == 74)
            #expect(
                result.standardError.contains("\(directory.path)/missing does not exist"), "\(result.standardError)")
            #expect(
                result.standardError.contains(
                    "The database \(directory.path)/missing/rhythm.sqlite is from service.database in \(config). "
                        + "Point at another with --database PATH, $RHYTHM_DATABASE, or service.database"))
        }
    }
}
