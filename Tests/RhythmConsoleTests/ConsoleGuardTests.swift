import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmCore
import RhythmStore
import Testing

/// The guard in front of the signed-in pages: no session, no CSRF token, another session's
/// token, a signed-out or expired session: each is refused.
@Suite struct ConsoleGuardTests {
    @Test("a page without a session sends the browser to the sign-in page")
    func getRedirects() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.get("/console")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console/sign-in")
            let garbage = try await client.get("/console", cookie: "\(ConsoleCookie.name)=nonsense")
            #expect(garbage.status == .seeOther)
        }
    }

    @Test("a POST with the session's CSRF token goes through, audited as console:<person>")
    func postWithToken() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            let response = try await client.post("/console/echo", form: "csrf_token=\(csrf)&x=1", cookie: cookie)
            #expect(response.status == .ok)
            #expect(response.text == "changed by console:priya")
        }
    }

    @Test("a POST without a session is refused with a page saying to sign in")
    func postWithoutSession() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.post("/console/echo", form: "csrf_token=anything")
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Please sign in again"))
        }
    }

    @Test("a POST without the CSRF token, or with a wrong one, is refused")
    func postWithoutToken() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            #expect(try await client.post("/console/echo", form: "x=1", cookie: cookie).status == .forbidden)
            #expect(try await client.post("/console/echo", form: "csrf_token=", cookie: cookie).status == .forbidden)
            let altered = String(csrf.dropLast()) + (csrf.last == "A" ? "B" : "A")
            let refused = try await client.post("/console/echo", form: "csrf_token=\(altered)", cookie: cookie)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("This form cannot be sent"))
        }
    }

    @Test("a POST with another session's CSRF token is refused")
    func otherSessionsToken() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let mine = try await client.signIn(harness)
            let other = try await client.signIn(harness)
            #expect(mine.csrf != other.csrf)
            let response = try await client.post("/console/echo", form: "csrf_token=\(other.csrf)", cookie: mine.cookie)
            #expect(response.status == .forbidden)
        }
    }

    @Test("after sign-out the old cookie and its token no longer work")
    func afterSignOut() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            #expect(try await client.post("/console/sign-out", cookie: cookie).status == .forbidden)
            let signOut = try await client.post("/console/sign-out", form: "csrf_token=\(csrf)", cookie: cookie)
            #expect(signOut.status == .seeOther)
            #expect(signOut.headers[.location] == "/console/sign-in")
            #expect(signOut.headers[values: .setCookie].first?.contains("Max-Age=0") == true)
            #expect(try await client.get("/console", cookie: cookie).status == .seeOther)
            #expect(
                try await client.post("/console/echo", form: "csrf_token=\(csrf)", cookie: cookie).status == .forbidden)
            let audit = try harness.store.auditEntries(entity: "console-session", entityID: nil, limit: 5)
            #expect(audit.map(\.change) == ["signed-out", "signed-in"])
            #expect(audit.allSatisfy { $0.actor == "console:priya" })
        }
    }

    @Test("after 8 idle hours the session is refused; a request within them keeps it going")
    func afterExpiry() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let (cookie, csrf) = try await client.signIn(harness)
            harness.advance(by: 8 * 3600 - 60)
            #expect(try await client.get("/console", cookie: cookie).status == .ok)
            harness.advance(by: 8 * 3600)
            #expect(
                try await client.post("/console/echo", form: "csrf_token=\(csrf)", cookie: cookie).status == .forbidden)
            #expect(try await client.get("/console", cookie: cookie).status == .seeOther)
        }
    }

    @Test("a revoked session is refused at its next request")
    func afterRevoke() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let (cookie, _) = try await client.signIn(harness)
            _ = try harness.store.revokeConsoleSessions(.person("priya"), actor: "cli:root", now: harness.now)
            #expect(try await client.get("/console", cookie: cookie).status == .seeOther)
        }
    }
}
