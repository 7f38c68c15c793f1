import ArgumentParser
import Testing

@testable import RhythmCLI

/// `rhythm person` reads its arguments without a process.
@Suite struct PersonCommandParsingTests {
    @Test("clear-bounce takes the person's id")
    func clearBounce() throws {
        let command = try #require(
            try RhythmCommand.parseAsRoot(["person", "clear-bounce", "mei-lin"]) as? PersonCommand.ClearBounce)
        #expect(command.personID == "mei-lin")
    }

    @Test("clear-bounce without a person is refused before anything runs")
    func clearBounceNeedsAPerson() {
        #expect {
            _ = try RhythmCommand.parseAsRoot(["person", "clear-bounce"])
        } throws: { error in
            RhythmCommand.message(for: error).contains("person-id")
        }
    }

    @Test("list is a subcommand of person")
    func list() throws {
        #expect(try RhythmCommand.parseAsRoot(["person", "list"]) is PersonCommand.List)
    }
}
