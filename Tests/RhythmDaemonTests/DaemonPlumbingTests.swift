import Foundation
import Logging
import Synchronization
import Testing

@testable import RhythmDaemon

/// The small parts that make the daemon a good systemd citizen: log lines journald files
/// under the right priority, notify datagrams, and a wake-up that is never lost.
@Suite struct DaemonPlumbingTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    private func logger(_ format: DaemonLogHandler.Format, journal: Bool, into lines: Lines) -> Logger {
        Logger(label: "rhythm") { label in
            DaemonLogHandler(
                label: label, format: format, level: .debug,
                environment: journal ? ["JOURNAL_STREAM": "8:1234"] : [:], output: lines.append)
        }
    }

    @Test(
        "under journald each line starts with its syslog priority and holds no line break",
        arguments: [
            (Logger.Level.debug, "<7>"), (.info, "<6>"), (.notice, "<5>"), (.warning, "<4>"), (.error, "<3>"),
            (.critical, "<2>"),
        ])
    func journalPriorities(level: Logger.Level, prefix: String) {
        let lines = Lines()
        logger(.text, journal: true, into: lines).log(
            level: level, "first line\nsecond line", metadata: ["channel.id": "email"])
        #expect(lines.all == ["\(prefix)first line ⏎ second line channel.id=email\n"])
    }

    @Test("outside journald a line carries its time and level; JSON lines carry the priority too")
    func otherFormats() throws {
        let lines = Lines()
        logger(.text, journal: false, into: lines).warning("held", metadata: ["outbox.status": "pending"])
        let text = try #require(lines.all.first)
        #expect(text.hasSuffix(" warning held outbox.status=pending\n"))
        #expect(text.first?.isNumber == true)

        let json = Lines()
        logger(.json, journal: true, into: json).error("dead letter", metadata: ["delivery.reply": "550 no"])
        let line = try #require(json.all.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "dead letter")
        #expect(object["level"] as? String == "error")
        #expect(object["priority"] as? Int == 3)
        #expect(object["label"] as? String == "rhythm")
        #expect((object["metadata"] as? [String: String])?["delivery.reply"] == "550 no")
    }

    @Test("without NOTIFY_SOCKET nothing is sent; with one, a datagram reaches a path or an abstract socket")
    func notifier() throws {
        #expect(SystemdNotifier(environment: [:]).notify("READY=1") == false)
        for abstract in [false, true] {
            let name = abstract ? "rhythm-unit-\(UUID().uuidString)" : NSTemporaryDirectory() + "notify-\(UUID())"
            let receiver = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            defer { close(receiver) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = (abstract ? [0] : []) + Array(name.utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(receiver, $0, length) }
            }
            try #require(bound == 0)
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": abstract ? "@" + name : name])
            #expect(notifier.notify("READY=1", "STATUS=Serving"))
            #expect(notifier.status("two\nlines"))
            var buffer = [UInt8](repeating: 0, count: 256)
            let first = recv(receiver, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            #expect(String(decoding: buffer[0..<max(first, 0)], as: UTF8.self) == "READY=1\nSTATUS=Serving")
            let second = recv(receiver, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            #expect(String(decoding: buffer[0..<max(second, 0)], as: UTF8.self) == "STATUS=two lines")
            if !abstract { unlink(name) }
        }
    }

    @Test(
        "a signal before the wait is remembered; a wait without one ends at its deadline",
        .timeLimit(.minutes(5)))
    func wakeup() async {
        let wakeup = Wakeup()
        wakeup.signal()
        // An hour-long wait that returns at once; were the signal lost, the time limit fails it.
        await wakeup.wait(until: .now + .seconds(3600))
        let late = await ContinuousClock().measure { await wakeup.wait(until: .now + .milliseconds(200)) }
        #expect(late >= .milliseconds(200))
    }

    @Test("a sleep on the event loop ends no earlier than asked, and at once when there is nothing to wait")
    func eventLoopSleep() async throws {
        let slept = try await ContinuousClock().measure { try await EventLoopTimer.sleep(for: .milliseconds(150)) }
        #expect(slept >= .milliseconds(150))
        try await EventLoopTimer.sleep(for: .zero)
        try await EventLoopTimer.sleep(until: .now - .seconds(1))
    }

    @Test(
        "a cancelled sleep on the event loop throws CancellationError without waiting out its time",
        .timeLimit(.minutes(5)))
    func eventLoopSleepCancelled() async {
        let sleeper = Task { try await EventLoopTimer.sleep(for: .seconds(3600)) }
        try? await Task.sleep(for: .milliseconds(50))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await EventLoopTimer.sleep(for: .seconds(3600))
        }
        await #expect(throws: CancellationError.self) { try await cancelledFirst.value }
    }

    @Test("the watchdog is armed only for this process, at half systemd's interval")
    func watchdogInterval() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/nowhere"])
        let health = DispatcherHealth()
        let armed = WatchdogService(notifier: notifier, health: health, environment: ["WATCHDOG_USEC": "60000000"])
        #expect(armed.interval == .seconds(30))
        let other = WatchdogService(
            notifier: notifier, health: health, environment: ["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "1"])
        #expect(other.interval == nil)
    }

    @Test("the dispatcher is healthy while idle or progressing, and not once a pass stalls")
    func health() {
        let health = DispatcherHealth()
        let start = Date(timeIntervalSince1970: 1_000_000)
        #expect(health.isHealthy(now: start))
        health.began(at: start)
        health.progressed(at: start + 100)
        #expect(health.isHealthy(now: start + 200))
        #expect(!health.isHealthy(now: start + 100 + DispatcherHealth.stallLimit))
        health.ended(at: start + 400)
        #expect(health.isHealthy(now: start + 10_000))
    }
}
