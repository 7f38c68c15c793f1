import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmCore
import RhythmStore
import Testing

@Suite("Links that do not work, limits, headers and logs")
struct LinkSafetyTests {
    static let meeting = AnswerLinkSubject.attendance(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)

    @Test("Wrong, truncated, expired, revoked, someone gone, and a page token under /a/ all get one byte-identical 404")
    func oneNotFoundPage() async throws {
        let harness = try AnswerHarness()
        let good = try harness.link(Self.meeting)
        let expired = try harness.link(Self.meeting, expiresAt: harness.clock.now.addingTimeInterval(60))
        let revoked = try harness.link(Self.meeting)
        let revokedID = try #require(try harness.store.answerLinks(personID: "ana").last?.publicID)
        _ = try harness.store.revokeAnswerLink(publicID: revokedID, now: harness.clock.now)
        let gone = try harness.link(Self.meeting, person: "someone-removed")
        let page = try harness.link(.page)
        let token = String(good.dropFirst("/a/".count))
        let wrong = "/a/" + String(token.reversed())
        let paths = [
            wrong, String(good.dropLast(5)), expired, revoked, gone, "/a/" + page.dropFirst("/me/".count),
            "/me/" + token, "/a/short",
        ]
        harness.clock.advance(by: 120)
        try await harness.application().test(.live) { client in
            var bodies: [String] = []
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains(token.prefix(12)))
                bodies.append(response.text)
                let post = try await client.post(path, form: [("answer", "attending")])
                #expect(post.status == .notFound)
                bodies.append(post.text)
            }
            #expect(Set(bodies).count == 1)
            let body = try #require(bodies.first)
            #expect(body.contains("next message"))
            #expect(body.contains("backbone team"))
            #expect(!body.contains("2027"))
            #expect(try await client.execute(uri: good, method: .get).status == .ok)
        }
        #expect(try harness.store.attendance(seriesID: nil, occurrenceDate: nil).isEmpty)
    }

    @Test("Every page carries the headers of a capability URL")
    func securityHeaders() async throws {
        let harness = try AnswerHarness()
        let paths = [try harness.link(Self.meeting), try harness.link(.page), "/a/unknown"]
        try await harness.application().test(.live) { client in
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("style-src 'sha256-"))
                #expect(policy.contains("form-action 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("base-uri 'none'"))
                #expect(!policy.contains("script-src"))
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains(#"<html lang="en">"#))
                #expect(response.text.contains(#"<meta name="viewport""#))
                #expect(response.text.components(separatedBy: "<h1>").count == 2)
                #expect(!response.text.contains("<script"))
                #expect(!response.text.contains("http://") && !response.text.contains("//fonts"))
            }
        }
    }

    @Test("Every field of every page has its own label, and radio buttons sit in a fieldset with a legend")
    func labelledFields() async throws {
        let harness = try AnswerHarness()
        let action = try harness.store.createAction(
            NewAction(title: "Send the MOU", ownerID: "ana"), actor: "t", now: harness.clock.now)
        _ = try harness.store.addReminderOptOut(
            personID: "ana", ruleID: "day-before", actor: "t", now: harness.clock.now)
        let paths = [
            try harness.link(Self.meeting),
            try harness.link(.agendaItem(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting)),
            try harness.link(.action(action.id)), try harness.link(.action(action.id)) + "?change=due",
            try harness.link(.indicator(indicatorID: "enrolment", period: ReportingPeriod(parsing: "2026-Q4")!)),
            try harness.link(.optOut(ruleID: "day-before")), try harness.link(.page),
        ]
        try await harness.application().test(.live) { client in
            let field = try Regex(#"<(input|select|textarea)\b([^>]*)>"#)
            let identifier = try Regex(#"\bid="([^"]+)""#)
            for path in paths {
                let html = try await client.execute(uri: path, method: .get).text
                var ids: [String] = []
                for match in html.matches(of: field) {
                    let attributes = String(html[match.range])
                    guard !attributes.contains(#"type="hidden""#) else { continue }
                    let id = try #require(attributes.firstMatch(of: identifier).map { String(attributes[$0.range]) })
                    let name = id.dropFirst(4).dropLast()
                    ids.append(String(name))
                    #expect(html.contains(#"<label for="\#(name)">"#), "\(path): \(name)")
                }
                #expect(Set(ids).count == ids.count, "\(path)")
                if html.contains(#"type="radio""#) {
                    #expect(html.contains("<fieldset>") && html.contains("<legend>"), "\(path)")
                }
                #expect(html.contains("<button type=\"submit\"") || path.hasPrefix("/me/"))
            }
        }
    }

    @Test("Hammering one link, or guessing from one address, meets 429 with Retry-After")
    func rateLimits() async throws {
        let harness = try AnswerHarness(
            limits: AnswerRateLimits(
                perToken: RateLimiter(limit: 3, window: 600), perAddress: RateLimiter(limit: 6, window: 600)))
        let path = try harness.link(Self.meeting)
        try await harness.application().test(.live) { client in
            for _ in 0..<3 {
                #expect(try await client.execute(uri: path, method: .get).status == .ok)
            }
            let limited = try await client.execute(uri: path, method: .get)
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...600).contains(wait))
            #expect(!limited.text.contains(path.dropFirst(3)))
            // Guesses: each a new token, all from one address.
            var statuses: [HTTPResponse.Status] = []
            for guess in 0..<3 {
                statuses.append(try await client.execute(uri: "/a/guess\(guess)", method: .get).status)
            }
            #expect(statuses.contains(.tooManyRequests))
        }
    }

    @Test("A client behind the reverse proxy is counted by the address the proxy appended")
    func forwardedAddress() async throws {
        let harness = try AnswerHarness(
            limits: AnswerRateLimits(
                perToken: RateLimiter(limit: 100, window: 600), perAddress: RateLimiter(limit: 2, window: 600)))
        try await harness.application().test(.live) { client in
            func get(from address: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/a/unknown", method: .get,
                    headers: [HTTPField.Name("X-Forwarded-For")!: "203.0.113.9, \(address)"]
                ).status
            }
            var statuses: [HTTPResponse.Status] = []
            for address in ["198.51.100.1", "198.51.100.1", "198.51.100.1", "198.51.100.2"] {
                statuses.append(try await get(from: address))
            }
            #expect(statuses == [.notFound, .notFound, .tooManyRequests, .notFound])
        }
    }

    @Test("The access log names /a/ and /me/ paths without their token")
    func noTokenInLogs() async throws {
        let harness = try AnswerHarness()
        let link = try harness.link(Self.meeting)
        let page = try harness.link(.page)
        try await harness.application().test(.live) { client in
            _ = try await client.answer(link, with: [("answer", "attending")])
            _ = try await client.execute(uri: page, method: .get)
            _ = try await client.answer(page, with: [("rule", "none")], formAction: page + "/resume")
        }
        let access = harness.logs.all.filter { $0.contains("HTTP request") }
        #expect(access.count == 5)
        #expect(access.contains { $0.contains("http.path=/a/<token> ") })
        #expect(access.contains { $0.contains("http.path=/me/<token>/resume ") })
        for token in [link.dropFirst(3), page.dropFirst(4)] {
            #expect(!harness.logs.all.contains { $0.contains(token) })
        }
    }
}
