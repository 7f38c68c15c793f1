import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What Rhythm does when its database cannot take writes: a disk that filled up under the
/// running service, and a file with a damaged page.
@Suite("a full disk and a damaged database", .serialized, .timeLimit(.minutes(3)))
struct StorageEndToEndTests {
    /// The example configuration on a free port, in a new directory.
    struct Workspace {
        let directory: URL
        let config: String
        let port = LoopbackPort.free()
        /// The example's Slack channel reads its webhook URL from here; /readyz checks it.
        let environment = ["RHYTHM_BACKBONE_SLACK_WEBHOOK": "http://127.0.0.1:9/never-called"]

        init() throws {
            directory = try RhythmProcess.temporaryDirectory()
            config = directory.appendingPathComponent("rhythm.yaml").path
            let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            try example.replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(port)")
                .write(toFile: config, atomically: true, encoding: .utf8)
        }

        /// Starts `executable` with this workspace's environment, its standard error in serve.log.
        func launch(_ executable: URL, _ arguments: [String]) throws -> (process: Process, log: URL) {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let log = directory.appendingPathComponent("serve.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, log)
        }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Posts an action with `details` through the API.
        func postAction(token: String, details: String) async throws -> Int {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/actions")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: [
                "title": "Fill the disk", "owner_id": "amara-okafor", "details": details,
            ])
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
    }

    /// Runs `command` in the mount namespace of process `pid`, where the small disk is.
    static func inNamespace(of pid: Int32, _ command: [String]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            ["-t", String(pid), "-m", "--"] + command, executable: URL(fileURLWithPath: "/usr/bin/nsenter"))
    }

    /// A real full disk: the service runs in a mount namespace of its own with its database on
    /// a 2 MiB tmpfs, which the test then fills, so SQLite's writes fail with "database or
    /// disk is full" as they would on a full /var. (A write test such as BEGIN IMMEDIATE
    /// succeeds on a full disk; SQLite's max_page_count is a setting of one connection, so
    /// the test could not set it on the service's.)
    @Test("with the disk full /readyz is 503 naming the failed write, and 200 again once a write succeeds")
    func fullDisk() async throws {
        let workspace = try Workspace()
        let disk = workspace.directory.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let database = "\(disk)/rhythm.sqlite"
        let (process, log) = try workspace.launch(
            URL(fileURLWithPath: "/usr/bin/unshare"),
            [
                "-m", "--propagation", "private", "/bin/sh", "-c",
                #"mount -t tmpfs -o size=2m rhythm-test "$0" && exec "$1" serve --config "$2" --database "$0/rhythm.sqlite""#,
                disk, RhythmProcess.executable.path, workspace.config,
            ])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var ready = 0
        for _ in 0..<100 where ready != 200 {
            ready = (try? await workspace.get("/readyz").status) ?? 0
            if ready != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        let logText = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        try #require(ready == 200, "the service in its own mount namespace did not become ready:\n\(logText())")
        let pid = process.processIdentifier
        let token = try Self.inNamespace(
            of: pid,
            [
                RhythmProcess.executable.path, "api-token", "create", "disk-test", "--scope", "write", "--config",
                workspace.config, "--database", database,
            ]
        ).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await workspace.postAction(token: token, details: "before the disk fills") == 201)

        _ = try Self.inNamespace(of: pid, ["/bin/sh", "-c", #"dd if=/dev/zero of="$0/filler" bs=64k"#, disk])
        let details = String(repeating: "A full disk refuses this. ", count: 380)
        var refused = 0
        for _ in 0..<200 where refused == 0 {
            let status = try await workspace.postAction(token: token, details: details)
            if status >= 500 { refused = status } else { #expect(status == 201) }
        }
        #expect(refused >= 500, "the API never failed a write on the full disk")
        let full = try await workspace.get("/readyz")
        #expect(full.status == 503, "\(full.body)")
        #expect(full.body.contains("a database write failed at"), "\(full.body)")
        #expect(full.body.contains("full"), "\(full.body)")

        _ = try Self.inNamespace(of: pid, ["/bin/rm", "\(disk)/filler"])
        #expect(try await workspace.postAction(token: token, details: "after space was freed") == 201)
        let recovered = try await workspace.get("/readyz")
        #expect(recovered.status == 200, "\(recovered.body)")
        kill(pid, SIGTERM)
        process.waitUntilExit()
    }

    /// A copy of a used database with 4 KiB of zeros written over its middle page.
    static func damagedDatabase(in workspace: Workspace) throws -> String {
        let database = workspace.directory.appendingPathComponent("rhythm.sqlite").path
        let dispatched = try RhythmProcess.run(
            ["dispatch", "--once", "--config", workspace.config, "--database", database])
        #expect(dispatched.status == 0, "\(dispatched.standardError)")
        let copy = workspace.directory.appendingPathComponent("damaged.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let damaged = try RhythmProcess.runPython(script: "damage_database.py", arguments: [copy])
        #expect(damaged.status == 0, "\(damaged.standardError)")
        return copy
    }

    @Test("serve refuses a damaged database with exit 74 and says what to do")
    func serveRefusesDamagedDatabase() async throws {
        let workspace = try Workspace()
        let damaged = try Self.damagedDatabase(in: workspace)
        let (process, log) = try workspace.launch(
            RhythmProcess.executable, ["serve", "--config", workspace.config, "--database", damaged])
        // It must stop by itself; one that starts serving is stopped after 30 seconds.
        for _ in 0..<300 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let message = try String(contentsOf: log, encoding: .utf8)
        #expect(process.terminationReason == .exit && process.terminationStatus == 74, "\(message)")
        #expect(message.contains("error: the database \(damaged) is damaged"), "\(message)")
        #expect(message.contains("restore the latest backup"))
    }

    @Test("a backup of a damaged database exits 74 and leaves no file under the name given")
    func backupOfDamagedDatabase() throws {
        let workspace = try Workspace()
        let damaged = try Self.damagedDatabase(in: workspace)
        let backups = workspace.directory.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        let target = backups.appendingPathComponent("new.sqlite").path
        let backup = try RhythmProcess.run(["backup", target, "--database", damaged])
        #expect(backup.status == 74)
        #expect(backup.standardError.contains("so it was not kept"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path) == [])
    }

    @Test("status on a damaged database names the damage and exits 74")
    func statusOnDamagedDatabase() throws {
        let workspace = try Workspace()
        let damaged = try Self.damagedDatabase(in: workspace)
        let status = try RhythmProcess.run(
            ["status", "--config", workspace.config, "--database", damaged], environment: workspace.environment)
        #expect(status.status == 74)
        #expect(
            status.standardOutput.contains("Problem: the database \(damaged) is damaged"), "\(status.standardOutput)")
    }
}
