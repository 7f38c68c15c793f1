import Foundation
import Logging
import Testing

@testable import RhythmDelivery

/// One-click unsubscribe (RFC 8058): the two headers mailbox providers look for, in the
/// bytes both transports deliver, and only ever with an https address.
@Suite("List-Unsubscribe", .serialized, .timeLimit(.minutes(5)))
struct ListUnsubscribeTests {
    static let address = URL(string: "https://rhythm.example.org/a/0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")!

    static func message(unsubscribe: URL? = address) throws -> EmailMessage {
        var message = try MessageFixtures.message()
        message.oneClickUnsubscribe = unsubscribe
        return message
    }

    /// The header lines of raw message bytes.
    static func headers(_ bytes: [UInt8]) throws -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        return head.components(separatedBy: "\r\n")
    }

    @Test("the message carries List-Unsubscribe with the address and List-Unsubscribe-Post for one click")
    func headers() throws {
        let headers = try Self.headers(try Self.message().build())
        #expect(headers.contains("List-Unsubscribe: <\(Self.address.absoluteString)>"))
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        let without = try Self.headers(try Self.message(unsubscribe: nil).build())
        #expect(!without.contains { $0.hasPrefix("List-Unsubscribe") })
    }

    @Test(
        "an address that is not https, or that could break the header, is refused",
        arguments: ["http://rhythm.example.org/a/token", "mailto:unsubscribe@example.org"])
    func refusesOtherAddresses(address: String) throws {
        let message = try Self.message(unsubscribe: URL(string: address))
        #expect(throws: DeliveryError.self) { try message.build() }
    }

    @Test("the Maildir sink stores both headers")
    func maildir() async throws {
        let root = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = MaildirSink(directory: root.path, logger: Logger(label: "test"))
        _ = await sink.send(try Self.message())
        let new = root.appendingPathComponent("new")
        let names = try FileManager.default.contentsOfDirectory(atPath: new.path)
        try #require(names.count == 1)
        let stored = Array(try Data(contentsOf: new.appendingPathComponent(names[0])))
        let headers = try Self.headers(stored)
        #expect(headers.contains("List-Unsubscribe: <\(Self.address.absoluteString)>"))
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
    }

    @Test("SMTP delivers both headers to the server")
    func smtp() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let (configuration, secrets) = server.configuration()
        let message = try Self.message()
        let outcome = try await withTransport { transport in
            await SMTPSender(
                configuration: configuration, transport: transport, secrets: secrets, logger: .init(label: "test")
            )
            .send(message)
        }
        guard case .delivered = outcome else {
            Issue.record("expected delivered, got \(outcome)")
            return
        }
        let files = try server.received()
        try #require(files.count == 1)
        let headers = try Self.headers(Array(try Data(contentsOf: files[0])))
        #expect(headers.contains("List-Unsubscribe: <\(Self.address.absoluteString)>"))
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
    }
}
