import Foundation
import RhythmCore
import RhythmStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The answer pages as `rhythm serve` mounts them: the real binary, links issued in its
/// database, answers recorded in its audit trail.
@Suite struct AnswerServingEndToEndTests {
    @Test("rhythm serve answers a one-click unsubscribe, shows the personal page, and 404s a wrong link")
    func answersLinks() async throws {
        let server = try ServeEndToEndTests.Server()
        try await server.waitUntilReady()
        let store = try AppDatabase.open(path: try #require(server.environment["RHYTHM_DATABASE"]))
        let optOut = try store.issueAnswerLink(
            personID: "priya-natarajan", subject: .optOut(ruleID: "agenda-by-email"), expiresAt: nil, now: Date())
        let page = try store.issueAnswerLink(personID: "priya-natarajan", subject: .page, expiresAt: nil, now: Date())

        let (_, unsubscribed) = try await server.send(
            "POST", optOut.url(base: ""), headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("List-Unsubscribe=One-Click".utf8))
        #expect(unsubscribed.statusCode == 200)
        #expect(try store.reminderOptOuts(personID: "priya-natarajan").map(\.ruleID) == ["agenda-by-email"])

        let (body, shown) = try await server.get(page.url(base: ""))
        #expect(shown.statusCode == 200)
        #expect(shown.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(String(decoding: body, as: UTF8.self).contains("Resume"))
        let (_, wrong) = try await server.get("/a/" + String(optOut.token.reversed()))
        #expect(wrong.statusCode == 404)

        let audit = try store.auditEntries(entity: "reminder-opt-out", entityID: nil, limit: 5)
        #expect(audit.map(\.actor) == ["person:priya-natarajan (link)"])
        #expect(!server.logText.contains(optOut.token) && !server.logText.contains(page.token))
        #expect(server.stop() == 0, "\(server.logText)")
    }

    @Test("rhythm serve refuses to start on a broken answer template, naming its file, line and column")
    func brokenAnswerTemplate() async throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let answers = directory.appendingPathComponent("templates/answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        let template = answers.appendingPathComponent("result.html.mustache")
        try "<h1>{{title}}</h1>\n{{#canUndo}}\n".write(to: template, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("rhythm.yaml")
        try String(contentsOfFile: RhythmProcess.exampleConfiguration, encoding: .utf8)
            .replacingOccurrences(of: "listen: 127.0.0.1:8080", with: "listen: 127.0.0.1:\(LoopbackPort.free())")
            .write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = RhythmProcess.executable
        process.arguments = ["serve", "--config", config.path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RHYTHM_DATABASE": directory.appendingPathComponent("rhythm.sqlite").path]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        for _ in 0..<100 where process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning {
            process.terminate()
            Issue.record("rhythm serve started despite a broken answer template")
        }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 78)
        #expect(message.contains("\(template.path):"), "\(message)")
    }
}
