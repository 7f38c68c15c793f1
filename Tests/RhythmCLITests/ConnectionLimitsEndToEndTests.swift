import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rhythm serve` started as systemd would start it without `LimitNOFILE=` (1,024 file
/// descriptors), against clients that hold connections open without asking anything: it
/// closes what is idle and keeps answering everyone else.
@Suite("connections are bounded in time and number", .serialized, .timeLimit(.minutes(3)))
struct ConnectionLimitsEndToEndTests {
    /// `rhythm serve` on the example configuration, on a free loopback port, with its limit of
    /// open files lowered to 1,024 before it starts.
    final class Server {
        let process = Process()
        let port = LoopbackPort.free()
        let log: URL

        init() throws {
            let directory = try RhythmProcess.temporaryDirectory()
            let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            let config = directory.appendingPathComponent("rhythm.yaml").path
            try example.replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(port)")
                .write(toFile: config, atomically: true, encoding: .utf8)
            log = directory.appendingPathComponent("serve.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", #"ulimit -n 1024 && exec "$0" "$@""#, RhythmProcess.executable.path, "serve", "--config",
                config, "--database", directory.appendingPathComponent("rhythm.sqlite").path,
            ]
            // The example's Slack channel reads its webhook URL from here; /readyz checks it.
            process.environment = ProcessInfo.processInfo.environment.merging([
                "RHYTHM_BACKBONE_SLACK_WEBHOOK": "http://127.0.0.1:9/never-called"
            ]) { $1 }
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        /// Waits (10 seconds at most) until the server answers its health check.
        func waitUntilReady() async throws {
            for _ in 0..<100 {
                if let (status, _) = try? await get("/healthz"), status == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("rhythm serve did not answer /healthz within 10 seconds:\n\(logText)")
        }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Runs Scripts/connections.py against this server and decodes its JSON answer.
        func probe(_ arguments: [String]) throws -> [String: Any] {
            let result = try RhythmProcess.runPython(
                script: "connections.py", arguments: [arguments[0], String(port)] + arguments.dropFirst())
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
            return try #require(object as? [String: Any], "\(result.standardOutput) \(result.standardError)")
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        /// A test that ends early leaves no server behind to hold the test runner's output open.
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    @Test("2,000 idle connections under a limit of 1,024 descriptors do not keep another client from the feed")
    func idleConnectionsDoNotLockOut() async throws {
        let server = try Server()
        defer { server.stop() }
        try await server.waitUntilReady()

        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        let holder = Process()
        holder.executableURL = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3")
        holder.arguments = [scripts.appendingPathComponent("connections.py").path, "hold", String(server.port), "2000"]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // The helper says how many handshakes completed once it has tried all 2,000.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        let opened =
            String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).last.flatMap { Int($0) } ?? 0
        #expect(opened > 1_024, "the helper established only \(opened) connections")

        // A new client on a new connection (URLSession would reuse the one of the health check).
        let feed = try server.probe([
            "request", #"GET /feeds/public.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"#, "20",
        ])
        #expect((feed["status"] as? String)?.hasPrefix("HTTP/1.1 200") == true, "\(feed)")
        let ready = try server.probe([
            "request", #"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"#, "20",
        ])
        #expect(
            (ready["status"] as? String)?.hasPrefix("HTTP/1.1 200") == true, "the database has descriptors: \(ready)")
        #expect(server.process.isRunning)
    }

    @Test("a connection that sends nothing, or dribbles its request head, is closed")
    func idleAndSlowConnectionsAreClosed() async throws {
        let server = try Server()
        defer { server.stop() }
        try await server.waitUntilReady()
        #expect(try server.probe(["idle"])["closed"] as? Bool == true)
        let slow = try server.probe(["slow-head"])
        #expect(slow["closed"] as? Bool == true, "\(slow)")
    }

    @Test("HTTP/1.0 is closed after its response unless it asks for keep-alive; so is Connection: Close")
    func closesWhatAskedToClose() async throws {
        let server = try Server()
        defer { server.stop() }
        try await server.waitUntilReady()
        let http10 = try server.probe(["request", #"GET /feeds/public.ics HTTP/1.0\r\n\r\n"#])
        #expect(http10["closed"] as? Bool == true, "\(http10)")
        #expect((http10["status"] as? String)?.hasPrefix("HTTP/1.0 200") == true, "\(http10)")
        #expect((http10["headers"] as? [String: String])?["connection"] == "close")

        let capitalised = try server.probe([
            "request", #"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Close\r\n\r\n"#,
        ])
        #expect(capitalised["closed"] as? Bool == true, "\(capitalised)")

        let keepAlive = try server.probe([
            "request", #"GET /feeds/public.ics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"#, "1",
        ])
        #expect(keepAlive["closed"] as? Bool == false, "\(keepAlive)")
        #expect((keepAlive["headers"] as? [String: String])?["connection"] == "keep-alive", "\(keepAlive)")
    }
}
