import Foundation
import RhythmConfig
import RhythmConsole
import RhythmCore
import RhythmStore
import RhythmTestSupport
import Testing

/// The console's home page as the backbone team sees it: `rhythm serve` with the example
/// configuration and a quarter of history, signed in with the link from the Maildir, in a
/// real browser at phone and desktop sizes.
@Suite("console home in a browser", .serialized, .timeLimit(.minutes(5)))
struct ConsoleHomeBrowserTests {
    typealias Server = ServeEndToEndTests.Server

    /// The example configuration on a free port, its database filled with a quarter ending now.
    static func server() throws -> (Server, Initiative) {
        let directory = try RhythmProcess.temporaryDirectory()
        let port = LoopbackPort.free()
        let example = try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try example.replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(port)")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let initiative = try ConfigurationLoader().load(path: config).initiative
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        try ExampleQuarter.fill(store: store, initiative: initiative, endingAt: Date())
        return (try Server(directory: directory, config: config, port: port), initiative)
    }

    /// The sign-in link of the newest sign-in message in `server`'s Maildir.
    static func signInLink(_ server: Server) async throws -> String {
        let maildir = URL(fileURLWithPath: try #require(server.environment["RHYTHM_DATABASE"]))
            .deletingLastPathComponent().appendingPathComponent("maildir/new").path
        var link: String?
        try await server.eventually("the sign-in message is in the Maildir") {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? [] {
                let message = AnswerLinksEndToEndTests.decoded(
                    try String(contentsOfFile: "\(maildir)/\(file)", encoding: .utf8))
                guard message.contains("Subject: Sign in to the console") else { continue }
                link = message.split(separator: "\n").first { $0.hasPrefix("Sign in: ") }
                    .map { String($0.dropFirst("Sign in: ".count)) }
            }
            return link != nil
        }
        return try #require(link)
    }

    @Test("signed in from the Maildir, the home page reads whole on a phone and a desktop, with no serious axe finding")
    func homeInABrowser() async throws {
        let (server, initiative) = try Self.server()
        defer { _ = server.stop() }
        try await server.waitUntilReady()
        let browser = try Browser()
        defer { browser.close() }
        let asked = try await browser.runOffPool([
            .open(server.base + "/console/sign-in"),
            .fill(label: "E-mail address", text: "priya.natarajan@brightwater-futures.org.au"),
            .click("Send me a sign-in link"), .text,
        ])
        #expect(asked.text.contains("If that address may sign in"), "\(asked.text)")
        let signedIn = try await browser.runOffPool([
            .open(try await Self.signInLink(server)), .click("Sign in"), .text,
        ])
        #expect(signedIn.url == server.base + "/console", "\(signedIn.url)")
        #expect(signedIn.text.contains("Signed in as Priya Natarajan"))

        let screenshots = try RhythmProcess.temporaryDirectory()
        for (name, width, height) in AgendaPageBrowserTests.sizes {
            let shot = screenshots.appendingPathComponent("console-home-\(name).png").path
            let page = try await browser.runOffPool([
                .window(width: width, height: height), .open(server.base + "/console"), .screenshot(shot), .text, .axe,
            ])
            print("Screenshot of the console's home page at \(name) size (\(width)x\(height)): \(shot)")
            #expect(page.pageSize?.width == width, "\(name): \(String(describing: page.pageSize))")
            for heading in ["This week and next", "Series health", "Delivery"] {
                #expect(page.text.contains(heading), "\(name): \(heading)")
            }
            for series in initiative.series {
                #expect(page.text.contains(series.title), "\(name): \(series.title)")
            }
            let serious = page.violations.filter(\.isSeriousOrWorse)
            #expect(serious.isEmpty, "\(name): \(serious)")
            #expect(FileManager.default.fileExists(atPath: shot))
        }

        // The charts served carry the numbers the model computes from the same database.
        let link = try server.rhythm(["console", "link", "priya-natarajan", "--base-url", server.base])
        #expect(link.status == 0, "\(link.standardError)")
        let path = String(
            link.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count))
        let cookie = try #require(try await ConsoleEndToEndTests.curl(server, "POST", path).sessionCookie)
        let served = try await ConsoleEndToEndTests.curl(server, "GET", "/console", cookie: cookie).body
        let store = try AppDatabase.open(path: try #require(server.environment["RHYTHM_DATABASE"]))
        let model = ConsoleHomePage.render(try ConsoleHome.load(store: store, initiative: initiative, now: Date()))
        let charts = { (html: String) in
            html.components(separatedBy: "<svg ").dropFirst().map {
                "<svg " + ($0.components(separatedBy: "</svg>").first ?? "")
            }
        }
        #expect(charts(served).count == charts(model).count)
        #expect(charts(served).count >= 2 + initiative.indicators.count)
        #expect(charts(served) == charts(model))
    }
}
