import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rhythm serve` as systemd runs it: a notify socket of the test's own, a watchdog, SIGHUP
/// with good and bad files, SIGTERM; and a reminder sent at its time with nothing done before.
@Suite("rhythm serve under systemd", .serialized, .timeLimit(.minutes(3)))
struct ServiceEndToEndTests {
    /// A running `rhythm serve` with its own directory, port, database and notify socket.
    final class Service {
        let directory: URL
        let config: URL
        let database: URL
        let port = LoopbackPort.free()
        let notify: NotifySocket
        let process = Process()
        let log: URL

        init(yaml: (Int) -> String, abstractSocket: Bool = false, watchdogMicroseconds: Int = 1_000_000) throws {
            directory = try RhythmProcess.temporaryDirectory()
            config = directory.appendingPathComponent("rhythm.yaml")
            database = directory.appendingPathComponent("rhythm.sqlite")
            log = directory.appendingPathComponent("serve.log")
            try yaml(port).write(to: config, atomically: true, encoding: .utf8)
            notify = try NotifySocket(
                path: abstractSocket
                    ? "rhythm-test-\(UUID().uuidString)" : directory.appendingPathComponent("notify").path,
                abstract: abstractSocket)
            process.executableURL = RhythmProcess.executable
            process.arguments = ["serve", "--config", config.path, "--database", database.path]
            var environment = ProcessInfo.processInfo.environment
            environment["NOTIFY_SOCKET"] = notify.name
            environment["WATCHDOG_USEC"] = String(watchdogMicroseconds)
            environment["JOURNAL_STREAM"] = "8:1234"
            process.environment = environment
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: log.path)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// A gauge or counter without labels from `/metrics`.
        func metric(_ name: String) async throws -> Double? {
            let text = try await get("/metrics").body
            return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
                .flatMap { Double($0.split(separator: " ")[1]) }
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        /// A test that ends early leaves no server behind to hold the test runner's output open.
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// A small initiative whose only meeting starts at `start` (local, London), with an e-mail
    /// reminder one minute before it, to the Maildir next to the database.
    static func yaml(port: Int, title: String = "Stand-up", start: String) -> String {
        """
        initiative: { name: Service Test, time_zone: Europe/London, domain: service.example }
        service: { listen: "127.0.0.1:\(port)" }
        people:
          - { id: ana, name: Ana, email: ana@service.example }
        series:
          - id: standup
            title: \(title)
            kind: team
            start: \(start)
            duration: 15m
            attendees: { people: [ana] }
            rule: FREQ=DAILY
            on_holiday: ignore
        channels:
          - { id: email, type: email, from: Backbone <backbone@service.example> }
        reminders:
          - { id: standup-email, for: meetings, before: 1 minutes, channel: email, to: attendees }

        """
    }

    /// The local London wall-clock reading of `date`, to the second.
    static func london(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    @Test("READY once listening, watchdog pings, reload on SIGHUP (good and bad files), STOPPING and exit 0 on SIGTERM")
    func lifecycle() async throws {
        let start = Self.london(Date() + 6 * 3600)
        let service = try Service(yaml: { Self.yaml(port: $0, start: start) })
        defer { service.stop() }
        let ready = try await service.notify.wait(for: "READY=1")
        #expect(try await service.get("/healthz").body == "ok")
        let readiness = try await service.get("/readyz")
        #expect(readiness.status == 200, "\(readiness.body)")
        #expect(readiness.body.hasPrefix("ready: configuration loaded"))
        _ = try await service.notify.wait(for: "WATCHDOG=1", after: ready)

        try Self.yaml(port: service.port, title: "Morning stand-up", start: start)
            .write(to: service.config, atomically: true, encoding: .utf8)
        kill(service.process.processIdentifier, SIGHUP)
        let reloading = try await service.notify.wait(for: "RELOADING=1", after: ready)
        let reloaded = try await service.notify.wait(for: "READY=1", after: reloading)
        #expect(service.notify.messages[reloaded].message.contains("STATUS=Configuration reloaded"))
        #expect(try await service.get("/feeds/public.ics").body.contains("SUMMARY:Morning stand-up"))

        try "initiative: { name: Broken\nseries: [".write(to: service.config, atomically: true, encoding: .utf8)
        kill(service.process.processIdentifier, SIGHUP)
        let refusedAt = try await service.notify.wait(for: "RELOADING=1", after: reloaded)
        let refused = try await service.notify.wait(for: "READY=1", after: refusedAt)
        #expect(service.notify.messages[refused].message.contains("Reload refused"))
        #expect(try await service.get("/feeds/public.ics").body.contains("SUMMARY:Morning stand-up"))
        #expect(service.logText.contains("<3>"), "errors are logged with syslog priority 3")
        #expect(service.logText.contains("rhythm.yaml:"), "the bad file's errors name the place")

        kill(service.process.processIdentifier, SIGTERM)
        _ = try await service.notify.wait(for: "STOPPING=1", after: refused)
        service.process.waitUntilExit()
        #expect(service.process.terminationReason == .exit)
        #expect(service.process.terminationStatus == 0)
    }

    @Test("an abstract notify socket (a leading @) is reached too")
    func abstractSocket() async throws {
        let service = try Service(
            yaml: { Self.yaml(port: $0, start: Self.london(Date() + 6 * 3600)) }, abstractSocket: true)
        defer { service.stop() }
        _ = try await service.notify.wait(for: "READY=1")
        kill(service.process.processIdentifier, SIGTERM)
        service.process.waitUntilExit()
        #expect(service.process.terminationStatus == 0)
    }

    @Test("a reminder due a few seconds ahead is sent at its time, and the dispatcher does nothing before")
    func sentOnTime() async throws {
        // The meeting starts 80 s from now; its reminder one minute before it, so 20 s from
        // now: time enough for start-up and its first pass on a machine busy with other tests
        // (a browser among them), which must end before the reminder is due.
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 20).rounded(.up))
        let service = try Service(yaml: { Self.yaml(port: $0, start: Self.london(due + 60)) })
        defer { service.stop() }
        // The first pass, at start-up, ends with a STATUS= line.
        _ = try await service.notify.wait(for: "last pass")
        let maildir = service.directory.appendingPathComponent("maildir/new")
        try #require(Date() < due, "start-up and its first pass took longer than the test allows")
        let passesBefore = try #require(try await service.metric("rhythm_dispatcher_passes_total"))
        let wakeup = try #require(try await service.metric("rhythm_dispatcher_next_wakeup_timestamp_seconds"))
        #expect(abs(wakeup - due.timeIntervalSince1970) < 0.01, "it sleeps until the reminder is due")
        // Look every 100 ms until the reminder is there. What a look finished before the due
        // instant saw is the state before it: no message, and no pass since start-up. (On a
        // busy machine there may be fewer such looks; none of them may see otherwise.)
        var file: String?
        for _ in 0..<350 where file == nil {
            let passes = try await service.metric("rhythm_dispatcher_passes_total")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
            if Date() < due - 0.05 {
                #expect(files.isEmpty, "a message arrived before it was due")
                #expect(passes == passesBefore, "the dispatcher woke up before anything was due")
            }
            file = files.first
            if file == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let found = try #require(file, "the reminder did not arrive; log:\n\(service.logText)")
        let attributes = try FileManager.default.attributesOfItem(atPath: maildir.appendingPathComponent(found).path)
        let written = try #require(attributes[.modificationDate] as? Date)
        #expect(written >= due - 0.05, "sent before it was due")
        // One pass woke up for it, and none before: nothing polls.
        #expect(try await service.metric("rhythm_dispatcher_passes_total") == passesBefore + 1)
        kill(service.process.processIdentifier, SIGTERM)
        service.process.waitUntilExit()
    }

    @Test("an action saved through the API wakes the dispatcher, which sends its reminder at once")
    func apiWakesDispatcher() async throws {
        // A zone where it is now about noon: a reminder one day before an action due tomorrow
        // is due at 09:00 today, already past, so it goes out as soon as it is planned.
        let hour = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: Date()).hour!
        let offset = 12 - hour
        let zone = offset >= 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let tomorrow = calendar.dateComponents([.year, .month, .day], from: Date() + 86_400)
        let due = String(format: "%04d-%02d-%02d", tomorrow.year!, tomorrow.month!, tomorrow.day!)
        let service = try Service(yaml: { port in
            """
            initiative: { name: Wake Test, time_zone: \(zone), domain: wake.example }
            service: { listen: "127.0.0.1:\(port)" }
            people:
              - { id: ana, name: Ana, email: ana@wake.example }
            channels:
              - { id: email, type: email, from: Backbone <backbone@wake.example> }
            reminders:
              - { id: action-soon, for: actions, before: 1 days, channel: email, to: owner }

            """
        })
        defer { service.stop() }
        _ = try await service.notify.wait(for: "last pass")
        let passesBefore = try #require(try await service.metric("rhythm_dispatcher_passes_total"))
        let token = try RhythmProcess.run([
            "api-token", "create", "portal", "--scope", "write", "--config", service.config.path, "--database",
            service.database.path,
        ]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(service.port)/api/v1/actions")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"title": "Send the venue booking", "owner_id": "ana", "due": "\#(due)"}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")

        // Without the wake-up the dispatcher would sleep for five minutes.
        let maildir = service.directory.appendingPathComponent("maildir/new").path
        var files: [String] = []
        for _ in 0..<300 where files.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            files = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
        }
        #expect(files.count == 1, "no reminder after the API write; log:\n\(service.logText)")
        let message = try String(contentsOfFile: "\(maildir)/\(files.first ?? "")", encoding: .utf8)
        #expect(message.contains("Send the venue booking"))
        #expect(try #require(try await service.metric("rhythm_dispatcher_passes_total")) > passesBefore)
        kill(service.process.processIdentifier, SIGTERM)
        service.process.waitUntilExit()
    }
}
