import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmCore
import RhythmStore
import Testing

/// Signing in to the console: the link, the cookie, and what the sign-in pages reveal.
@Suite struct ConsoleSignInTests {
    @Test("opening a sign-in link only shows a button; pressing it signs in and goes to the console")
    func signInWithLink() async throws {
        let harness = try ConsoleHarness()
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        try await harness.application().test(.router) { client in
            let page = try await client.get("/console/s/\(link)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<form method=\"post\" action=\"/console/s/\(link)\">"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            // Opening it twice (a mail scanner, then the person) spends nothing.
            #expect(try await client.get("/console/s/\(link)").status == .ok)
            let signedIn = try await client.post("/console/s/\(link)")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/console")
            let cookie = try #require(signedIn.sessionCookie)
            let home = try await client.get("/console", cookie: cookie)
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as Priya Natarajan"))
            #expect(home.text.contains("<html lang=\"en\">"))
            #expect(home.csrfToken != nil)
        }
    }

    @Test("a used sign-in link does not work twice")
    func usedLinkRefused() async throws {
        let harness = try ConsoleHarness()
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        try await harness.application().test(.router) { client in
            #expect(try await client.post("/console/s/\(link)").status == .seeOther)
            let again = try await client.post("/console/s/\(link)")
            #expect(again.status == .notFound)
            #expect(again.sessionCookie == nil)
            #expect(try await client.get("/console/s/\(link)").status == .notFound)
        }
    }

    @Test("a sign-in link older than 15 minutes does not work")
    func expiredLinkRefused() async throws {
        let harness = try ConsoleHarness()
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        harness.advance(by: 15 * 60)
        try await harness.application().test(.router) { client in
            let response = try await client.post("/console/s/\(link)")
            #expect(response.status == .notFound)
        }
    }

    @Test("a person without console: true cannot sign in, even with a link made for them")
    func nonConsolePersonRefused() async throws {
        let harness = try ConsoleHarness()
        let link = try harness.store.issueConsoleSignInLink(personID: "tom", now: harness.now)
        try await harness.application().test(.router) { client in
            let unknown = try await client.post("/console/s/" + String(repeating: "A", count: 43))
            let refused = try await client.post("/console/s/\(link)")
            #expect(refused.status == .notFound)
            #expect(refused.sessionCookie == nil)
            #expect(refused.text == unknown.text)
        }
    }

    @Test("every address gets the same answer; only a console person's gets a message, due now")
    func sameAnswerForEveryAddress() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let stranger = try await client.post("/console/sign-in", form: "email=nobody%40example.org")
            let tom = try await client.post("/console/sign-in", form: "email=tom%40example.org")
            #expect(try harness.store.outboxEntries().isEmpty)
            #expect(harness.wakeupCount == 0)
            let priya = try await client.post("/console/sign-in", form: "email=+Priya%40Example.org+")
            #expect(stranger.status == .ok && tom.status == .ok && priya.status == .ok)
            #expect(stranger.text == priya.text)
            #expect(tom.text == priya.text)
            #expect(priya.text.contains("If that address may sign in, a link is on its way."))
            let entries = try harness.store.outboxEntries()
            #expect(entries.count == 1)
            #expect(entries.first?.consoleSignInPersonID == "priya")
            #expect(entries.first?.channelID == "mail")
            #expect(entries.first?.due == harness.now)
            #expect(harness.wakeupCount == 1)
        }
    }

    @Test("a sign-in form sent from another site is refused")
    func crossSiteSignInRefused() async throws {
        let harness = try ConsoleHarness()
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        try await harness.application().test(.router) { client in
            let forced = try await client.post("/console/s/\(link)", origin: "https://evil.example.com")
            #expect(forced.status == .forbidden)
            #expect(forced.sessionCookie == nil)
            let own = try await client.post("/console/s/\(link)", origin: "http://127.0.0.1:8080")
            #expect(own.status == .seeOther)
        }
    }

    @Test("too many sign-in requests from one address are answered 429 with Retry-After")
    func rateLimited() async throws {
        let harness = try ConsoleHarness()
        try await harness.application(limiter: RateLimiter(limit: 2, window: 600)).test(.router) { client in
            for _ in 0..<2 {
                #expect(try await client.post("/console/sign-in", form: "email=a%40example.org").status == .ok)
            }
            let refused = try await client.post("/console/sign-in", form: "email=a%40example.org")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "600")
        }
    }

    @Test(
        "the session cookie is HttpOnly, SameSite=Lax, for /console, and Secure only behind https",
        arguments: [("http://127.0.0.1:8080", false), ("https://rhythm.example.org", true)])
    func cookieAttributes(_ baseURL: String, _ secure: Bool) async throws {
        let harness = try ConsoleHarness(baseURL: baseURL)
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        try await harness.application().test(.router) { client in
            let response = try await client.post("/console/s/\(link)")
            let header = try #require(response.headers[values: .setCookie].first)
            let attributes = Set(header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Lax"))
            #expect(attributes.contains("Path=/console"))
            #expect(attributes.contains("Secure") == secure)
            let value = try #require(response.sessionCookie).dropFirst(ConsoleCookie.name.count + 1)
            #expect(value.count == 43)
        }
    }
}

/// The sign-in page as a person meets it.
@Suite struct ConsoleSignInPageTests {
    @Test("the sign-in page is a labelled e-mail form in English, with no script allowed and nothing cached")
    func signInPage() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let page = try await client.get("/console/sign-in")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("<label for=\"email\">E-mail address</label>"))
            #expect(
                page.text.contains("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required>")
            )
            #expect(!page.text.contains("<script"))
            #expect(!page.text.contains("Sign out"))
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'") && policy.contains("style-src 'sha256-"))
            #expect(!policy.contains("script-src"))
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("an empty address is asked for again")
    func emptyAddress() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let page = try await client.post("/console/sign-in", form: "email=+")
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Please enter your e-mail address."))
        }
    }
}
