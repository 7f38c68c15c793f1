import Foundation
import RhythmTestSupport
import Testing

@testable import RhythmDelivery

/// The IMAP client against a real Dovecot on loopback: what it reads, what it changes on the
/// server, and how each failure is sorted.
@Suite("IMAP mailbox through libcurl", .serialized)
struct IMAPMailboxTests {
    static func message(_ subject: String) -> String {
        "From: Someone <someone@example.org>\r\nTo: organiser@example.org\r\nSubject: \(subject)\r\n"
            + "Message-ID: <\(UUID().uuidString)@example.org>\r\n\r\nThe body of \(subject).\r\n"
    }

    static func mailbox(
        _ server: IMAPTestServer, _ transport: CurlTransport, password: String? = nil, startTLS: Bool = false,
        mailbox: String = "INBOX", caFile: String?? = nil
    ) -> IMAPMailbox {
        IMAPMailbox(
            account: IMAPAccount(
                server: server.serverURL(startTLS: startTLS), mailbox: mailbox, username: server.username,
                password: password ?? server.password, caFile: caFile ?? server.certificate.path),
            transport: transport)
    }

    @Test("status, summaries and a fetched message match what was delivered")
    func readsNewMessages() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        let first = try await server.deliver(Self.message("first"))
        let second = try await server.deliver(Self.message("second"))
        try await withTransport { transport in
            let mailbox = Self.mailbox(server, transport)
            let status = try await mailbox.status()
            #expect(status.messages == 2)
            #expect(status.uidNext == second + 1)

            let summaries = try await mailbox.summaries(fromUID: first)
            #expect(summaries.map(\.uid) == [first, second])
            #expect(summaries.allSatisfy { !$0.isSeen && $0.size > 0 })
            #expect(try await mailbox.summaries(fromUID: second + 1).isEmpty)

            let bytes = try await mailbox.message(uid: second, uidValidity: status.uidValidity, limit: 1 << 20)
            #expect(String(decoding: bytes, as: UTF8.self).contains("Subject: second"))
        }
    }

    @Test("imap:// upgrades to TLS with STARTTLS and reads the mailbox")
    func startTLS() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        try await server.deliver(Self.message("over starttls"))
        try await withTransport { transport in
            let status = try await Self.mailbox(server, transport, startTLS: true).status()
            #expect(status.messages == 1)
        }
    }

    @Test("seen flags, a created folder and a move change the server as asked")
    func tidiesTheMailbox() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        let handled = try await server.deliver(Self.message("handled"))
        let unrelated = try await server.deliver(Self.message("unrelated"))
        try await withTransport { transport in
            let mailbox = Self.mailbox(server, transport)
            let status = try await mailbox.status()
            #expect(try await mailbox.hierarchyDelimiter() == "/")
            try await mailbox.createFolder("Rhythm/Processed")
            try await mailbox.createFolder("Rhythm/Processed")

            _ = try await mailbox.message(uid: unrelated, uidValidity: status.uidValidity, limit: 1 << 20)
            try await mailbox.setSeen(false, uid: unrelated)
            try await mailbox.setSeen(true, uid: handled)
            try await mailbox.move(uid: handled, to: "Rhythm/Processed")
        }
        let folders = try await server.folders()
        #expect(folders["INBOX"]?.map(\.subject) == ["unrelated"])
        #expect(folders["INBOX"]?.first?.isSeen == false)
        #expect(folders["Rhythm/Processed"]?.map(\.subject) == ["handled"])
        #expect(folders["Rhythm/Processed"]?.first?.isSeen == true)
    }

    @Test("a message over the limit is refused, not truncated")
    func boundsTheMessage() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        let uid = try await server.deliver(Self.message("big") + String(repeating: "x", count: 10_000) + "\r\n")
        try await withTransport { transport in
            let mailbox = Self.mailbox(server, transport)
            let status = try await mailbox.status()
            let error = await #expect(throws: IMAPError.self) {
                _ = try await mailbox.message(uid: uid, uidValidity: status.uidValidity, limit: 4096)
            }
            #expect(error?.kind == .refused)
        }
    }

    @Test("a renumbered mailbox is reported as such when a message is fetched")
    func renumbered() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        let uid = try await server.deliver(Self.message("before"))
        try await withTransport { transport in
            let mailbox = Self.mailbox(server, transport)
            let before = try await mailbox.status()
            try await server.renumber(uidValidity: before.uidValidity + 1000)
            let after = try await mailbox.status()
            #expect(after.uidValidity == before.uidValidity + 1000)
            let error = await #expect(throws: IMAPError.self) {
                _ = try await mailbox.message(uid: uid, uidValidity: before.uidValidity, limit: 1 << 20)
            }
            #expect(error?.kind == .uidValidityChanged)
        }
    }

    @Test("a wrong password, a missing mailbox and an untrusted certificate need an operator")
    func configurationErrors() async throws {
        let server = try await IMAPTestServer.start()
        defer { server.stop() }
        try await withTransport { transport in
            let cases: [(String, IMAPMailbox)] = [
                ("password", Self.mailbox(server, transport, password: "wrong-password-123")),
                ("mailbox", Self.mailbox(server, transport, mailbox: "Nowhere")),
                ("certificate", Self.mailbox(server, transport, caFile: .some(nil))),
            ]
            for (name, mailbox) in cases {
                let error = await #expect(throws: IMAPError.self, "\(name)") {
                    if name == "mailbox" {
                        _ = try await mailbox.summaries(fromUID: 1)
                    } else {
                        _ = try await mailbox.status()
                    }
                }
                #expect(error?.kind == .configuration, "\(name): \(String(describing: error))")
                #expect(error?.description.contains("wrong-password-123") == false)
            }
        }
    }

    @Test("a server that is not there is worth trying again")
    func unreachable() async throws {
        try await withTransport { transport in
            let mailbox = IMAPMailbox(
                account: IMAPAccount(
                    server: "imaps://127.0.0.1:1", mailbox: "INBOX", username: "u", password: "p", caFile: nil),
                transport: transport, timeouts: .init(connect: .seconds(2), total: .seconds(5)))
            let error = await #expect(throws: IMAPError.self) { _ = try await mailbox.status() }
            #expect(error?.kind == .transient)
        }
    }
}
