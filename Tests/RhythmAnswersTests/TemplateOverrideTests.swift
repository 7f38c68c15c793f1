import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmAnswers
import RhythmStore
import Testing

@Suite("Answer templates overridden from templates/answers/")
struct TemplateOverrideTests {
    @Test("A file in the directory replaces its built-in page, and the style sheet's hash follows answer.css")
    func override() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{> answer-head.html}}<h1>Link gone</h1><p>Ask Sam at the backbone.</p>{{> answer-foot.html}}"
            .write(to: directory.appendingPathComponent("not-found.html.mustache"), atomically: true, encoding: .utf8)
        try "body { color: #000000; }".write(
            to: directory.appendingPathComponent("answer.css"), atomically: true, encoding: .utf8)
        let builtIn = try AnswerHarness()
        let edited = try AnswerHarness(pages: try AnswerPages(directory: directory))
        let meeting = try edited.link(.attendance(seriesID: "leaders", occurrenceDate: AnswerInitiative.nextMeeting))
        let builtInPolicy = try await builtIn.application().test(.live) { client in
            try await client.execute(uri: "/a/unknown", method: .get).headers[.contentSecurityPolicy]
        }
        try await edited.application().test(.live) { client in
            let gone = try await client.execute(uri: "/a/unknown", method: .get)
            #expect(gone.status == .notFound)
            #expect(gone.text.contains("Ask Sam at the backbone."))
            #expect(gone.text.contains("<style>body { color: #000000; }</style>"))
            let policy = try #require(gone.headers[.contentSecurityPolicy])
            #expect(policy != builtInPolicy)
            let question = try await client.execute(uri: meeting, method: .get)
            #expect(question.text.contains("Send apologies"))
        }
    }

    @Test("The directory is templates/answers/ beside the configuration, when it exists")
    func defaultDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = directory.appendingPathComponent("rhythm.yaml").path
        #expect(AnswerPages.defaultDirectory(forConfigurationAt: configuration) == nil)
        let answers = directory.appendingPathComponent("templates/answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        #expect(AnswerPages.defaultDirectory(forConfigurationAt: configuration)?.path == answers.path)
    }
}
