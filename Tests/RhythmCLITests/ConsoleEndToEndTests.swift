import Foundation
import RhythmStore
import Testing

/// The console as `rhythm serve` mounts it: a sign-in link asked for on the page arrives in
/// the Maildir, signs in once, and the session it starts ends at sign-out; the command line
/// issues links, lists and revokes sessions.
@Suite("console end to end", .serialized, .timeLimit(.minutes(5)))
struct ConsoleEndToEndTests {
    /// A response as curl reports it: the status, the headers (lower-case names) and the body.
    struct Reply {
        let status: Int
        let headers: [String: [String]]
        let body: String

        func header(_ name: String) -> String? { headers[name.lowercased()]?.first }

        /// `name=value` of the session cookie set here.
        var sessionCookie: String? {
            headers["set-cookie"]?.first { $0.hasPrefix("rhythm_console=") }?.split(separator: ";").first
                .map(String.init)
        }

        var csrfToken: String? {
            guard let range = body.range(of: #"name="csrf_token" value="[^"]+""#, options: .regularExpression)
            else { return nil }
            return body[range].split(separator: "\"").dropFirst(3).first.map(String.init)
        }
    }

    /// One request through curl, which follows no redirect and keeps no cookie, off the
    /// shared test threads.
    static func curl(
        _ server: ServeEndToEndTests.Server, _ method: String, _ path: String, form: String? = nil,
        cookie: String? = nil
    ) async throws -> Reply {
        var arguments = ["-s", "-i", "--max-time", "10", "-X", method]
        if let form { arguments += ["-H", "Content-Type: application/x-www-form-urlencoded", "--data-raw", form] }
        if let cookie { arguments += ["-H", "Cookie: \(cookie)"] }
        let result = try await RhythmProcess.runOffPool(
            arguments + [server.base + path], executable: URL(fileURLWithPath: "/usr/bin/curl"))
        let text = result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = text.components(separatedBy: "\n\n")
        let head = parts.first?.split(separator: "\n") ?? []
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: [String]] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name, default: []].append(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\n\n"))
    }

    @Test("a link asked for on the sign-in page arrives in the Maildir, signs in once, and sign-out ends the session")
    func signInThroughTheMaildir() async throws {
        let server = try ServeEndToEndTests.Server()
        try await server.waitUntilReady()
        let maildir = URL(fileURLWithPath: try #require(server.environment["RHYTHM_DATABASE"]))
            .deletingLastPathComponent().appendingPathComponent("maildir/new").path
        let asked = try await Self.curl(
            server, "POST", "/console/sign-in", form: "email=priya.natarajan%40brightwater-futures.org.au")
        #expect(asked.status == 200)
        var link: String?
        try await server.eventually("the sign-in message is in the Maildir") {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
            for file in files {
                let message = AnswerLinksEndToEndTests.decoded(
                    try String(contentsOfFile: "\(maildir)/\(file)", encoding: .utf8))
                guard message.contains("Subject: Sign in to the console") else { continue }
                link = message.split(separator: "\n").first { $0.hasPrefix("Sign in: ") }
                    .map { String($0.dropFirst("Sign in: ".count)) }
            }
            return link != nil
        }
        let path = try #require(link.map { String($0.dropFirst(server.base.count)) })
        #expect(path.hasPrefix("/console/s/"))

        let button = try await Self.curl(server, "GET", path)
        #expect(button.status == 200)
        #expect(button.body.contains(">Sign in</button>"))
        let signedIn = try await Self.curl(server, "POST", path)
        #expect(signedIn.status == 303)
        #expect(signedIn.header("location") == "/console")
        let cookie = try #require(signedIn.sessionCookie)
        #expect(try await Self.curl(server, "POST", path).status == 404)

        let home = try await Self.curl(server, "GET", "/console", cookie: cookie)
        #expect(home.status == 200)
        #expect(home.body.contains("Signed in as Priya Natarajan"))
        let csrf = try #require(home.csrfToken)

        let sessions = try await RhythmProcess.runOffPool(
            ["console", "sessions", "--format", "json", "--config", server.config], environment: server.environment)
        #expect(sessions.standardOutput.contains("\"person_id\" : \"priya-natarajan\""), "\(sessions.standardOutput)")

        let signedOut = try await Self.curl(
            server, "POST", "/console/sign-out", form: "csrf_token=\(csrf)", cookie: cookie)
        #expect(signedOut.status == 303)
        let after = try await Self.curl(server, "GET", "/console", cookie: cookie)
        #expect(after.status == 303)
        #expect(after.header("location") == "/console/sign-in")
        let cookieValue = String(cookie.dropFirst("rhythm_console=".count))
        let token = String(path.dropFirst("/console/s/".count))
        #expect(!server.logText.contains(cookieValue) && !server.logText.contains(token))
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("rhythm console link prints a link for a console person, refuses anyone else, and revoke ends sessions")
    func commandLine() async throws {
        let server = try ServeEndToEndTests.Server()
        try await server.waitUntilReady()
        let refused = try await RhythmProcess.runOffPool(
            ["console", "link", "mei-lin-chen", "--config", server.config], environment: server.environment)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("console: true"), "\(refused.standardError)")

        let issued = try await RhythmProcess.runOffPool(
            ["console", "link", "tom-whitfield", "--base-url", server.base, "--config", server.config],
            environment: server.environment)
        #expect(issued.status == 0, "\(issued.standardError)")
        let url = issued.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.hasPrefix(server.base + "/console/s/"))
        let signedIn = try await Self.curl(server, "POST", String(url.dropFirst(server.base.count)))
        let cookie = try #require(signedIn.sessionCookie)
        #expect(try await Self.curl(server, "GET", "/console", cookie: cookie).status == 200)

        let listed = try await RhythmProcess.runOffPool(
            ["console", "sessions", "--config", server.config], environment: server.environment)
        #expect(listed.standardOutput.contains("tom-whitfield"), "\(listed.standardOutput)")
        let revoked = try await RhythmProcess.runOffPool(
            ["console", "revoke", "--person", "tom-whitfield", "--config", server.config],
            environment: server.environment)
        #expect(revoked.status == 0, "\(revoked.standardError)")
        #expect(revoked.standardOutput.contains("Ended 1 console session"), "\(revoked.standardOutput)")
        #expect(try await Self.curl(server, "GET", "/console", cookie: cookie).status == 303)
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
