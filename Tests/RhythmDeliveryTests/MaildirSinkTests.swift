import Foundation
import Logging
import RhythmCore
import Testing

@testable import RhythmDelivery

@Suite("MaildirSink")
struct MaildirSinkTests {
    @Test("a message lands in new/ with tmp/ empty, and the directories are created")
    func delivers() async throws {
        let root = try TemporaryDirectory.make().appendingPathComponent("maildir")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let sink = MaildirSink(directory: root.path, hostname: "host.example", logger: .init(label: "test"))
        let message = try MessageFixtures.message()
        let outcome = await sink.send(message)
        guard case .delivered(let reply) = outcome else {
            Issue.record("expected delivered, got \(outcome)")
            return
        }
        #expect(reply.text.hasPrefix("stored as new/"))
        let fileManager = FileManager.default
        #expect(try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("tmp").path).isEmpty)
        #expect(try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path).isEmpty)
        let names = try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("new").path)
        try #require(names.count == 1)
        #expect(names[0].hasSuffix(".host_example"))
        #expect(!names[0].contains("/") && !names[0].contains(":"))
        let stored = try Data(contentsOf: root.appendingPathComponent("new").appendingPathComponent(names[0]))
        #expect(Array(stored) == (try message.build()))
    }

    @Test("a retry of the same Message-ID writes nothing, even after a reader moved it to cur/")
    func idempotent() async throws {
        let root = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = MaildirSink(directory: root.path, logger: .init(label: "test"))
        let message = try MessageFixtures.message()
        _ = await sink.send(message)
        let second = await sink.send(message)
        #expect(second.reply?.text.hasPrefix("already stored as new/") == true)
        let new = root.appendingPathComponent("new")
        let name = try FileManager.default.contentsOfDirectory(atPath: new.path)[0]
        try FileManager.default.moveItem(
            at: new.appendingPathComponent(name),
            to: root.appendingPathComponent("cur").appendingPathComponent(name + ":2,S")
        )
        let third = await sink.send(message)
        #expect(third.reply?.text.hasPrefix("already stored as cur/") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: new.path).isEmpty)

        _ = await sink.send(try MessageFixtures.message(key: "another delivery"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: new.path).count == 1)
    }

    @Test("a message that cannot be built is a configuration error and writes nothing")
    func refusesInjection() async throws {
        let root = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = MaildirSink(directory: root.path, logger: .init(label: "test"))
        let outcome = await sink.send(try MessageFixtures.message(subject: "x\r\nBcc: a@example.org"))
        guard case .configurationError = outcome else {
            Issue.record("expected a configuration error, got \(outcome)")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("new").path))
    }

    @Test("an unwritable Maildir is a transient failure")
    func unwritable() async throws {
        let sink = MaildirSink(directory: "/proc/rhythm-cannot-write-here", logger: .init(label: "test"))
        let outcome = await sink.send(try MessageFixtures.message())
        #expect(outcome.isRetryable)
    }
}

@Suite("SecretResolver")
struct SecretResolverTests {
    @Test("secrets come from files, the environment and systemd credentials, without the trailing newline")
    func sources() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from-file\n".write(to: directory.appendingPathComponent("password"), atomically: true, encoding: .utf8)
        try "from-credential\n".write(to: directory.appendingPathComponent("smtp"), atomically: true, encoding: .utf8)
        let resolver = SecretResolver(environment: ["PW": "from-env", "CREDENTIALS_DIRECTORY": directory.path])
        #expect(try resolver.resolve(.file(directory.appendingPathComponent("password").path)) == "from-file")
        #expect(try resolver.resolve(.environment("PW")) == "from-env")
        #expect(try resolver.resolve(.systemdCredential("smtp")) == "from-credential")
    }

    @Test("a missing secret names its place, not a value")
    func missing() {
        let resolver = SecretResolver(environment: [:])
        #expect(throws: DeliveryError(.secretUnavailable, "environment variable PW could not be read")) {
            try resolver.resolve(.environment("PW"))
        }
        #expect(throws: DeliveryError.self) { try resolver.resolve(.systemdCredential("smtp")) }
        #expect(throws: DeliveryError.self) { try resolver.resolve(.file("/nonexistent/secret")) }
    }
}
