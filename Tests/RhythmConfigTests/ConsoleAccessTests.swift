import Foundation
import RhythmConfig
import RhythmCore
import Testing

/// `console: true` on a person lets them sign in to the backbone's console.
@Suite struct ConsoleAccessTests {
    /// The base document with `console:` added to Ann, on line 14 (its value from column 14).
    static func yaml(console value: String) -> String {
        ConfigurationMistake.base.replacingOccurrences(
            of: "    partner: council\n", with: "    partner: council\n    console: \(value)\n")
    }

    @Test("console: true marks the person; people without it may not sign in")
    func marksPerson() throws {
        let loaded = try ConfigurationLoader().load(yaml: Self.yaml(console: "true"), path: "test.yaml")
        #expect(loaded.initiative.people.map(\.consoleAccess) == [true])
        let without = try ConfigurationLoader().load(yaml: ConfigurationMistake.base, path: "test.yaml")
        #expect(without.initiative.people.map(\.consoleAccess) == [false])
    }

    @Test("a console value that is not true or false is an error at its line and column")
    func wrongValue() throws {
        let diagnostics = ConfigurationMistakeTests.diagnostics(loading: Self.yaml(console: "yes please"))
        let error = try #require(diagnostics.first { $0.keyPath == "people[0].console" }, "\(diagnostics)")
        #expect(error.severity == .error)
        #expect(error.line == 14)
        #expect(error.column == 14)
        #expect(error.message.contains("expected true or false"))
    }
}
