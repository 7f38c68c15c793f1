import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// A chat handle of the wrong form mentions no one; `check` warns at the handle and says
/// what each system needs.
@Suite struct ChatHandleTests {
    /// The base document with `chat:` added to Ann, on line 14 (its value from column 20).
    static func diagnostics(_ system: String, _ handle: String) -> [Diagnostic] {
        let yaml = ConfigurationMistake.base.replacingOccurrences(
            of: "    partner: council\n", with: "    partner: council\n    chat: { \(system): \"\(handle)\" }\n")
        return ConfigurationMistakeTests.diagnostics(loading: yaml)
    }

    @Test(
        "a handle that cannot be a mention is a warning at the handle, saying what the system needs",
        arguments: [
            ("slack", "meilin", "member ID, like U024BE7LH"),
            ("slack", "@meilin", "member ID"),
            ("teams", "Mei Lin", "sign-in address"),
            ("mattermost", "@meilin", "without the @"),
            ("mattermost", "channel", "notifies everyone"),
            ("mattermost", "Mei Lin", "lowercase letters"),
            ("discord", "meilin#1234", "user ID, 17 to 20 digits"),
            ("google-chat", "users/123456789", "only the number after users/"),
            ("google-chat", "mei@example.org", "numeric user id"),
        ])
    func wrongFormWarns(_ system: String, _ handle: String, _ fragment: String) throws {
        let diagnostics = Self.diagnostics(system, handle)
        let warning = try #require(
            diagnostics.first { $0.keyPath == "people[0].chat.\(system)" }, "\(diagnostics)")
        #expect(warning.severity == .warning)
        #expect(warning.line == 14)
        #expect(warning.message.contains(fragment), "\(warning.message)")
    }

    @Test(
        "a handle of the right form passes without a warning",
        arguments: [
            ("slack", "U024BE7LH"), ("slack", "W012A3CDE"), ("slack", "U02PRIYA"), ("teams", "mei.lin@example.org"),
            ("teams", "8f0c5c2e-1f7b-4bda-9a3e-0123456789ab"), ("mattermost", "mei.lin"),
            ("discord", "123456789012345678"), ("google-chat", "1112223334445556667"),
        ])
    func rightFormPasses(_ system: String, _ handle: String) {
        #expect(Self.diagnostics(system, handle).isEmpty)
    }
}
