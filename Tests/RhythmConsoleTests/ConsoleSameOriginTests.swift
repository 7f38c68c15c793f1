import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmConsole
import RhythmStore
import Testing

/// A browser that posts the sign-in button with `Origin: null` (as Chromium does under a
/// `no-referrer` policy) is judged by its `Sec-Fetch-Site`: whether the form came from this site.
@Suite struct ConsoleSameOriginTests {
    func signIn(_ client: some TestClientProtocol, harness: ConsoleHarness, site: String) async throws
        -> TestResponse
    {
        let link = try harness.store.issueConsoleSignInLink(personID: "priya", now: harness.now)
        let headers: HTTPFields = [
            .contentType: "application/x-www-form-urlencoded", .origin: "null",
            HTTPField.Name("Sec-Fetch-Site")!: site,
        ]
        return try await client.execute(uri: "/console/s/\(link)", method: .post, headers: headers)
    }

    @Test("a sign-in with Origin null from the console's own page signs in")
    func sameOrigin() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let response = try await signIn(client, harness: harness, site: "same-origin")
            #expect(response.status == .seeOther)
            #expect(response.sessionCookie != nil)
        }
    }

    @Test("a sign-in with Origin null from another site is refused")
    func crossSite() async throws {
        let harness = try ConsoleHarness()
        try await harness.application().test(.router) { client in
            let response = try await signIn(client, harness: harness, site: "cross-site")
            #expect(response.status == .forbidden)
            #expect(response.sessionCookie == nil)
        }
    }
}
