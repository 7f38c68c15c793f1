import Foundation
import RhythmCore
import RhythmStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The answer links of real messages as mail security gateways and mailbox providers meet
/// them at `rhythm serve`: scanners that open every link change nothing, every dead link
/// looks the same, and a one-click unsubscribe works as the providers send it.
@Suite("answer links against scanners and providers", .serialized, .timeLimit(.minutes(5)))
struct AnswerLinkScannerTests {
    @Test("a scanner's GET and HEAD of every link in every message change no row of the database")
    func scannerChangesNothing() async throws {
        let flow = try await AnswerFlow(scheme: "https")
        defer { _ = flow.server.stop() }
        #expect(flow.messages.count == 4, "a check-in reminder each, a nag and a data reminder")
        let before = try flow.databaseRows()
        var requested = 0
        for message in flow.messages {
            let addresses = message.addresses
            let unsubscribe = try #require(DispatchEndToEndTests.header("List-Unsubscribe", in: message.raw))
            #expect(addresses.contains(String(unsubscribe.dropFirst().dropLast())))
            // Every address in a message is one of the service's: nothing goes unscanned.
            #expect(addresses.allSatisfy { $0.hasPrefix(flow.publicURL + "/") }, "\(addresses)")
            for address in addresses {
                let (body, shown) = try await flow.server.get(flow.path(address))
                let page = String(decoding: body, as: UTF8.self)
                #expect(shown.statusCode == 200, "GET \(address): \(shown.statusCode)")
                #expect(page.contains("<h1>") && !page.contains("This link does not work"), "GET \(address): \(page)")
                let (_, head) = try await flow.server.send("HEAD", flow.path(address))
                #expect(head.statusCode == 200, "HEAD \(address): \(head.statusCode)")
                requested += 2
            }
        }
        #expect(requested >= 40, "every message offers its answers, its page and its opt-out")
        let after = try flow.databaseRows()
        #expect(after == before, "a GET or HEAD wrote to the database")
        // The same dump sees an answer: a POST of the one-click unsubscribe shows in it.
        let unsubscribe = try #require(DispatchEndToEndTests.header("List-Unsubscribe", in: flow.messages[0].raw))
        let (_, posted) = try await flow.server.send(
            "POST", flow.path(String(unsubscribe.dropFirst().dropLast())),
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("List-Unsubscribe=One-Click".utf8))
        #expect(posted.statusCode == 200)
        #expect(try flow.databaseRows() != before)
    }

    @Test("wrong, truncated, expired and revoked links get byte-identical answers with the same status")
    func deadLinksLookAlike() async throws {
        let flow = try await AnswerFlow()
        defer { _ = flow.server.stop() }
        let store = try AppDatabase.open(path: flow.database)
        let attending = flow.path(try flow.link("I'll be there", for: "ann"))
        let token = try #require(attending.split(separator: "/").last?.split(separator: "?").first)
        let expired = try store.issueAnswerLink(
            personID: "ann", subject: .page, expiresAt: Date() - 60, now: Date() - 3600)
        let revoked = flow.path(try flow.link("Your page", for: "bob"))
        #expect(try store.revokeAnswerLinks(personID: "bob", now: Date()) > 0)

        let dead: [(String, String)] = [
            ("wrong", "/a/" + String(repeating: "Q", count: token.count)),
            ("truncated", "/a/" + String(token.dropLast(5))),
            ("expired", expired.url(base: "")),
            ("revoked", revoked),
        ]
        var answers: [(name: String, status: Int, body: Data)] = []
        for (name, path) in dead {
            let (body, response) = try await flow.server.get(path)
            answers.append((name, response.statusCode, body))
        }
        let first = try #require(answers.first)
        #expect(first.status == 404)
        #expect(String(decoding: first.body, as: UTF8.self).contains("This link does not work"))
        for answer in answers.dropFirst() {
            #expect(answer.status == first.status, "\(answer.name): \(answer.status)")
            #expect(answer.body == first.body, "\(answer.name): \(String(decoding: answer.body, as: UTF8.self))")
        }
        // The live link next to them still opens: the difference is the token, not the route.
        #expect(try await flow.server.get(attending).1.statusCode == 200)
    }

    @Test("a bare one-click POST to List-Unsubscribe opts the person out and withdraws their pending reminder")
    func oneClickUnsubscribe() async throws {
        let flow = try await AnswerFlow(scheme: "https")
        defer { _ = flow.server.stop() }
        let nag = try #require(flow.messages.first { $0.link("Done") != nil })
        let header = try #require(DispatchEndToEndTests.header("List-Unsubscribe", in: nag.raw))
        let pendingBefore = try pendingNags(flow)
        #expect(!pendingBefore.isEmpty, "tomorrow's nag waits in the outbox")

        // As Gmail and Yahoo send it (RFC 8058): no cookie, no nonce, no redirect followed.
        let (_, response) = try await flow.server.send(
            "POST", flow.path(String(header.dropFirst().dropLast())),
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("List-Unsubscribe=One-Click".utf8))
        #expect(response.statusCode == 200)

        let store = try AppDatabase.open(path: flow.database)
        #expect(try store.reminderOptOuts(personID: "ann").map(\.ruleID) == ["nag"])
        let audit = try store.auditEntries(entity: "reminder-opt-out", entityID: nil, limit: 5)
        #expect(audit.map(\.actor) == ["person:ann (link)"])
        try await flow.server.eventually("ann's pending nags are withdrawn") { try pendingNags(flow).isEmpty }
        let withdrawn = try flow.rhythm(["outbox", "list", "--status", "withdrawn", "--format", "json"])
        for key in pendingBefore {
            #expect(withdrawn.standardOutput.contains(key), "\(key) is not withdrawn: \(withdrawn.standardOutput)")
        }
    }

    /// The keys of the pending nags about ann's overdue action.
    private func pendingNags(_ flow: AnswerFlow) throws -> [String] {
        let listed = try flow.rhythm(["outbox", "list", "--status", "pending", "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]]
        return (entries ?? []).filter { ($0["subject"] as? String)?.contains("Send the minutes") == true }
            .compactMap { $0["key"] as? String }
    }
}
