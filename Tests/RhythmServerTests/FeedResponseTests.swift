import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmServer
import Testing

@Suite("Feed responses")
struct FeedResponseTests {
    @Test("The public feed is text/calendar with validators and polling headers")
    func publicFeedHeaders() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Backbone meeting"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            try await client.execute(uri: "/feeds/public.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == calendar("Backbone meeting"))
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.lastModified] == "Mon, 23 Nov 2026 09:30:00 GMT")
                #expect(response.headers[.vary] == "Accept-Encoding")
                #expect(response.headers[.cacheControl] == "public, max-age=300")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentDisposition] == "inline; filename=\"public.ics\"")
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test("A private feed may not be kept by shared caches and names no token in its headers")
    func privateFeedHeaders() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Partner check-in"), name: secretToken, key: "person-7")
        try await makeApplication(feeds: feeds).test(.router) { client in
            try await client.execute(uri: "/feeds/\(secretToken).ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == calendar("Partner check-in"))
                #expect(response.headers[.cacheControl] == "private, max-age=300")
                #expect(response.headers[.contentDisposition] == nil)
                #expect(!response.headers.contains { $0.value.contains(secretToken) })
            }
        }
    }

    @Test(
        "Every feed, private or public, tells browsers not to pass its URL on as a referrer",
        arguments: [secretToken, "public"])
    func referrerPolicy(name: String) async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Partner check-in"), name: name, key: "person-7")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let response = try await client.execute(uri: "/feeds/\(name).ics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
        }
    }

    @Test("The ETag is the quoted hex SHA-256 of the body and the same on every request")
    func entityTagIsStable() async throws {
        let feeds = TestFeeds()
        feeds.publish("abc", name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let first = try await client.execute(uri: "/feeds/public.ics", method: .get)
            let second = try await client.execute(uri: "/feeds/public.ics", method: .get)
            #expect(first.headers[.eTag] == "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")
            #expect(second.headers[.eTag] == first.headers[.eTag])
        }
    }

    @Test("HEAD gives the headers of GET, with its Content-Length, and no body", arguments: ["identity", "gzip"])
    func head(acceptEncoding: String) async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Data walk"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            let headers: HTTPFields = [.acceptEncoding: acceptEncoding]
            let get = try await client.execute(uri: "/feeds/public.ics", method: .get, headers: headers)
            let head = try await client.execute(uri: "/feeds/public.ics", method: .head, headers: headers)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            for name: HTTPField.Name in [.contentType, .eTag, .lastModified, .cacheControl, .vary, .contentEncoding] {
                #expect(head.headers[name] == get.headers[name])
            }
        }
    }

    @Test("A wrong token and a missing feed get the very same 404")
    func identicalNotFound() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Gone"), name: secretToken, key: "person-7")
        feeds.removeDocument(key: "person-7")
        try await makeApplication(feeds: feeds).test(.router) { client in
            var answers: [(HTTPResponse.Status, String, [String])] = []
            for path in ["/feeds/wrong-token.ics", "/feeds/\(secretToken).ics", "/feeds/public.ics", "/feeds/.ics"] {
                let response = try await client.execute(uri: path, method: .get)
                let headers = response.headers.filter { $0.name != .date }.map { "\($0.name)=\($0.value)" }
                answers.append((response.status, String(buffer: response.body), headers.sorted()))
            }
            let first = try #require(answers.first)
            #expect(first.0 == .notFound)
            #expect(first.1.contains("No feed"))
            #expect(!first.1.contains(secretToken))
            for answer in answers.dropFirst() {
                #expect(answer.0 == first.0)
                #expect(answer.1 == first.1)
                #expect(answer.2 == first.2)
            }
        }
    }

    @Test("A feed path without .ics is not a feed")
    func pathWithoutExtension() async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Public"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            for path in ["/feeds/public", "/feeds/public.ical", "/feeds/public.ics/extra"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test(
        "Other methods on a feed get 405 with Allow: GET, HEAD",
        arguments: [
            HTTPRequest.Method.post, .put, .delete, .patch, .options, HTTPRequest.Method("PROPFIND")!,
        ])
    func methodNotAllowed(method: HTTPRequest.Method) async throws {
        let feeds = TestFeeds()
        feeds.publish(calendar("Public"), name: "public", key: "public")
        try await makeApplication(feeds: feeds).test(.router) { client in
            for path in ["/feeds/public.ics", "/feeds/\(secretToken).ics"] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
        #expect(feeds.renderCount(key: "public") == 0)
    }

    @Test("/healthz answers ok")
    func health() async throws {
        try await makeApplication(feeds: TestFeeds()).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok")
        }
    }
}
