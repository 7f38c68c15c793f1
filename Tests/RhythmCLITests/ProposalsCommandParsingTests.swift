import ArgumentParser
import Testing

@testable import RhythmCLI

/// Argument checks of `rhythm proposals` that need no process, configuration or database.
@Suite struct ProposalsCommandParsingTests {
    @Test("list takes a series, --all and a format")
    func list() throws {
        let command = try RhythmCommand.parseAsRoot(["proposals", "list", "--series", "leaders", "--all"])
        let list = try #require(command as? ProposalsCommand.List)
        #expect(list.series == "leaders" && list.all && list.format == .text)
    }

    @Test(
        "a malformed id or format is refused before anything runs",
        arguments: [
            (["proposals", "dismiss", "three"], "three"),
            (["proposals", "dismiss"], "<id>"),
            (["proposals", "list", "--format", "xml"], "xml"),
        ])
    func refused(arguments: [String], message: String) {
        #expect {
            _ = try RhythmCommand.parseAsRoot(arguments)
        } throws: { error in
            RhythmCommand.message(for: error).contains(message)
        }
    }
}
