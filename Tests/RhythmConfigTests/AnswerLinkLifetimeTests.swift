import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// `service.answer_links`: how long the links in e-mails keep working, read like the other
/// durations, with each mistake reported at its place.
@Suite struct AnswerLinkLifetimeTests {
    static func load(_ body: String) throws -> LoadedConfiguration {
        try ConfigurationLoader().load(yaml: ConfigurationMistake.base + body, path: "test.yaml")
    }

    @Test("without answer_links the links live 30 days after their subject and 90 days for the page")
    func defaults() throws {
        let lifetimes = try Self.load("service:\n  listen: 127.0.0.1:8080\n").service.answerLinks
        #expect(lifetimes.afterSubject == 30 * 86_400)
        #expect(lifetimes.personalPage == 90 * 86_400)
    }

    static let lifetimeTexts: [(text: String, seconds: TimeInterval)] = [
        ("14d", 1_209_600), ("2 weeks", 1_209_600), ("36h", 129_600), ("P45D", 3_888_000), ("1w 3d", 864_000),
    ]

    @Test("lifetimes are written in days, weeks or hours, or as an ISO 8601 duration", arguments: lifetimeTexts)
    func written(text: String, seconds: TimeInterval) throws {
        let lifetimes = try Self.load("service:\n  answer_links:\n    after_subject: \(text)\n").service.answerLinks
        #expect(lifetimes.afterSubject == seconds)
        #expect(lifetimes.personalPage == 90 * 86_400)
    }

    @Test("each key can be set alone; the other keeps its default")
    func personalPageAlone() throws {
        let lifetimes = try Self.load("service:\n  answer_links:\n    personal_page: 180 days\n").service.answerLinks
        #expect(lifetimes.personalPage == 180 * 86_400)
        #expect(lifetimes.afterSubject == 30 * 86_400)
    }

    static let mistakes: [ConfigurationMistake] = [
        .afterBase(
            "a misspelt answer_links key gets a did-you-mean", "service:\n  answer_links:\n    after_subjet: 30d\n",
            line: 36, column: 5, keyPath: "service.answer_links.after_subjet",
            "unknown key \"after_subjet\"; did you mean \"after_subject\"?"),
        .afterBase(
            "a lifetime in an unknown unit", "service:\n  answer_links:\n    after_subject: 30 months\n",
            line: 36, column: 20, keyPath: "service.answer_links.after_subject",
            "\"months\" is not a unit of days or hours"),
        .afterBase(
            "a lifetime that is not a number", "service:\n  answer_links:\n    personal_page: ninety days\n",
            line: 36, column: 20, keyPath: "service.answer_links.personal_page", "is not a lifetime"),
        .afterBase(
            "a lifetime of zero", "service:\n  answer_links:\n    personal_page: 0d\n",
            line: 36, column: 20, keyPath: "service.answer_links.personal_page", "a lifetime of zero"),
        .afterBase(
            "a negative lifetime", "service:\n  answer_links:\n    after_subject: -5d\n",
            line: 36, column: 20, keyPath: "service.answer_links.after_subject", "cannot be negative"),
        .afterBase(
            "answer_links as a single value", "service:\n  answer_links: 30d\n",
            line: 35, column: 17, keyPath: "service.answer_links", "expected a mapping"),
    ]

    @Test("each mistake is reported at its line and column with what to write instead", arguments: mistakes)
    func mistakeIsReported(_ mistake: ConfigurationMistake) {
        let diagnostics = ConfigurationMistakeTests.diagnostics(loading: mistake.yaml)
        let match = diagnostics.first { $0.keyPath == mistake.keyPath && $0.message.contains(mistake.fragment) }
        guard let match else {
            Issue.record("no diagnostic under \(mistake.keyPath) containing \(mistake.fragment); got \(diagnostics)")
            return
        }
        #expect(match.line == mistake.line, "\(match)")
        #expect(match.column == mistake.column, "\(match)")
        #expect(match.severity == .error)
    }
}
