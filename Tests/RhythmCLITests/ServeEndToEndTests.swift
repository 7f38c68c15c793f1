import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rhythm serve` as a subscriber meets it: the real binary, a real socket on 127.0.0.1,
/// tokens issued and revoked by the real command line while it runs.
@Suite struct ServeEndToEndTests {
    /// A running `rhythm serve` on a free loopback port with its own database.
    final class Server {
        let process = Process()
        let base: String
        let config: String
        let environment: [String: String]
        /// Where the server's log goes.
        let log: String

        /// Serves the example configuration from a new directory.
        convenience init() throws {
            let directory = try RhythmProcess.temporaryDirectory()
            let port = LoopbackPort.free()
            let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            let config = directory.appendingPathComponent("rhythm.yaml").path
            try example.replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(port)")
                .write(toFile: config, atomically: true, encoding: .utf8)
            try self.init(directory: directory, config: config, port: port)
        }

        /// Serves `config`, which must listen on 127.0.0.1:`port`, with the database
        /// `rhythm.sqlite` in `directory` (which may already hold one).
        init(directory: URL, config: String, port: Int) throws {
            base = "http://127.0.0.1:\(port)"
            self.config = config
            environment = ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]
            process.executableURL = RhythmProcess.executable
            process.arguments = ["serve", "--config", config]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            log = directory.appendingPathComponent("serve.log").path
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: log)
            try process.run()
        }

        /// Waits (10 seconds at most) until the server answers its health check.
        func waitUntilReady() async throws {
            for _ in 0..<100 {
                if let (_, response) = try? await get("/healthz"), response.statusCode == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("rhythm serve did not answer /healthz within 10 seconds")
        }

        func get(_ path: String, headers: [String: String] = [:]) async throws -> (Data, HTTPURLResponse) {
            try await send("GET", path, headers: headers)
        }

        func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws
            -> (Data, HTTPURLResponse)
        {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.httpBody = body
            request.timeoutInterval = 10
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await URLSession.shared.data(for: request)
            return (data, response as! HTTPURLResponse)
        }

        /// Runs a `rhythm` command against this server's database (and configuration, unless the
        /// command does not read one).
        func rhythm(_ arguments: [String], readsConfiguration: Bool = true) throws -> RhythmProcess.Result {
            try RhythmProcess.run(
                arguments + (readsConfiguration ? ["--config", config] : []), environment: environment)
        }

        /// Rewrites the configuration with `edit` and sends SIGHUP.
        func reload(_ edit: (String) -> String) throws {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try edit(text).write(toFile: config, atomically: true, encoding: .utf8)
            kill(process.processIdentifier, SIGHUP)
        }

        /// Waits (10 seconds at most) until `condition` holds.
        func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
            for _ in 0..<100 {
                if try await condition() { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("timed out waiting until \(what)")
        }

        /// The server's log so far.
        var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

        /// Sends SIGTERM and waits for a clean exit.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// A test that ends early (a failed `#require`) leaves no server behind: one still
        /// running would hold the test runner's output open, and the whole run would wait on it.
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    @Test("the server serves the public feed as rhythm ics writes it, with validators that give 304s")
    func publicFeed() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let (body, response) = try await server.get("/feeds/public.ics")
        #expect(response.statusCode == 200)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "text/calendar; charset=utf-8")
        let exported = try server.rhythm(["ics"])
        #expect(String(decoding: body, as: UTF8.self) == exported.standardOutput)
        #expect(!String(decoding: body, as: UTF8.self).contains("mailto:"))
        let etag = try #require(response.value(forHTTPHeaderField: "ETag"))
        let (_, unchanged) = try await server.get("/feeds/public.ics", headers: ["If-None-Match": etag])
        #expect(unchanged.statusCode == 304)
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("rhythm ics --token writes a private feed byte for byte as the server serves it, agenda links included")
    func privateFeedAsServed() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let rotated = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        #expect(rotated.status == 0, "\(rotated.standardError)")
        let url = rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = String(url.dropFirst(server.base.count + "/feeds/".count).dropLast(".ics".count))
        let (body, response) = try await server.get("/feeds/\(token).ics")
        #expect(response.statusCode == 200)
        let served = String(decoding: body, as: UTF8.self)
        #expect(served.contains("/agenda/\(token)/"))
        let exported = try server.rhythm(["ics", "--token", token])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput == served)
        // Named rather than reached through a token, the same feed has no links to agenda pages.
        let named = try server.rhythm(["ics", "--feed", "partner:brightwater-council"])
        #expect(named.status == 0, "\(named.standardError)")
        #expect(!named.standardOutput.contains("/agenda/"))
        let unknown = try server.rhythm(["ics", "--token", String(repeating: "A", count: 43)])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("no feed has this token"))
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("a private feed works through its token until the token is rotated or revoked, then 404s like a wrong one")
    func privateFeedTokens() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let rotated = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        #expect(rotated.status == 0, "\(rotated.standardError)")
        let url = rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.hasPrefix(server.base + "/feeds/"))
        let path = String(url.dropFirst(server.base.count))
        let (body, response) = try await server.get(path)
        #expect(response.statusCode == 200)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("X-WR-CALNAME:Brightwater Youth Futures: Brightwater City Council"))
        #expect(text.contains("ATTENDEE;CN=Amara Okafor"))
        #expect(!text.contains("Backbone stand-up"))

        let (wrongBody, wrong) = try await server.get("/feeds/\(String(repeating: "A", count: 43)).ics")
        #expect(wrong.statusCode == 404)
        let renewed = try server.rhythm(["feed", "rotate", "partner:brightwater-council"])
        #expect(renewed.status == 0)
        let (oldBody, old) = try await server.get(path)
        #expect(old.statusCode == 404)
        #expect(oldBody == wrongBody)
        let renewedPath = String(
            renewed.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count))
        #expect(try await server.get(renewedPath).1.statusCode == 200)
        let revoked = try server.rhythm(
            ["feed", "revoke", "--subject", "partner:brightwater-council"], readsConfiguration: false)
        #expect(revoked.status == 0, "\(revoked.standardError)")
        #expect(try await server.get(renewedPath).1.statusCode == 404)
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("SIGHUP applies a good configuration, raising SEQUENCE, and keeps the last good one when the file is bad")
    func reloadOnHangUp() async throws {
        let server = try Server()
        try await server.waitUntilReady()
        let before = String(decoding: try await server.get("/feeds/public.ics").0, as: UTF8.self)
        #expect(before.contains("SUMMARY:Leadership Table\r\n"))

        try server.reload { $0.replacingOccurrences(of: "title: Leadership Table", with: "title: Leadership Council") }
        var after = ""
        try await server.eventually("the feed shows the new title") {
            after = String(decoding: try await server.get("/feeds/public.ics").0, as: UTF8.self)
            return after.contains("SUMMARY:Leadership Council")
        }
        let leadership = after.components(separatedBy: "BEGIN:VEVENT").filter {
            $0.contains("UID:leadership-table@")
        }
        #expect(!leadership.isEmpty && leadership.allSatisfy { $0.contains("SEQUENCE:1\r\n") })
        try await server.eventually("the log says how long the reload took") {
            server.logText.range(
                of: #"Configuration reloaded reload\.seconds=\d+\.\d{3} "#, options: .regularExpression)
                != nil
        }

        try server.reload { $0 + "\nbogus_section: true\n" }
        try await server.eventually("the log reports the bad file") {
            server.logText.contains("still running on the last good one")
        }
        #expect(server.logText.contains("unknown key \"bogus_section\""))
        let (body, response) = try await server.get("/feeds/public.ics")
        #expect(response.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == after)
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
